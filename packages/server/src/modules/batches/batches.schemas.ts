import { z } from 'zod';
import { isoDate, page, pageSize, regionCode, version } from '../../http/schemas.js';

const projectIds = z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(5000).meta({ description: 'The projects started at the event' });

export const createBatchBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  regionCode: regionCode(),
  heldOn: isoDate().meta({ description: 'The day of the concentrated start' }),
  place: z.string().trim().max(200).nullish(),
  description: z.string().max(4000).nullish(),
  projectIds: projectIds.default([]),
});
export type CreateBatchInput = z.infer<typeof createBatchBody>;

export const updateBatchBody = createBatchBody.omit({ regionCode: true }).partial().extend({ version: version() });
export type UpdateBatchInput = z.infer<typeof updateBatchBody>;

export const listBatchesQuery = z.strictObject({
  region: regionCode().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().max(100).optional().meta({ description: 'Part of the name' }),
  page,
  pageSize,
});
export type ListBatchesQuery = z.infer<typeof listBatchesQuery>;

export const batchBody = z
  .object({
    id: z.number(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    heldOn: z.string(),
    place: z.string().nullable(),
    description: z.string().nullable(),
    projectCount: z.number(),
    projectIds: z.array(z.number()).meta({ description: 'Projects of the batch that the user may see' }),
    version: z.number(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'Batch' });
export type BatchBody = z.infer<typeof batchBody>;
