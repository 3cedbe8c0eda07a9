import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { at, id, money, ref } from './columns.js';
import { projects } from './projects.js';
import { users } from './accounts.js';

export const REPORT_STATUS_VALUES = ['draft', 'submitted', 'returned', 'approved'] as const;

/** 月度调度: one report per project per month. Only approved reports count. */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    id: id(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** YYYY-MM */
    period: text('period').notNull(),
    status: text('status', { enum: REPORT_STATUS_VALUES }).notNull().default('draft'),
    completedInvestment: money('completed_investment').notNull().default('0'),
    fundsOutOfProvince: money('funds_out_of_province').notNull().default('0'),
    fundsInProvince: money('funds_in_province').notNull().default('0'),
    fundsForeign: money('funds_foreign').notNull().default('0'),
    fundsCentralBudget: money('funds_central_budget').notNull().default('0'),
    fundsSpecialBonds: money('funds_special_bonds').notNull().default('0'),
    fundsBankLoans: money('funds_bank_loans').notNull().default('0'),
    fundsSelfRaised: money('funds_self_raised').notNull().default('0'),
    physicalProgress: text('physical_progress'),
    progressPercent: numeric('progress_percent', { precision: 5, scale: 2 }),
    workersOnSite: integer('workers_on_site'),
    workersExpected: integer('workers_expected'),
    narrative: text('narrative'),
    reviewComment: text('review_comment'),
    createdBy: ref('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
    submittedBy: ref('submitted_by').references(() => users.id),
    submittedAt: at('submitted_at'),
    reviewedBy: ref('reviewed_by').references(() => users.id),
    reviewedAt: at('reviewed_at'),
    version: integer('version').notNull().default(1),
    updatedAt: at('updated_at').notNull().defaultNow(),
    updatedBy: ref('updated_by').references(() => users.id),
  },
  (t) => [
    unique('monthly_reports_project_period').on(t.projectId, t.period),
    index('monthly_reports_period_idx').on(t.period, t.status),
    check('monthly_reports_period_format', sql`${t.period} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      'monthly_reports_nonnegative',
      sql`${t.completedInvestment} >= 0 and ${t.fundsOutOfProvince} >= 0 and ${t.fundsInProvince} >= 0 and ${t.fundsForeign} >= 0 and ${t.fundsCentralBudget} >= 0 and ${t.fundsSpecialBonds} >= 0 and ${t.fundsBankLoans} >= 0 and ${t.fundsSelfRaised} >= 0`,
    ),
  ],
);

/** The review history of a report: who submitted, returned, approved or reopened it, and why. */
export const reportEvents = pgTable(
  'monthly_report_events',
  {
    id: id(),
    reportId: ref('report_id')
      .notNull()
      .references(() => monthlyReports.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    comment: text('comment'),
    actorId: ref('actor_id').references(() => users.id),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId)],
);
