import { Link } from 'react-router';
import { Card, Empty, List, Tag, Typography } from 'antd';
import { PROBLEM_STATUS_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { Page, Problem } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { ProblemActions } from '../problems/ProblemActions';

/** The area's open problems, overdue first in red; each can be ticked off from here by whoever may. */
export function OpenItemsPanel({ region }: { region: string }) {
  const { t, label, locale } = useI18n();
  const state = useLoad(() => get<Page<Problem>>('/problems', { region, open: 'true', pageSize: 100 }), [region]);
  const items = [...(state.data?.items ?? [])].sort((a, b) => Number(b.overdue) - Number(a.overdue));
  return (
    <Card
      size="small"
      title={`${t('map.openProblems')}（${state.data?.total ?? 0}）`}
      extra={<Link to={`/problems?region=${region}`}>{t('map.allProblems')}</Link>}
      data-testid="open-items"
    >
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
    </Card>
  );
}
