import { date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { at, id, ref } from './columns.js';
import { regions } from './regions.js';
import { users } from './accounts.js';
import { enterprises } from './enterprises.js';
import { problems } from './problems.js';

/** 招商服务进万企: a visit to an enterprise, by whom and when. */
export const enterpriseVisits = pgTable(
  'enterprise_visits',
  {
    id: id(),
    enterpriseId: ref('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The enterprise's region when visited: the scope the visit is seen in. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    visitors: text('visitors').array().notNull(),
    summary: text('summary'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [index('enterprise_visits_enterprise_idx').on(t.enterpriseId), index('enterprise_visits_region_idx').on(t.regionCode, t.visitedOn)],
);

/** A demand an enterprise raised on a visit (诉求). Turned into a problem, it is followed up like any other. */
export const visitDemands = pgTable(
  'visit_demands',
  {
    id: id(),
    visitId: ref('visit_id')
      .notNull()
      .references(() => enterpriseVisits.id, { onDelete: 'cascade' }),
    content: text('content').notNull(),
    problemId: ref('problem_id').references(() => problems.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [index('visit_demands_visit_idx').on(t.visitId)],
);
