import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { FUND_SOURCES, FIELD_LABELS, REPORT_STATUS_LABELS, isValidYuan, percentOf, sumYuan, type ReportAction } from '@guatu/core';
import { get, patch, post } from '../../api/client';
import type { ReportDetail } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { applyServerErrors } from '../../lib/formErrors';
import { date, money, period as formatPeriod } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { NotFoundPage } from '../ErrorPages';
import { ReportEvents } from './ReportEvents';
import { ReviewButtons } from './ReviewButtons';

/** One month's report: the reporter fills and submits it; the reviewer approves or returns it. */
export default function ReportPage() {
  const id = Number(useParams().id);
  const state = useLoad(() => get<ReportDetail>(`/reports/${id}`), [id]);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <Loaded state={state}>{(r) => <ReportView report={r} reload={state.reload} />}</Loaded>;
}

function ReportView({ report: r, reload }: { report: ReportDetail; reload(): void }) {
  const { t, label, locale, field } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<ReportAction | null>(null);
  const editable = r.actions.includes('save');
  const thisMonth = Form.useWatch('completedInvestment', form) ?? r.completedInvestment;

  useEffect(() => {
    form.setFieldsValue({
      completedInvestment: r.completedInvestment,
      funds: r.funds,
      physicalProgress: r.physicalProgress ?? '',
      progressPercent: r.progressPercent,
      workersOnSite: r.workersOnSite,
      workersExpected: r.workersExpected,
      narrative: r.narrative ?? '',
    });
  }, [r, form]);

  const save = async (andSubmit: boolean) => {
    const v = await form.validateFields();
    setBusy(andSubmit ? 'submit' : 'save');
    try {
      const saved = await patch<ReportDetail>(`/reports/${r.id}`, {
        completedInvestment: v.completedInvestment,
        funds: v.funds,
        physicalProgress: v.physicalProgress || null,
        progressPercent: v.progressPercent ?? null,
        workersOnSite: v.workersOnSite ?? null,
        workersExpected: v.workersExpected ?? null,
        narrative: v.narrative || null,
        version: r.version,
      });
      if (andSubmit) await post(`/reports/${r.id}/submit`, { version: saved.version });
      message.success(andSubmit ? `${t('submit')}：${t('done')}` : t('saved'));
      reload();
    } catch (e) {
      const rest = applyServerErrors(form, e);
      if (rest.length) message.error(rest.join('；'));
    } finally {
      setBusy(null);
    }
  };

  const validYuan = { validator: async (_: unknown, v: string) => { if (v && !isValidYuan(v)) throw new Error(t('form.amountHint')); } };
  const ytdAfter = isValidYuan(String(thisMonth || '0')) ? sumYuan([r.carryOver.yearToDateBefore, String(thisMonth || '0')]) : r.carryOver.yearToDateBefore;
  const rate = r.carryOver.plannedThisYear ? percentOf(ytdAfter, r.carryOver.plannedThisYear, 1) : null;

  return (
    <div>
      <div className="guatu-page-header">
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('report.title', { period: formatPeriod(r.period, locale) })}
          </Typography.Title>
          <Space wrap size={4}>
            <Link to={`/projects/${r.projectId}`}>{r.projectName}</Link>
            <Typography.Text type="secondary">{r.regionName}</Typography.Text>
            <Tag color={r.status === 'approved' ? 'green' : r.status === 'returned' ? 'red' : r.status === 'submitted' ? 'blue' : undefined} data-testid="report-status">
              {label(REPORT_STATUS_LABELS, r.status)}
            </Tag>
            {r.late && <Tag color="red">{t('worklist.late')}</Tag>}
            <Typography.Text type="secondary">
              {t('worklist.deadline')}：{date(r.deadline, locale)}
            </Typography.Text>
          </Space>
        </div>
        <ReviewButtons report={r} onDone={reload} />
      </div>
      {r.reviewComment && (
        <Alert
          type={r.status === 'returned' ? 'warning' : 'info'}
          showIcon
          title={`${t('report.reviewComment')}（${r.reviewedByName ?? ''}）`}
          description={<span data-testid="review-comment">{r.reviewComment}</span>}
          style={{ marginBottom: 16 }}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Form form={form} layout="vertical" disabled={!editable}>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="completedInvestment" label={`${field('completedInvestment')}（${t('yuanUnit')}）`} rules={[{ required: true }, validYuan]}>
                    <Input inputMode="decimal" data-testid="completedInvestment" />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="progressPercent" label={field('progressPercent')}>
                    <InputNumber min={0} max={100} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item name="workersOnSite" label={field('workersOnSite')}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Typography.Text strong>{t('report.funds')}</Typography.Text>
              <Row gutter={16} style={{ marginTop: 8 }}>
                {FUND_SOURCES.map((s) => (
                  <Col xs={12} md={6} key={s}>
                    <Form.Item name={['funds', s]} label={FIELD_LABELS[s]?.[locale] ?? s} rules={[validYuan]}>
                      <Input inputMode="decimal" data-testid={`funds-${s}`} />
                    </Form.Item>
                  </Col>
                ))}
                <Col xs={12} md={6}>
                  <Form.Item name="workersExpected" label={field('workersExpected')}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="physicalProgress" label={field('physicalProgress')}>
                <Input.TextArea rows={2} maxLength={2000} data-testid="physicalProgress" />
              </Form.Item>
              <Form.Item name="narrative" label={field('narrative')}>
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            </Form>
            {editable && (
              <Space wrap>
                <Button onClick={() => save(false)} loading={busy === 'save'} data-testid="report-save">
                  {t('report.saveDraft')}
                </Button>
                {r.actions.includes('submit') && (
                  <Button type="primary" onClick={() => save(true)} loading={busy === 'submit'} data-testid="report-submit">
                    {t('submit')}
                  </Button>
                )}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={t('report.carryOver')}>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('report.planned')}>{money(r.carryOver.plannedThisYear, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('report.ytdBefore')}>{money(r.carryOver.yearToDateBefore, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('report.ytdAfter')}>{money(ytdAfter, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('report.rateAfter')}>{rate === null ? '—' : `${rate}%`}</Descriptions.Item>
              <Descriptions.Item label={t('report.sinceStartBefore')}>{money(r.carryOver.sinceStartBefore, locale)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('report.events')} style={{ marginTop: 16 }}>
            <ReportEvents reportId={r.id} version={r.version} />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
