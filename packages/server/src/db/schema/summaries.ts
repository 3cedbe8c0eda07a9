import { sql } from 'drizzle-orm';
import { check, index, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ref } from './columns.js';
import { projects } from './projects.js';

/** The monthly report columns that are summed: completed investment and the seven fund sources. */
export const SUMMED_FIGURES = [
  'completed_investment',
  'funds_out_of_province',
  'funds_in_province',
  'funds_foreign',
  'funds_central_budget',
  'funds_special_bonds',
  'funds_bank_loans',
  'funds_self_raised',
] as const;
export type SummedFigure = (typeof SUMMED_FIGURES)[number];

/**
 * 汇总: one project's approved figure (a monthly report column) for one year, as twelve running
 * totals: element m (1-based) is the sum of January to month m. Any month range is then at most
 * two array reads per project-year instead of a scan of its reports. One row per figure keeps
 * rows narrow, so a measure reads only its own figure; a figure that is zero all year has no row.
 * Maintained by a trigger on monthly_reports in the same transaction as the change (migration
 * 0006); never written by the application.
 */
export const projectYearFigures = pgTable(
  'project_year_figures',
  {
    figure: text('figure', { enum: SUMMED_FIGURES }).notNull(),
    year: integer('year').notNull(),
    projectId: ref('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    // Unbounded: a year's sum of numeric(18,2) months can exceed numeric(18,2).
    totals: numeric('totals').array().notNull(),
  },
  (t) => [
    // Figure and year first: a dashboard reads one figure of one or two years for many projects.
    primaryKey({ columns: [t.figure, t.year, t.projectId] }),
    index('project_year_figures_project_idx').on(t.projectId),
    check('project_year_figures_twelve', sql`cardinality(${t.totals}) = 12`),
  ],
);

/** The figures kept per region, stage and year: the summed report figures and the annual plan. */
export const REGION_STAGE_FIGURES = [...SUMMED_FIGURES, 'planned_investment'] as const;

/**
 * 区域阶段汇总: the projects of one responsible region in one stage, summed. A dashboard that
 * filters and groups only by region and stage reads these few thousand rows instead of every
 * project. Maintained by triggers on projects (migration 0007); never written by the application.
 */
export const regionStageTotals = pgTable(
  'region_stage_totals',
  {
    regionCode: text('region_code').notNull(),
    stage: text('stage').notNull(),
    projects: integer('projects').notNull(),
    totalInvestment: numeric('total_investment').notNull(),
    agreementAmount: numeric('agreement_amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.stage] })],
);

/**
 * The project-year running totals (and each year's annual plan, as twelve equal values) of the
 * projects of one region and stage, summed. Maintained by triggers on project_year_figures,
 * project_annual_plans and projects (migration 0007), in the same transaction as the change.
 */
export const regionStageYearFigures = pgTable(
  'region_stage_year_figures',
  {
    figure: text('figure', { enum: REGION_STAGE_FIGURES }).notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    stage: text('stage').notNull(),
    totals: numeric('totals').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.figure, t.year, t.regionCode, t.stage] }), check('region_stage_year_figures_twelve', sql`cardinality(${t.totals}) = 12`)],
);
