import { Empty, Table } from 'antd';
import { fieldLabel } from '@guatu/core';
import { ApiError, get } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { dateTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

/** One changed field of one recorded change: who changed what, from what, to what. */
export interface HistoryEntry {
  at: string;
  actorName: string | null;
  action: string;
  field: string;
  from: unknown;
  to: unknown;
}

/**
 * The project's change history, from the audit trail (GET /api/v1/history/project/:id). Where
 * the server has no history for the project yet, the tab says so.
 */
export function ProjectHistory({ projectId, version }: { projectId: number; version: number }) {
  const { t, locale } = useI18n();
  const state = useLoad(
    () =>
      get<{ items: HistoryEntry[] }>(`/history/project/${projectId}`).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return { items: [] as HistoryEntry[] };
        throw e;
      }),
    [projectId, version],
  );
  if (!state.loading && !state.error && !state.data?.items.length) return <Empty description={t('detail.historyEmpty')} />;
  return (
    <Table<HistoryEntry>
      size="small"
      loading={state.loading}
      dataSource={state.data?.items ?? []}
      rowKey={(e, i) => `${e.at}-${e.field}-${i}`}
      scroll={{ x: 720 }}
      pagination={{ pageSize: 20 }}
      columns={[
        { title: t('history.at'), dataIndex: 'at', width: 170, render: dateTime },
        { title: t('history.actor'), dataIndex: 'actorName', width: 140 },
        { title: t('history.field'), dataIndex: 'field', width: 140, render: (f: string) => fieldLabel(f, locale) },
        { title: t('history.from'), dataIndex: 'from', render: show },
        { title: t('history.to'), dataIndex: 'to', render: show },
      ]}
    />
  );
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
