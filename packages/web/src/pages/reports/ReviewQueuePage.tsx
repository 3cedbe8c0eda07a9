import { useSearchParams } from 'react-router';
import { Link } from 'react-router';
import { Card, Segmented, Space, Table, Tag } from 'antd';
import { REPORT_STATUS_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { Page, Report } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date, money, period } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { ReviewButtons } from './ReviewButtons';

/** The reviewer's queue: submitted reports of the area, each to approve or return with a comment. */
export default function ReviewQueuePage() {
  const { t, label, locale, field } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'submitted';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const state = useLoad(() => get<Page<Report>>('/reports', { statuses: [status], page, pageSize: 50 }), [status, page]);
  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('review.title')}</h1>
        <Segmented
          value={status}
          onChange={(v) => setParams({ status: String(v) })}
          options={['submitted', 'returned', 'approved'].map((s) => ({ value: s, label: s === 'submitted' ? t('review.queue') : label(REPORT_STATUS_LABELS, s) }))}
        />
      </div>
      <Card>
        <Table<Report>
          rowKey="id"
          size="middle"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          scroll={{ x: 1100 }}
          data-testid="review-queue"
          pagination={{ current: page, pageSize: 50, total: state.data?.total ?? 0, onChange: (p) => setParams({ status, page: String(p) }) }}
          columns={[
            { title: t('worklist.period'), dataIndex: 'period', width: 110, render: (v: string) => period(v, locale) },
            { title: t('projects.name'), dataIndex: 'projectName', width: 240, render: (n: string, r) => (
                <>
                  <Link to={`/reports/${r.id}`}>{n}</Link>
                  <div style={{ fontSize: 12, color: '#6b7280' }}>{r.projectCode}</div>
                </>
              ),
            },
            { title: t('projects.region'), dataIndex: 'regionName', width: 110 },
            { title: field('completedInvestment'), dataIndex: 'completedInvestment', align: 'right', width: 130, render: (v) => money(v, locale) },
            { title: field('funds'), dataIndex: 'fundsTotal', align: 'right', width: 120, render: (v) => money(v, locale) },
            {
              title: t('review.submitted'),
              width: 170,
              render: (_, r) => (
                <Space size={4} wrap>
                  {r.submittedByName ?? '—'}
                  {r.late && <Tag color="red">{t('worklist.late')}</Tag>}
                  <span style={{ color: '#6b7280', fontSize: 12 }}>{date(r.submittedAt, locale)}</span>
                </Space>
              ),
            },
            { title: t('actions'), width: 200, render: (_, r) => <ReviewButtons report={r} onDone={state.reload} size="small" /> },
          ]}
        />
      </Card>
    </div>
  );
}
