import { Empty, Timeline } from 'antd';
import { STAGE_LABELS } from '@guatu/core';
import { get } from '../../api/client';
import type { StageChange } from '../../api/types';
import { useI18n } from '../../app/i18n';
import { date, dateTime } from '../../lib/format';
import { Loaded } from '../../lib/Loaded';
import { useLoad } from '../../lib/useLoad';

/** Every stage the project went through: when it took effect, who recorded it, why. */
export function StageTimeline({ projectId, version }: { projectId: number; version: number }) {
  const { label, locale } = useI18n();
  const state = useLoad(() => get<{ items: StageChange[] }>(`/projects/${projectId}/stage-history`), [projectId, version]);
  return (
    <Loaded state={state}>
      {({ items }) =>
        items.length === 0 ? (
          <Empty />
        ) : (
          <Timeline
            data-testid="stage-timeline"
            items={items.map((c) => ({
              key: c.id,
              content: (
                <div>
                  <strong>
                    {c.fromStage ? `${label(STAGE_LABELS, c.fromStage)} → ` : ''}
                    {label(STAGE_LABELS, c.toStage)}
                  </strong>{' '}
                  {date(c.effectiveOn, locale)}
                  <div style={{ color: '#6b7280', fontSize: 12 }}>
                    {c.changedByName ?? '—'} · {dateTime(c.changedAt)}
                    {c.note ? ` · ${c.note}` : ''}
                  </div>
                </div>
              ),
            }))}
          />
        )
      }
    </Loaded>
  );
}
