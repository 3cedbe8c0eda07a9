import { z } from 'zod';
import { page, pageSize, regionCode, version } from '../../http/schemas.js';

const projectId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const projectIds = z.array(projectId).max(5000);

export const createKeyListBody = z.strictObject({
  name: z.string().trim().min(2).max(200),
  year: z.number().int().min(2000).max(2100),
  regionCode: regionCode(),
  description: z.string().max(4000).nullish(),
  projectIds: projectIds.default([]),
});
export type CreateKeyListInput = z.infer<typeof createKeyListBody>;

/** While a list is a draft, anything may change; once published, only its name and description. */
export const updateKeyListBody = z
  .strictObject({
    name: z.string().trim().min(2).max(200),
    year: z.number().int().min(2000).max(2100),
    description: z.string().max(4000).nullable(),
    projectIds: projectIds.meta({ description: 'Draft lists only; a published list changes through a revision' }),
  })
  .partial()
  .extend({ version: version() });
export type UpdateKeyListInput = z.infer<typeof updateKeyListBody>;

export const publishKeyListBody = z.strictObject({ version: version() });

export const reviseKeyListBody = z.strictObject({
  version: version(),
  reason: z.string().trim().min(2).max(2000).meta({ description: 'Why the list changes; kept with the revision' }),
  add: projectIds.default([]),
  remove: projectIds.default([]),
});
export type ReviseKeyListInput = z.infer<typeof reviseKeyListBody>;

export const listKeyListsQuery = z.strictObject({
  region: regionCode().optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(['draft', 'published']).optional(),
  q: z.string().max(100).optional().meta({ description: 'Part of the name' }),
  page,
  pageSize,
});
export type ListKeyListsQuery = z.infer<typeof listKeyListsQuery>;

export const keyListBody = z
  .object({
    id: z.number(),
    name: z.string(),
    year: z.number(),
    regionCode: z.string(),
    regionName: z.string(),
    description: z.string().nullable(),
    status: z.enum(['draft', 'published']),
    publishedAt: z.string().nullable(),
    publishedByName: z.string().nullable(),
    projectCount: z.number(),
    projectIds: z.array(z.number()).meta({ description: 'Projects on the list that the user may see' }),
    version: z.number(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean(), publish: z.boolean(), revise: z.boolean() }),
  })
  .meta({ id: 'KeyList' });
export type KeyListBody = z.infer<typeof keyListBody>;

const projectRef = z.object({ id: z.number(), code: z.string().nullable(), name: z.string().nullable() });

export const keyListRevisionBody = z
  .object({ id: z.number(), reason: z.string(), added: z.array(projectRef), removed: z.array(projectRef), revisedByName: z.string().nullable(), revisedAt: z.string() })
  .meta({ id: 'KeyListRevision' });
