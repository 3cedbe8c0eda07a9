import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ATTRIBUTE_KEYS,
  ATTRIBUTE_KEY_LIST,
  ENTRY_STAGES,
  KIND_LABELS,
  LEVEL_LABELS,
  PROJECT_KINDS,
  PROJECT_LEVELS,
  STAGE_DATE_FIELD,
  STAGE_LABELS,
  annualPlansWithinTotal,
  isProjectCode,
  isValidYuan,
  yuanToFen,
  type ProjectKind,
  type Stage,
} from '@guatu/core';
import { get, patch, post } from '../../api/client';
import type { Project } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { categoryTree, loadCategories, type TreeOption } from '../../lib/codeLists';
import { RegionSelect } from '../../lib/RegionSelect';
import { AnnualPlansField } from './AnnualPlansField';

interface Values {
  code?: string;
  name: string;
  kind: ProjectKind;
  regionCode: string;
  locationRegionCode?: string;
  longitude?: string;
  latitude?: string;
  categoryCode: string;
  level: string;
  stage?: Stage;
  signedOn?: Dayjs;
  startedOn?: Dayjs;
  completedOn?: Dayjs;
  totalInvestment: string;
  agreementAmount?: string;
  annualPlans: { year: number; amount: string }[];
  liaisonLeader?: { name?: string; title?: string };
  workingTeam?: string;
  caseFile?: string;
  attributes?: Record<string, string>;
  description?: string;
}

const yuanRule = (t: (k: 'form.amountHint') => string) => ({
  validator: (_: unknown, v: string | undefined) => (!v || isValidYuan(v) ? Promise.resolve() : Promise.reject(new Error(t('form.amountHint')))),
});
const coordinateRule = { pattern: /^-?\d{1,3}(\.\d{1,6})?$/, message: '经纬度，如 103.804' };
const iso = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);
const blank = (v?: string | null) => (v === undefined || v === '' ? null : v);

