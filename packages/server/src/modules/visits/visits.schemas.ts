import { z } from 'zod';
import { isoDate, page, pageSize, regionCode, version } from '../../http/schemas.js';

const demand = z.strictObject({ content: z.string().trim().min(2).max(2000) });
const visitors = z.array(z.string().trim().min(1).max(50)).min(1).max(20).meta({ description: 'Who visited' });

export const recordVisitBody = z.strictObject({
  visitedOn: isoDate(),
  visitors,
  summary: z.string().max(4000).nullish(),
  demands: z.array(demand).max(20).default([]).meta({ description: 'Demands (诉求) the enterprise raised' }),
});
export type RecordVisitInput = z.infer<typeof recordVisitBody>;

export const updateVisitBody = z
  .strictObject({ visitedOn: isoDate(), visitors, summary: z.string().max(4000).nullable(), addDemands: z.array(demand).max(20) })
  .partial()
  .extend({ version: version() });
export type UpdateVisitInput = z.infer<typeof updateVisitBody>;

export const listVisitsQuery = z.strictObject({
  enterpriseId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  region: regionCode().optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  page,
  pageSize,
});
export type ListVisitsQuery = z.infer<typeof listVisitsQuery>;

export const demandParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  demandId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const demandToProblemBody = z.strictObject({
  title: z.string().trim().min(2).max(200).optional().meta({ description: 'Defaults to the demand itself' }),
  description: z.string().max(4000).nullish(),
  responsibleUnit: z.string().trim().max(200).nullish(),
  responsibleLeader: z.string().trim().max(100).nullish(),
  dueOn: isoDate().nullish(),
});
export type DemandToProblemInput = z.infer<typeof demandToProblemBody>;

export const visitBody = z
  .object({
    id: z.number(),
    enterpriseId: z.number(),
    enterpriseName: z.string(),
    enterpriseCreditCode: z.string(),
    regionCode: z.string(),
    visitedOn: z.string(),
    visitors: z.array(z.string()),
    summary: z.string().nullable(),
    demands: z.array(z.object({ id: z.number(), content: z.string(), problemId: z.number().nullable() })),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'EnterpriseVisit' });
export type VisitBody = z.infer<typeof visitBody>;
