import { useSearchParams } from 'react-router';
import { Card, Segmented, Switch, Space, Typography } from 'antd';
import { PROBLEM_STATUSES, PROBLEM_STATUS_LABELS } from '@guatu/core';
import { useI18n } from '../../app/i18n';
import { RegionSelect } from '../../lib/RegionSelect';
import { ProblemList, type ProblemQuery } from './ProblemList';

/** 挂图销号: problems by status, overdue ones in red, each with the actions the user may take. */
export default function ProblemBoardPage() {
  const { t, label } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? 'open-all';
  const overdue = params.get('overdue') === 'true';
  const region = params.get('region') ?? undefined;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };
  const query: ProblemQuery = {
    region,
    ...(status === 'open-all' ? { open: 'true' as const } : status === 'all' ? {} : { statuses: [status] }),
    ...(overdue ? { overdue: 'true' as const } : {}),
  };
  return (
    <div>
      <div className="guatu-page-header">
        <h1>{t('problems.title')}</h1>
      </div>
      <Card>
        <div style={{ overflowX: 'auto', marginBottom: 12 }}>
          <Segmented
            value={status}
            onChange={(v) => set({ status: String(v) })}
            options={[
              { value: 'open-all', label: t('problems.openOnly') },
              ...PROBLEM_STATUSES.map((s) => ({ value: s, label: label(PROBLEM_STATUS_LABELS, s) })),
              { value: 'all', label: t('all') },
            ]}
          />
        </div>
        <Space wrap style={{ marginBottom: 12 }}>
          <Space>
            <Switch checked={overdue} onChange={(v) => set({ overdue: v ? 'true' : undefined })} aria-label={t('problems.overdue')} />
            <Typography.Text type="danger">{t('problems.overdue')}</Typography.Text>
          </Space>
          <RegionSelect value={region} onChange={(r) => set({ region: r })} placeholder={t('projects.region')} />
        </Space>
        <ProblemList query={query} />
      </Card>
    </div>
  );
}
