import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { findSessionUser } from './sessions.repository.js';
import { unauthorized } from '../../http/errors.js';
import { ROLES } from '@guatu/core';

export const meBody = z
  .object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(z.enum(ROLES)),
    region: z.object({ code: z.string(), name: z.string(), level: z.string(), path: z.string() }),
    sessionExpiresAt: z.string(),
  })
  .meta({ id: 'Me' });

export async function presentMe(db: Db, token: string): Promise<z.infer<typeof meBody>> {
  const row = await findSessionUser(db, token);
  if (!row) throw unauthorized();
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles as (typeof ROLES)[number][],
    region: { code: row.regionCode, name: row.regionName, level: row.regionLevel, path: row.regionPath },
    sessionExpiresAt: row.expiresAt.toISOString(),
  };
}