/** Create or edit a project. Fields validate as the user types; the server's field errors show on the fields. */
export default function ProjectFormPage() {
  const id = useParams().id ? Number(useParams().id) : null;
  const { t, label, locale, field } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [project, setProject] = useState<Project | null>(null);
  const [categories, setCategories] = useState<TreeOption[]>([]);
  const [banner, setBanner] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'investment-attraction';
  const stage = Form.useWatch('stage', form);

  useEffect(() => {
    loadCategories().then((c) => setCategories(categoryTree(c, locale)), () => undefined);
  }, [locale]);
  useEffect(() => {
    if (!id) return;
    get<Project>(`/projects/${id}`).then((p) => {
      setProject(p);
      form.setFieldsValue({
        ...p,
        locationRegionCode: p.locationRegionCode ?? undefined,
        longitude: p.longitude ?? undefined,
        latitude: p.latitude ?? undefined,
        agreementAmount: p.agreementAmount ?? undefined,
        liaisonLeader: p.liaisonLeader ? { name: p.liaisonLeader.name, title: p.liaisonLeader.title ?? undefined } : undefined,
        workingTeam: p.workingTeam ?? undefined,
        caseFile: p.caseFile ?? undefined,
        description: p.description ?? undefined,
      } as never);
    }, (e: Error) => setBanner([e.message]));
  }, [id, form]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setBanner([]);
    const body = {
      name: v.name,
      kind: v.kind,
      regionCode: v.regionCode,
      locationRegionCode: blank(v.locationRegionCode),
      longitude: blank(v.longitude),
      latitude: blank(v.latitude),
      categoryCode: v.categoryCode,
      level: v.level,
      totalInvestment: v.totalInvestment,
      agreementAmount: blank(v.agreementAmount),
      annualPlans: (v.annualPlans ?? []).filter((p) => p && p.year && p.amount),
      liaisonLeader: v.liaisonLeader?.name ? { name: v.liaisonLeader.name, title: blank(v.liaisonLeader.title) } : null,
      workingTeam: blank(v.workingTeam),
      caseFile: blank(v.caseFile),
      attributes: Object.fromEntries(Object.entries(v.attributes ?? {}).filter(([, x]) => x !== undefined && x !== '')),
      description: blank(v.description),
    };
    try {
      const saved = project
        ? await patch<Project>(`/projects/${project.id}`, { ...body, version: project.version })
        : await post<Project>('/projects', { ...body, code: v.code, stage: v.stage, signedOn: iso(v.signedOn), startedOn: iso(v.startedOn), completedOn: iso(v.completedOn) });
      message.success(t('saved'));
      navigate(`/projects/${saved.id}`);
    } catch (e) {
      const rest = applyServerErrors(form, e);
      setBanner(rest.length ? rest : [t('form.serverErrors')]);
    } finally {
      setBusy(false);
    }
  };

  const dateField = (field: 'signedOn' | 'startedOn' | 'completedOn', text: string) => {
    const needed = stage && Object.entries(STAGE_DATE_FIELD).some(([s, f]) => f === field && ENTRY_ORDER.indexOf(stage) >= ENTRY_ORDER.indexOf(s as Stage));
    return (
      <Col xs={24} md={8}>
        <Form.Item name={field} label={text} rules={[{ required: !!needed }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Col>
    );
  };

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{project ? t('form.editTitle') : t('form.createTitle')}</h1>
      </div>
      <Card>
        {banner.length > 0 && <Alert type="error" showIcon title={banner.join('；')} style={{ marginBottom: 16 }} data-testid="form-errors" />}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          initialValues={{ kind: 'investment-attraction', level: 'county', annualPlans: [], stage: 'construction' }}
          scrollToFirstError
        >
          <Row gutter={16}>
            {!id && (
              <Col xs={24} md={12}>
                <Form.Item
                  name="code"
                  label={field('code')}
                  extra="如 2022-530302-44-01-000123"
                  rules={[{ required: true }, { validator: (_, v) => (!v || isProjectCode(v) ? Promise.resolve() : Promise.reject(new Error('项目代码格式不正确'))) }]}
                >
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={id ? 24 : 12}>
              <Form.Item name="name" label={t('projects.name')} rules={[{ required: true, min: 2, max: 200, whitespace: true }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('projects.kind')} rules={[{ required: true }]}>
                <Select options={PROJECT_KINDS.map((k) => ({ value: k, label: label(KIND_LABELS, k) }))} disabled={!!id} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="categoryCode" label={t('projects.category')} rules={[{ required: true }]}>
                <TreeSelect treeData={categories} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: 'title' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="level" label={t('projects.level')} rules={[{ required: true }]}>
                <Select options={PROJECT_LEVELS.map((k) => ({ value: k, label: label(LEVEL_LABELS, k) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="regionCode" label={field('regionCode')} rules={[{ required: true }]}>
                <RegionSelect style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="locationRegionCode" label={field('locationRegionCode')}>
                <RegionSelect style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="longitude" label={field('longitude')} rules={[coordinateRule]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} md={4}>
              <Form.Item name="latitude" label={field('latitude')} rules={[coordinateRule]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            {!id && (
              <>
                <Col xs={24} md={8}>
                  <Form.Item name="stage" label={field('stage')} rules={[{ required: true }]}>
                    <Select options={ENTRY_STAGES[kind].map((s) => ({ value: s, label: label(STAGE_LABELS, s) }))} />
                  </Form.Item>
                </Col>
                {kind === 'investment-attraction' && dateField('signedOn', '签约日期')}
                {dateField('startedOn', '开工日期')}
                {dateField('completedOn', '竣工日期')}
              </>
            )}
            <Col xs={24} md={8}>
              <Form.Item name="totalInvestment" label={`${field('totalInvestment')}（${t('yuanUnit')}）`} rules={[{ required: true }, yuanRule(t)]} extra={t('form.amountHint')}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="agreementAmount" label={`${field('agreementAmount')}（${t('yuanUnit')}）`} rules={[yuanRule(t)]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <AnnualPlansField
                label={t('form.annualPlans')}
                addText={t('form.addPlan')}
                validate={(plans, total) => {
                  if (!total || !isValidYuan(total) || plans.some((p) => !p?.amount || !isValidYuan(p.amount))) return null;
                  return annualPlansWithinTotal(yuanToFen(total), plans.map((p) => yuanToFen(p.amount))) ? null : '各年度计划投资合计超过总投资';
                }}
              />
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['liaisonLeader', 'name']} label={t('form.liaisonName')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name={['liaisonLeader', 'title']} label={t('form.liaisonTitle')}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="caseFile" label={field('caseFile')}>
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="workingTeam" label={field('workingTeam')}>
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
            {ATTRIBUTE_KEY_LIST.map((key) => (
              <Col xs={12} md={8} key={key}>
                <Form.Item name={['attributes', key]} label={ATTRIBUTE_KEYS[key][locale]} rules={[{ pattern: /^\d{1,15}(\.\d{1,4})?$/, message: '非负数字' }]}>
                  <Input inputMode="decimal" />
                </Form.Item>
              </Col>
            ))}
            <Col span={24}>
              <Form.Item name="description" label={t('detail.description')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </Col>
          </Row>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="project-save">
              {t('save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('cancel')}</Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}

/** Stages in pipeline order, to know which dates a project entered at a stage must carry. */
const ENTRY_ORDER: Stage[] = ['lead', 'negotiating', 'signed', 'planning', 'preparation', 'construction', 'completed', 'operating'];
