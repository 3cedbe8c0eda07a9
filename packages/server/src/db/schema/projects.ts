import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { at, id, money, ref } from './columns.js';
import { regions } from './regions.js';
import { categories } from './catalog.js';
import { users } from './accounts.js';
import { enterprises } from './enterprises.js';

export const STAGE_VALUES = [
  'lead',
  'negotiating',
  'signed',
  'planning',
  'preparation',
  'construction',
  'completed',
  'operating',
  'suspended',
  'cancelled',
] as const;

/** One record per project, from first lead to production. */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['investment-attraction', 'government'] }).notNull(),
    /** The responsible region: a prefecture for 市直 projects, otherwise a county or zone. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Where the works are: a county-level region or a zone. */
    locationRegionCode: text('location_region_code').references(() => regions.code),
    longitude: numeric('longitude', { precision: 9, scale: 6 }),
    latitude: numeric('latitude', { precision: 8, scale: 6 }),
    categoryCode: text('category_code')
      .notNull()
      .references(() => categories.code),
    level: text('level', { enum: ['provincial', 'prefectural', 'county', 'general'] }).notNull(),
    stage: text('stage', { enum: STAGE_VALUES }).notNull(),
    suspendedFrom: text('suspended_from', { enum: STAGE_VALUES }),
    stageChangedOn: date('stage_changed_on', { mode: 'string' }),
    signedOn: date('signed_on', { mode: 'string' }),
    startedOn: date('started_on', { mode: 'string' }),
    completedOn: date('completed_on', { mode: 'string' }),
    totalInvestment: money('total_investment').notNull(),
    agreementAmount: money('agreement_amount'),
    investorEnterpriseId: ref('investor_enterprise_id').references(() => enterprises.id),
    /** 四个一: one liaison leader, one working team, one case file. */
    liaisonLeaderName: text('liaison_leader_name'),
    liaisonLeaderTitle: text('liaison_leader_title'),
    workingTeam: text('working_team'),
    caseFile: text('case_file'),
    /** Numeric attributes by key (capacityKw, expectedAnnualTax …) as decimal strings. */
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    description: text('description'),
    version: integer('version').notNull().default(1),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: ref('created_by').references(() => users.id),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [
    index('projects_region_idx').on(t.regionCode),
    index('projects_category_idx').on(t.categoryCode),
    index('projects_started_idx').on(t.startedOn),
    // The list's default and its largest-first orders: a page is read in index order, not sorted.
    index('projects_updated_idx').on(t.updatedAt.desc().nullsLast(), t.id.desc().nullsFirst()),
    index('projects_total_investment_idx').on(t.totalInvestment.desc().nullsLast(), t.id.desc().nullsFirst()),
    check('projects_total_nonnegative', sql`${t.totalInvestment} >= 0`),
    check('projects_agreement_nonnegative', sql`${t.agreementAmount} >= 0`),
  ],
);

/** 年度计划投资: the planned investment of each year. */
export const annualPlans = pgTable(
  'project_annual_plans',
  {
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amount: money('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] }), check('annual_plans_nonnegative', sql`${t.amount} >= 0`)],
);

/** Every stage transition, dated and attributed. */
export const stageChanges = pgTable(
  'project_stage_changes',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage', { enum: STAGE_VALUES }),
    toStage: text('to_stage', { enum: STAGE_VALUES }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    note: text('note'),
    changedBy: ref('changed_by').references(() => users.id),
    changedAt: at('changed_at').notNull().defaultNow(),
  },
  (t) => [index('stage_changes_project_idx').on(t.projectId)],
);
