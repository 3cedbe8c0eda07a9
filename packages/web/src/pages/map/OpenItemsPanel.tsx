import { Link } from 'react-router';
import { useState } from 'react';
import { Card, Empty, List, Tabs, Tag, Typography } from 'antd';
import { PROBLEM_STATUS_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { Page, Problem } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { ProblemActions } from '../problems/ProblemActions';
import { OverdueMilestones } from './OverdueMilestones';

/** The area's open problems and overdue milestones; each can be ticked off from here by whoever may. */
export function OpenItemsPanel({ region }: { region: string }) {
  const { t } = useI18n();
  const [problems, setProblems] = useState<number | null>(null);
  const [milestones, setMilestones] = useState<number | null>(null);
  return (
    <Card size="small" extra={<Link to={`/problems?region=${region}`}>{t('map.allProblems')}</Link>} data-testid="open-items" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        size="small"
        items={[
          { key: 'problems', label: `${t('map.openProblems')}（${problems ?? '…'}）`, children: <OpenProblems region={region} onTotal={setProblems} /> },
          { key: 'milestones', label: `${t('map.overdueMilestones')}（${milestones ?? '…'}）`, children: <OverdueMilestones region={region} onTotal={setMilestones} />, forceRender: true },
        ]}
      />
    </Card>
  );
}

function OpenProblems({ region, onTotal }: { region: string; onTotal(n: number): void }) {
  const { t, label, locale } = useI18n();
  const state = useLoad(
    () =>
      get<Page<Problem>>('/problems', { region, open: 'true', pageSize: 100 }).then((r) => {
        onTotal(r.total);
        return r;
      }),
    [region],
  );
  const items = [...(state.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <>
      {items.length === 0 && !state.loading ? (
        <Empty />
      ) : (
        <List
          loading={state.loading}
          dataSource={items}
          rowKey="id"
          style={{ maxHeight: 640, overflow: 'auto' }}
          renderItem={(p) => (
            <List.Item data-testid="open-item">
              <div style={{ width: '100%' }}>
                <Typography.Text strong className={p.overdue ? 'guatu-overdue' : undefined}>
                  {p.title}
                </Typography.Text>
                <div style={{ fontSize: 12, color: '#6b7280' }}>
                  {p.projectId ? <Link to={`/projects/${p.projectId}`}>{p.projectName}</Link> : null} · {p.regionName} · {t('problems.due')} {date(p.dueOn, locale)}
                </div>
                <div style={{ marginTop: 4, display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
                  <Tag>{label(PROBLEM_STATUS_LABELS, p.status)}</Tag>
                  {p.overdue && <Tag color="red">{t('problems.overdue')}</Tag>}
                  <ProblemActions problem={p} onDone={state.reload} />
                </div>
              </div>
            </List.Item>
          )}
        />
      )}
    </>
  );
}
