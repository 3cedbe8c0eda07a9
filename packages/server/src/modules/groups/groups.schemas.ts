import { z } from 'zod';
import { page, pageSize, regionCode, version } from '../../http/schemas.js';

const person = { name: z.string().trim().min(1).max(50), title: z.string().trim().max(100).nullish() };
const member = z.strictObject({ ...person, unit: z.string().trim().max(200).nullish() });

export const createGroupBody = z.strictObject({
  name: z.string().trim().min(2).max(100),
  regionCode: regionCode().meta({ description: 'The region the group belongs to, e.g. Honghe 532500' }),
  leader: z.strictObject(person),
  members: z.array(member).max(50).default([]),
  coveredRegions: z.array(regionCode()).min(1).max(60).meta({ description: 'The counties and zones the group covers' }),
});
export type CreateGroupInput = z.infer<typeof createGroupBody>;

export const updateGroupBody = createGroupBody.omit({ regionCode: true }).partial().extend({ version: version() });
export type UpdateGroupInput = z.infer<typeof updateGroupBody>;

export const listGroupsQuery = z.strictObject({ region: regionCode().optional(), page, pageSize });
export type ListGroupsQuery = z.infer<typeof listGroupsQuery>;

export const groupBody = z
  .object({
    id: z.number(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    leader: z.object({ name: z.string(), title: z.string().nullable() }),
    members: z.array(z.object({ name: z.string(), title: z.string().nullable(), unit: z.string().nullable() })),
    coveredRegions: z.array(z.object({ code: z.string(), name: z.string() })),
    version: z.number(),
    updatedAt: z.string(),
    abilities: z.object({ update: z.boolean() }),
  })
  .meta({ id: 'AccountabilityGroup' });
export type GroupBody = z.infer<typeof groupBody>;
