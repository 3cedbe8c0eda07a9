import { Alert, Descriptions, Empty, Table, Tag } from 'antd';
import { get } from '../../api/client';
import type { Milestone, Project } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date, money } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';
import { RecordMilestoneButton } from '../map/RecordMilestoneButton';
import { LightTag } from './LightTag';

/** The warning and what it is made of, then the schedule of milestones, overdue ones flagged. */
export function ProjectMilestones({ project }: { project: Project }) {
  const { t, locale } = useI18n();
  const state = useLoad(() => get<{ items: Milestone[] }>(`/projects/${project.id}/milestones`), [project.id, project.version]);
  const w = project.warning;
  return (
    <>
      {w && (
        <Alert
          type={w.light === 'red' ? 'error' : w.light === 'yellow' ? 'warning' : 'success'}
          style={{ marginBottom: 16 }}
          title={
            <span>
              {t('detail.warning')} <LightTag light={w.light} reasons={w.reasons} />
            </span>
          }
          description={
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t('report.planned')}>{money(w.investment.annualPlan, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('dashboard.ytdCompleted')}>{money(w.investment.completedYearToDate, locale)}</Descriptions.Item>
              <Descriptions.Item label={t('dashboard.timeProgress')}>
                {w.investment.progressPercent ?? '—'}% / {w.investment.elapsedPercent}%
              </Descriptions.Item>
            </Descriptions>
          }
        />
      )}
      <Loaded state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <Empty />
          ) : (
            <Table<Milestone>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={items}
              scroll={{ x: 560 }}
              data-testid="milestones"
              columns={[
                { title: t('detail.milestones'), render: (_, m) => m.name ?? m.kindName },
                { title: t('milestones.plannedOn'), dataIndex: 'plannedOn', render: (d) => date(d, locale) },
                { title: t('milestones.actualOn'), dataIndex: 'actualOn', render: (d) => date(d, locale) },
                {
                  title: t('worklist.status'),
                  render: (_, m) =>
                    m.overdue ? (
                      <Tag color="red">{t('problems.overdue')}</Tag>
                    ) : m.actualOn ? (
                      <Tag color="green">{t('done')}</Tag>
                    ) : null,
                },
                {
                  title: t('actions'),
                  render: (_, m) => (project.abilities.update && !m.actualOn ? <RecordMilestoneButton milestone={m} onDone={state.reload} /> : null),
                },
              ]}
            />
          )
        }
      </Loaded>
    </>
  );
}
