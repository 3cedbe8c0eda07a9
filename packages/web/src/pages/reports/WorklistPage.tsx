import { useSearchParams } from 'react-router';
import { useState } from 'react';
import { Button, Card, DatePicker, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { chinaPeriod, REPORT_STATUS_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { WorklistItem } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date, money, period as formatPeriod } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { useOpenReport } from '../projects/ProjectDetailPage';

interface Worklist {
  period: string;
  deadline: string;
  items: WorklistItem[];
  total: number;
}

const STATUS_COLORS: Record<string, string> = { draft: 'default', submitted: 'blue', returned: 'red', approved: 'green' };

/** The reporter's month: every active project, its report's status, the deadline and what is late. */
export default function WorklistPage() {
  const { t, label, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const period = /^\d{4}-\d{2}$/.test(params.get('period') ?? '') ? params.get('period')! : chinaPeriod();
  const state = useLoad(() => get<Worklist>('/reports/worklist', { period, pageSize: 500 }), [period]);
  const openReport = useOpenReport();
  const [search, setSearch] = useState('');

  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('worklist.title')}</h1>
        <DatePicker
          picker="month"
          value={dayjs(`${period}-01`)}
          allowClear={false}
          format={locale === 'zh' ? 'YYYY年M月' : 'YYYY-MM'}
          disabledDate={(d) => d.format('YYYY-MM') > chinaPeriod()}
          onChange={(d) => d && setParams({ period: d.format('YYYY-MM') })}
          aria-label={t('worklist.period')}
        />
      </div>
      <Loaded state={state}>
        {(w) => {
          const submitted = w.items.filter((i) => i.report && (i.report.status === 'submitted' || i.report.status === 'approved')).length;
          const late = w.items.filter((i) => i.late).length;
          return (
            <Card size="small">
              <Space wrap size={[12, 4]} style={{ marginBottom: 8 }}>
                <Typography.Text strong>{formatPeriod(w.period, locale)}</Typography.Text>
                <Typography.Text type="secondary">
                  {t('worklist.deadline')}：{date(w.deadline, locale)}
                </Typography.Text>
                <Typography.Text data-testid="worklist-summary">{t('worklist.summary', { n: w.total, submitted, late })}</Typography.Text>
              </Space>
              <div style={{ maxWidth: 320, marginBottom: 8 }}>
                <Input.Search
                  allowClear
                  placeholder={t('projects.search')}
                  onSearch={(v) => setSearch(v.trim())}
                  onChange={(e) => !e.target.value && setSearch('')}
                  aria-label={t('projects.search')}
                  data-testid="worklist-search"
                />
              </div>
              <List
                dataSource={[...w.items].filter((i) => !search || i.projectName.includes(search) || i.projectCode.startsWith(search)).sort((a, b) => urgency(a) - urgency(b))}
                pagination={w.items.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false}
                data-testid="worklist"
                rowKey="projectId"
                renderItem={(item) => (
                  <List.Item
                    actions={[
                      <Button
                        key="open"
                        type={item.report && item.report.status !== 'returned' && item.report.status !== 'draft' ? 'default' : 'primary'}
                        size="small"
                        onClick={() => openReport(item.projectId, w.period)}
                        data-testid={`fill-${item.projectCode}`}
                      >
                        {item.report && item.report.status !== 'draft' && item.report.status !== 'returned' ? t('worklist.open') : t('worklist.fill')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      title={<span style={{ wordBreak: 'break-all' }}>{item.projectName}</span>}
                      description={
                        <Space wrap size={4}>
                          <span>{item.regionName}</span>
                          <Tag color={item.report ? STATUS_COLORS[item.report.status] : 'default'}>
                            {item.report ? label(REPORT_STATUS_LABELS, item.report.status) : t('worklist.notStarted')}
                          </Tag>
                          {item.late && <Tag color="red">{t('worklist.late')}</Tag>}
                          {item.report && <span>{money(item.report.completedInvestment, locale)}</span>}
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          );
        }}
      </Loaded>
    </div>
  );
}

/** What needs the reporter first: late, then returned, not started and drafts, then what is done. */
function urgency(item: WorklistItem): number {
  if (item.late) return 0;
  const status = item.report?.status;
  return status === 'returned' ? 1 : !status ? 2 : status === 'draft' ? 3 : status === 'submitted' ? 4 : 5;
}
