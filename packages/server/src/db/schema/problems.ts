import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at, id, ref } from './columns.js';
import { projects } from './projects.js';
import { regions } from './regions.js';
import { users } from './accounts.js';
import { enterprises } from './enterprises.js';

export const PROBLEM_STATUS_VALUES = ['open', 'in_progress', 'resolved', 'closed', 'escalated'] as const;

/** 协商会办: a coordination meeting that decides problems a county could not solve. */
export const meetings = pgTable('coordination_meetings', {
  id: id(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  title: text('title').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  createdBy: ref('created_by').references(() => users.id),
  createdAt: at('created_at').notNull().defaultNow(),
});

/** 挂图销号: a problem stays on the battle map until the raiser confirms its resolution. */
export const problems = pgTable(
  'problems',
  {
    id: id(),
    /** The region the problem belongs to: its project's region when raised on a project. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    projectId: ref('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    /** The enterprise whose demand (raised on a visit) the problem follows up. */
    enterpriseId: ref('enterprise_id').references(() => enterprises.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    description: text('description'),
    responsibleUnit: text('responsible_unit'),
    responsibleLeader: text('responsible_leader'),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: PROBLEM_STATUS_VALUES }).notNull().default('open'),
    resolution: text('resolution'),
    meetingId: ref('meeting_id').references(() => meetings.id),
    decision: text('decision'),
    raisedBy: ref('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: at('raised_at').notNull().defaultNow(),
    resolvedAt: at('resolved_at'),
    closedAt: at('closed_at'),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [index('problems_region_status_idx').on(t.regionCode, t.status), index('problems_project_idx').on(t.projectId)],
);

export const problemEvents = pgTable(
  'problem_events',
  {
    id: id(),
    problemId: ref('problem_id')
      .notNull()
      .references(() => problems.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    note: text('note'),
    actorId: ref('actor_id').references(() => users.id),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('problem_events_problem_idx').on(t.problemId)],
);
