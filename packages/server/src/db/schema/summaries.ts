import { sql } from 'drizzle-orm';
import { check, integer, numeric, pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { ref } from './columns.js';
import { projects } from './projects.js';

/** Twelve running totals: element m (1-based) is the sum of January to month m. */
const runningTotals = (name: string) => numeric(name, { precision: 18, scale: 2 }).array().notNull();

/**
 * 汇总: each project's approved monthly figures for one year, as running totals by month, so
 * that any month range is at most two array reads per project-year instead of a scan of its
 * reports. Maintained by a trigger on monthly_reports in the same transaction as the change
 * (migration 0006); never written by the application.
 */
export const projectYearFigures = pgTable(
  'project_year_figures',
  {
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    completedInvestment: runningTotals('completed_investment'),
    fundsOutOfProvince: runningTotals('funds_out_of_province'),
    fundsInProvince: runningTotals('funds_in_province'),
    fundsForeign: runningTotals('funds_foreign'),
    fundsCentralBudget: runningTotals('funds_central_budget'),
    fundsSpecialBonds: runningTotals('funds_special_bonds'),
    fundsBankLoans: runningTotals('funds_bank_loans'),
    fundsSelfRaised: runningTotals('funds_self_raised'),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.year] }), check('project_year_figures_twelve', sql`cardinality(${t.completedInvestment}) = 12`)],
);
