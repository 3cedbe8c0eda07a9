import { z } from 'zod';
import { PROBLEM_ACTIONS, PROBLEM_STATUSES } from '@guatu/core';
import { isoDate, listParam, page, pageSize, regionCode, version } from '../../http/schemas.js';

export const raiseProblemBody = z.strictObject({
  title: z.string().trim().min(2).max(200),
  description: z.string().max(4000).nullish(),
  responsibleUnit: z.string().trim().max(200).nullish(),
  responsibleLeader: z.string().trim().max(100).nullish(),
  dueOn: isoDate().nullish(),
});
export type RaiseProblemInput = z.infer<typeof raiseProblemBody>;

export const updateProblemBody = z
  .strictObject({
    title: z.string().trim().min(2).max(200),
    description: z.string().max(4000).nullable(),
    responsibleUnit: z.string().trim().max(200).nullable(),
    responsibleLeader: z.string().trim().max(100).nullable(),
    dueOn: isoDate().nullable(),
  })
  .partial()
  .extend({ version: version() });
export type UpdateProblemInput = z.infer<typeof updateProblemBody>;

export const problemActionBody = z.strictObject({
  resolution: z.string().max(4000).optional(),
  comment: z.string().max(2000).optional(),
  decision: z.string().max(4000).optional(),
  meeting: z
    .strictObject({ title: z.string().trim().min(2).max(200), heldOn: isoDate() })
    .optional()
    .meta({ description: 'The coordination meeting (协商会办) the problem goes to' }),
  version: version().optional(),
});
export type ProblemActionInput = z.infer<typeof problemActionBody>;

export const listProblemsQuery = z.strictObject({
  region: regionCode().optional(),
  projectId: z.coerce.number().int().positive().optional(),
  statuses: listParam(z.enum(PROBLEM_STATUSES)),
  open: z.enum(['true', 'false']).optional().meta({ description: 'true: everything not yet ticked off' }),
  overdue: z.enum(['true', 'false']).optional().meta({ description: 'true: open items past their due date' }),
  page,
  pageSize,
});
export type ListProblemsQuery = z.infer<typeof listProblemsQuery>;

export const problemBody = z
  .object({
    id: z.number(),
    regionCode: z.string(),
    regionName: z.string(),
    projectId: z.number().nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    enterpriseId: z.number().nullable().meta({ description: 'The enterprise whose demand (raised on a visit) the problem follows up' }),
    title: z.string(),
    description: z.string().nullable(),
    responsibleUnit: z.string().nullable(),
    responsibleLeader: z.string().nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(PROBLEM_STATUSES),
    overdue: z.boolean(),
    resolution: z.string().nullable(),
    meeting: z.object({ id: z.number(), title: z.string(), heldOn: z.string() }).nullable(),
    decision: z.string().nullable(),
    raisedBy: z.number(),
    raisedByName: z.string(),
    raisedAt: z.string(),
    resolvedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    version: z.number(),
    actions: z.array(z.enum(PROBLEM_ACTIONS)),
  })
  .meta({ id: 'Problem' });
export type ProblemBody = z.infer<typeof problemBody>;

export const problemEventBody = z
  .object({ id: z.number(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string(), note: z.string().nullable(), actorName: z.string().nullable(), at: z.string() })
  .meta({ id: 'ProblemEvent' });
