import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { MILESTONE_KINDS } from '@guatu/core';
import { at, id, ref } from './columns.js';
import { projects } from './projects.js';
import { users } from './accounts.js';

/** 节点: a step of a project's schedule with its planned and actual date. Past its plan without an actual date, it warns. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: MILESTONE_KINDS }).notNull(),
    /** The node's own name; required for `other`, optional wording for the standard kinds. */
    name: text('name'),
    plannedOn: date('planned_on', { mode: 'string' }),
    actualOn: date('actual_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [
    index('project_milestones_project_idx').on(t.projectId),
    // One node of each standard kind per project; `other` nodes may repeat.
    uniqueIndex('project_milestones_standard_kind').on(t.projectId, t.kind).where(sql`${t.kind} <> 'other'`),
  ],
);
