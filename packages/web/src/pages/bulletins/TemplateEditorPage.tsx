import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Tag, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { FIGURE_FORMATS, TEMPLATE_NEEDS, TEMPLATE_WORDS } from '@guatu/core';
import { loadTemplate, saveTemplate, type Template } from '../../api/bulletins';
import { ApiError } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { dateTime } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { formField, toBody, toForm, type TemplateFormValues } from './templateForm';
import { CopyTemplateButton } from './CopyTemplateButton';

/** A template's paragraphs and figures, edited by an administrator; every save is a new version. */
export default function TemplateEditorPage() {
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const version = Number(params.get('version')) || undefined;
  const state = useLoad(() => loadTemplate(id, version), [id, version]);
  return <Loaded state={state}>{(tpl) => <Editor key={`${tpl.id}-${tpl.version}-${version ?? ''}`} template={tpl} earlier={version !== undefined} onSaved={state.reload} />}</Loaded>;
}

function Editor({ template: tpl, earlier, onSaved }: { template: Template; earlier: boolean; onSaved(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TemplateFormValues>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const readOnly = earlier || !tpl.abilities.update;
  const keys = (Form.useWatch('figures', form) ?? []).map((f) => f?.key).filter(Boolean) as string[];

  const save = async (values: TemplateFormValues) => {
    setBusy(true);
    setProblems([]);
    try {
      const saved = await saveTemplate(tpl.id, { version: tpl.version, name: values.name, description: values.description || null, body: toBody(values) });
      message.success(t('templates.savedVersion', { n: saved.version }));
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError) || !e.issues.length) {
        setProblems([(e as Error).message]);
        return;
      }
      const leftover: string[] = [];
      const fields = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const issue of e.issues) {
        const name = formField(issue.field, values);
        const text = issue.rule === 'json' ? t('templates.filterInvalid') : issue.message;
        if (!name) leftover.push(`${issue.field}：${text}`);
        else fields.set(name.join('.'), { name, errors: [...(fields.get(name.join('.'))?.errors ?? []), text] });
      }
      form.setFields([...fields.values()] as never);
      setProblems(leftover.length ? leftover : fields.size ? [] : [e.message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="guatu-page-header">
        <Space wrap>
          <Link to="/bulletin-templates">
            <Button icon={<ArrowLeftOutlined />} aria-label={t('templates.title')} />
          </Link>
          <h1 style={{ margin: 0 }}>{tpl.name}</h1>
          <Tag>{t('bulletins.versionN', { n: tpl.version })}</Tag>
          <Tag>{tpl.regionName}</Tag>
        </Space>
        {readOnly && !earlier && <CopyTemplateButton template={tpl} body={() => toBody(form.getFieldsValue(true) as TemplateFormValues)} />}
        {!readOnly && (
          <Button type="primary" icon={<SaveOutlined />} loading={busy} onClick={() => form.submit()} data-testid="template-save">
            {t('save')}
          </Button>
        )}
      </div>
      {earlier ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('templates.showing', { n: tpl.version })} action={<Link to={`/bulletin-templates/${tpl.id}`}>{t('templates.showCurrent')}</Link>} />
      ) : readOnly ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('templates.readOnly', { region: tpl.regionName })} />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('templates.versioning')} data-testid="template-versioning" />
      )}
      {problems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problems.join('；')} />}
      <Form<TemplateFormValues> form={form} layout="vertical" initialValues={toForm(tpl)} onFinish={save} disabled={readOnly}>
        <Row gutter={16}>
          <Col xs={24} xl={17}>
            <Card title={tpl.code} style={{ marginBottom: 16 }}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="name" label={t('templates.name')} rules={[{ required: true, min: 2, max: 100 }]}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="needs" label={t('templates.needs')}>
                    <Select mode="multiple" allowClear options={TEMPLATE_NEEDS.map((n) => ({ value: n, label: t(`needs.${n}`) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="description" label={t('templates.description')}>
                <Input.TextArea rows={2} />
              </Form.Item>
              <Form.Item name="title" label={t('templates.docTitle')} rules={[{ required: true }]}>
                <Input data-testid="template-title" />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="categories" label={t('templates.categories')}>
                    <Select mode="tags" open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="tags" label={t('templates.tags')}>
                    <Select mode="tags" open={false} suffixIcon={null} />
                  </Form.Item>
                </Col>
              </Row>
            </Card>
            <Card title={t('templates.paragraphs')} style={{ marginBottom: 16 }}>
              <Form.List name="paragraphs">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field, i) => (
                      <div key={field.key} style={{ marginBottom: 12 }} data-testid="template-paragraph">
                        <Space style={{ marginBottom: 4 }}>
                          <Typography.Text strong>{t('templates.paragraph', { n: i + 1 })}</Typography.Text>
                          <Form.Item name={[field.name, 'heading']} valuePropName="checked" noStyle>
                            <Checkbox>{t('templates.heading')}</Checkbox>
                          </Form.Item>
                          {!readOnly && fields.length > 1 && <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="delete" onClick={() => remove(field.name)} />}
                        </Space>
                        <Form.Item name={[field.name, 'text']} rules={[{ required: true, whitespace: true }]} style={{ marginBottom: 0 }}>
                          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
                        </Form.Item>
                      </div>
                    ))}
                    {!readOnly && (
                      <Button icon={<PlusOutlined />} onClick={() => add({ heading: false, text: '' })}>
                        {t('templates.addParagraph')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
            <Card title={t('templates.figures')} style={{ marginBottom: 16 }}>
              <Form.List name="figures">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((field) => (
                      <Card key={field.key} size="small" style={{ marginBottom: 12, background: '#fafafa' }} data-testid="template-figure">
                        <Row gutter={12}>
                          <Col xs={24} md={6}>
                            <Form.Item name={[field.name, 'key']} label={t('templates.key')} rules={[{ required: true, pattern: /^[A-Za-z][A-Za-z0-9_]{0,39}$/ }]}>
                              <Input prefix="{{" suffix="}}" />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={8}>
                            <Form.Item name={[field.name, 'label']} label={t('templates.label')} rules={[{ required: true }]}>
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={5}>
                            <Form.Item name={[field.name, 'format']} label={t('templates.format')} rules={[{ required: true }]}>
                              <Select options={FIGURE_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))} />
                            </Form.Item>
                          </Col>
                          <Col xs={12} md={5}>
                            <Form.Item name={[field.name, 'subject']} label={t('templates.subject')}>
                              <Select allowClear placeholder={t('subject.projects')} options={(['projects', 'enterprises', 'groups'] as const).map((s) => ({ value: s, label: t(`subject.${s}`) }))} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={10}>
                            <Form.Item name={[field.name, 'measure']} label={t('templates.measure')} rules={[{ required: true }]}>
                              <Input style={{ fontFamily: 'monospace' }} />
                            </Form.Item>
                          </Col>
                          <Col xs={24} md={14}>
                            <Form.Item name={[field.name, 'filter']} label={t('templates.filterJson')}>
                              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} style={{ fontFamily: 'monospace', fontSize: 12 }} />
                            </Form.Item>
                          </Col>
                        </Row>
                        {!readOnly && (
                          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                            {t('bulletins.figure')}
                          </Button>
                        )}
                      </Card>
                    ))}
                    {!readOnly && (
                      <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', measure: 'count', format: 'count', filter: '{"region": "${region}"}' })}>
                        {t('templates.addFigure')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
          </Col>
          <Col xs={24} xl={7}>
            <Card title={t('templates.placeholders')} style={{ marginBottom: 16 }}>
              <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
                {t('templates.placeholderHint')}
              </Typography.Paragraph>
              <Space size={[4, 8]} wrap>
                {[...keys, ...TEMPLATE_WORDS].map((w) => (
                  <Typography.Text key={w} code copyable={{ text: `{{${w}}}` }} style={{ fontSize: 12 }}>
                    {`{{${w}}}`}
                  </Typography.Text>
                ))}
              </Space>
            </Card>
            <Card title={t('templates.versions')}>
              <Timeline
                items={[...tpl.versions].sort((a, b) => b.version - a.version).map((v) => ({
                  key: v.version,
                  color: v.version === tpl.version ? 'red' : 'gray',
                  content: (
                    <Space orientation="vertical" size={0}>
                      <Link to={`/bulletin-templates/${tpl.id}?version=${v.version}`}>
                        {t('bulletins.versionN', { n: v.version })} {v.name}
                      </Link>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('templates.savedBy', { name: v.savedByName?.replace(/（.*）$/, '') ?? '—', at: dateTime(v.savedAt) })}
                      </Typography.Text>
                    </Space>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      </Form>
    </div>
  );
}
