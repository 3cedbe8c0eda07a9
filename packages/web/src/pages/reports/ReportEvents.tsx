import { Timeline } from 'antd';
import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { ReportEvent } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { dateTime } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

export function ReportEvents({ reportId, version }: { reportId: number; version: number }) {
  const { label } = useI18n();
  const state = useLoad(() => get<{ items: ReportEvent[] }>(`/reports/${reportId}/events`), [reportId, version]);
  return (
    <Timeline
      items={(state.data?.items ?? []).map((e) => ({
        key: e.id,
        color: e.action === 'return' ? 'red' : e.action === 'approve' ? 'green' : 'blue',
        content: (
          <div>
            <strong>{e.action === 'create' ? '创建' : label(REPORT_ACTION_LABELS, e.action)}</strong> → {label(REPORT_STATUS_LABELS, e.toStatus)}
            <div style={{ fontSize: 12, color: '#6b7280' }}>
              {e.actorName ?? '—'} · {dateTime(e.at)}
            </div>
            {e.comment && <div style={{ fontSize: 12 }}>{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
