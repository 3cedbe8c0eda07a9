import { MILESTONE_KIND_LABELS, isMilestoneOverdue, label, type Locale } from '@guatu/core';
import type { MilestoneRow } from './milestones.repository.js';
import type { MilestoneBody } from './milestones.schemas.js';

export function presentMilestone(row: MilestoneRow, today: string, locale: Locale = 'zh'): MilestoneBody {
  return {
    id: row.id,
    projectId: row.projectId,
    kind: row.kind,
    kindName: label(MILESTONE_KIND_LABELS, row.kind, locale),
    name: row.name,
    plannedOn: row.plannedOn,
    actualOn: row.actualOn,
    note: row.note,
    overdue: isMilestoneOverdue(row, today),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
