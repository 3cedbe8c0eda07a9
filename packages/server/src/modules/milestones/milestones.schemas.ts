import { z } from 'zod';
import { MILESTONE_KINDS } from '@guatu/core';
import { isoDate, page, pageSize, regionCode, version } from '../../http/schemas.js';

const fields = {
  name: z.string().trim().min(1).max(100).nullish().meta({ description: 'Required for kind `other`' }),
  plannedOn: isoDate().nullish(),
  actualOn: isoDate().nullish().meta({ description: 'When it happened; not in the future' }),
  note: z.string().max(2000).nullish(),
};

export const createMilestoneBody = z.strictObject({ kind: z.enum(MILESTONE_KINDS), ...fields });
export type CreateMilestoneInput = z.infer<typeof createMilestoneBody>;

export const updateMilestoneBody = z.strictObject(fields).extend({ version: version() });
export type UpdateMilestoneInput = z.infer<typeof updateMilestoneBody>;

export const milestoneParams = z.strictObject({
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  milestoneId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export const milestonesQuery = z.strictObject({ asOf: isoDate().optional().meta({ description: 'The day overdue is judged on; today if omitted' }) });

export const milestoneBody = z
  .object({
    id: z.number(),
    projectId: z.number(),
    kind: z.enum(MILESTONE_KINDS),
    kindName: z.string(),
    name: z.string().nullable(),
    plannedOn: z.string().nullable(),
    actualOn: z.string().nullable(),
    note: z.string().nullable(),
    overdue: z.boolean().meta({ description: 'Planned date passed without an actual date' }),
    version: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Milestone' });
export type MilestoneBody = z.infer<typeof milestoneBody>;

/** The milestones of an area that are past their planned date: the battle map's second list. */
export const overdueMilestonesQuery = z.strictObject({
  region: regionCode().optional().meta({ description: 'A region code: its whole subtree' }),
  asOf: isoDate().optional().meta({ description: 'The day overdue is judged on; today if omitted' }),
  page,
  pageSize,
});
export type OverdueMilestonesQuery = z.infer<typeof overdueMilestonesQuery>;

export const areaMilestoneBody = milestoneBody
  .extend({
    projectCode: z.string(),
    projectName: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    abilities: z.object({ update: z.boolean().meta({ description: 'May record when it happened' }) }),
  })
  .meta({ id: 'AreaMilestone' });
