import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Table, Tag, Typography } from 'antd';
import { PROBLEM_STATUS_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { Page, Problem } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { AssignProblemButton } from './AssignProblemButton';
import { ProblemActions } from './ProblemActions';

const STATUS_COLORS: Record<string, string> = { open: 'red', in_progress: 'gold', resolved: 'blue', escalated: 'purple', closed: 'green' };

export type ProblemQuery = { projectId?: number; region?: string; statuses?: string[]; open?: 'true' | 'false'; overdue?: 'true' };

/** Problems with their due dates (overdue in red) and the actions the server allows on each. */
export function ProblemList({ query, showProject = true, onChanged }: { query: ProblemQuery; showProject?: boolean; onChanged?(): void }) {
  const { t, label, locale, field } = useI18n();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [JSON.stringify(query)]);
  const state = useLoad(() => get<Page<Problem>>('/problems', { ...query, page, pageSize: 20 }), [JSON.stringify(query), page]);

  return (
    <Table<Problem>
      rowKey="id"
      size="small"
      loading={state.loading}
      dataSource={state.data?.items ?? []}
      scroll={{ x: 1300 }}
      data-testid="problem-list"
      rowClassName={(p) => (p.overdue ? 'guatu-overdue-row' : '')}
      pagination={{ current: page, pageSize: 20, total: state.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
      columns={[
        {
          title: t('problems.problem'),
          dataIndex: 'title',
          width: 260,
          render: (title: string, p) => (
            <div>
              <Typography.Text strong className={p.overdue ? 'guatu-overdue' : undefined}>
                {title}
              </Typography.Text>
              {p.description && <div style={{ color: '#6b7280', fontSize: 12 }}>{p.description}</div>}
              {p.resolution && <div style={{ fontSize: 12 }}>{t('problems.resolution')}：{p.resolution}</div>}
              {p.meeting && (
                <div style={{ fontSize: 12 }}>
                  {t('problems.meetingTitle')}：{p.meeting.title}（{date(p.meeting.heldOn, locale)}）{p.decision ? ` — ${p.decision}` : ''}
                </div>
              )}
            </div>
          ),
        },
        ...(showProject
          ? [
              {
                title: t('problems.project'),
                dataIndex: 'projectName',
                width: 220,
                render: (name: string | null, p: Problem) => (p.projectId ? <Link to={`/projects/${p.projectId}`}>{name}</Link> : '—'),
              },
            ]
          : []),
        { title: t('projects.region'), dataIndex: 'regionName', width: 110 },
        {
          title: t('worklist.status'),
          dataIndex: 'status',
          width: 110,
          render: (s: string, p) => (
            <>
              <Tag color={STATUS_COLORS[s]}>{label(PROBLEM_STATUS_LABELS, s)}</Tag>
              {p.overdue && <Tag color="red">{t('problems.overdue')}</Tag>}
            </>
          ),
        },
        { title: `${field('responsibleUnit')} / ${field('responsibleLeader')}`, width: 160, render: (_, p) => [p.responsibleUnit, p.responsibleLeader].filter(Boolean).join(' / ') || '—' },
        {
          title: t('problems.due'),
          dataIndex: 'dueOn',
          width: 120,
          render: (d: string | null, p) => <span className={p.overdue ? 'guatu-overdue' : undefined}>{date(d, locale)}</span>,
        },
        { title: t('problems.raisedBy'), dataIndex: 'raisedByName', width: 140 },
        {
          title: t('actions'),
          width: 260,
          render: (_, p) => (
            <>
              <ProblemActions
                problem={p}
                onDone={() => {
                  state.reload();
                  onChanged?.();
                }}
              />{' '}
              <AssignProblemButton problem={p} onDone={() => state.reload()} />
            </>
          ),
        },
      ]}
    />
  );
}
