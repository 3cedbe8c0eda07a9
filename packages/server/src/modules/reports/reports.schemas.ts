import { z } from 'zod';
import { REPORT_ACTIONS, REPORT_STATUSES } from '@guatu/core';
import { isoDate, listParam, page, pageSize, period, regionCode, version, yuan } from '../../http/schemas.js';

export const fundsInput = z
  .strictObject({
    outOfProvince: yuan().optional(),
    inProvince: yuan().optional(),
    foreign: yuan().optional(),
    centralBudget: yuan().optional(),
    specialBonds: yuan().optional(),
    bankLoans: yuan().optional(),
    selfRaised: yuan().optional(),
  })
  .meta({ description: 'Funds in place this month by source (到位资金), yuan' });

const figures = {
  completedInvestment: yuan().meta({ description: 'Investment completed this month (本月完成投资), yuan' }),
  funds: fundsInput,
  physicalProgress: z.string().max(2000).nullish(),
  progressPercent: z.number().min(0).max(100).nullish(),
  workersOnSite: z.number().int().min(0).max(1_000_000).nullish(),
  workersExpected: z.number().int().min(0).max(1_000_000).nullish(),
  narrative: z.string().max(4000).nullish(),
};

export const createReportBody = z.strictObject({
  period: period(),
  ...figures,
  completedInvestment: figures.completedInvestment.default('0'),
  funds: figures.funds.default({}),
});
export type CreateReportInput = z.infer<typeof createReportBody>;

export const updateReportBody = z.strictObject(figures).partial().extend({ version: version() });
export type UpdateReportInput = z.infer<typeof updateReportBody>;

export const reviewBody = z.strictObject({ comment: z.string().max(2000).optional(), version: version().optional() });

export const bulkApproveBody = z.strictObject({
  ids: z.array(z.number().int().positive()).min(1).max(5000),
  comment: z.string().max(2000).optional(),
});

export const listReportsQuery = z.strictObject({
  region: regionCode().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  period: period().optional(),
  periodFrom: period().optional(),
  periodTo: period().optional(),
  statuses: listParam(z.enum(REPORT_STATUSES)),
  page,
  pageSize,
});
export type ListReportsQuery = z.infer<typeof listReportsQuery>;

const fundsBody = z.object({
  outOfProvince: z.string(),
  inProvince: z.string(),
  foreign: z.string(),
  centralBudget: z.string(),
  specialBonds: z.string(),
  bankLoans: z.string(),
  selfRaised: z.string(),
});

export const reportBody = z
  .object({
    id: z.number(),
    projectId: z.number(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    period: z.string(),
    status: z.enum(REPORT_STATUSES),
    completedInvestment: z.string(),
    funds: fundsBody,
    fundsTotal: z.string(),
    physicalProgress: z.string().nullable(),
    progressPercent: z.number().nullable(),
    workersOnSite: z.number().nullable(),
    workersExpected: z.number().nullable(),
    narrative: z.string().nullable(),
    reviewComment: z.string().nullable(),
    submittedAt: z.string().nullable(),
    submittedByName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewedByName: z.string().nullable(),
    deadline: isoDate(),
    late: z.boolean(),
    version: z.number(),
    updatedAt: z.string(),
    actions: z.array(z.enum(REPORT_ACTIONS)),
  })
  .meta({ id: 'MonthlyReport' });
export type ReportBody = z.infer<typeof reportBody>;

export const reportDetailBody = reportBody
  .extend({
    carryOver: z
      .object({
        yearToDateBefore: z.string().meta({ description: 'Approved completed investment this year before this month' }),
        sinceStartBefore: z.string().meta({ description: 'Approved completed investment since the start, before this month' }),
        plannedThisYear: z.string().nullable(),
      })
      .meta({ description: 'Cumulative figures carried over from earlier approved reports' }),
  })
  .meta({ id: 'MonthlyReportDetail' });

export const reportEventBody = z
  .object({
    id: z.number(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string(),
    comment: z.string().nullable(),
    actorName: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'ReportEvent' });

export const worklistQuery = z.strictObject({
  period: period().optional().meta({ description: 'The month to report (YYYY-MM); this month in China if omitted' }),
  region: regionCode().optional(),
  page,
  pageSize,
});
export type WorklistQuery = z.infer<typeof worklistQuery>;

export const worklistItemBody = z
  .object({
    projectId: z.number(),
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    stage: z.string(),
    report: z
      .object({ id: z.number(), status: z.enum(REPORT_STATUSES), version: z.number(), completedInvestment: z.string(), late: z.boolean() })
      .nullable()
      .meta({ description: 'The project’s report for the month, or null when none is started' }),
    deadline: isoDate(),
    late: z.boolean().meta({ description: 'Past the deadline without a submitted or approved report' }),
  })
  .meta({ id: 'WorklistItem' });

export const worklistBody = z.object({ period: z.string(), deadline: isoDate(), items: z.array(worklistItemBody), total: z.number() }).meta({ id: 'Worklist' });
