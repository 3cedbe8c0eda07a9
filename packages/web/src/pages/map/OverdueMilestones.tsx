import { Link } from 'react-router';
import { Empty, List, Typography } from 'antd';
import { get } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { date } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { RecordMilestoneButton, type MilestoneRef } from './RecordMilestoneButton';

interface AreaMilestone extends MilestoneRef {
  projectName: string;
  regionName: string;
  plannedOn: string;
  abilities: { update: boolean };
}

/** The area's milestones past their planned date, oldest first; each recorded as done by whoever may. */
export function OverdueMilestones({ region, onTotal }: { region: string; onTotal?(n: number): void }) {
  const { locale, t } = useI18n();
  const state = useLoad(
    () =>
      get<{ items: AreaMilestone[]; total: number }>('/milestones/overdue', { region, pageSize: 100 }).then((r) => {
        onTotal?.(r.total);
        return r;
      }),
    [region],
  );
  if (!state.loading && !state.data?.items.length) return <Empty />;
  return (
    <List
      loading={state.loading}
      dataSource={state.data?.items ?? []}
      rowKey="id"
      style={{ maxHeight: 640, overflow: 'auto' }}
      renderItem={(m) => (
        <List.Item data-testid="overdue-milestone">
          <div style={{ width: '100%' }}>
            <Typography.Text strong className="guatu-overdue">
              {m.name ?? m.kindName}
            </Typography.Text>
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              <Link to={`/projects/${m.projectId}`}>{m.projectName}</Link> · {m.regionName} · {t('milestones.plannedOn')} {date(m.plannedOn, locale)}
            </div>
            {m.abilities.update && (
              <div style={{ marginTop: 4 }}>
                <RecordMilestoneButton milestone={m} onDone={state.reload} />
              </div>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}
