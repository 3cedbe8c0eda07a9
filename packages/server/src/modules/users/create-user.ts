import { meetsPasswordPolicy, type Role } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { badRequest, conflict, forbidden, invalid, outOfScope } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findRegion } from '../regions/regions.repository.js';
import { hashPassword } from '../auth/passwords.js';
import { insertUser, usernameExists } from './users.repository.js';

export interface CreateUserInput {
  username: string;
  displayName: string;
  regionCode: string;
  roles: Role[];
  password: string;
}

/** An administrator adds a user inside their own region; the CLI adds one as the system. */
export async function createUser(database: Database, actor: Actor, input: CreateUserInput): Promise<{ id: number }> {
  if (!may.manageUsers(actor)) throw forbidden('role');
  const region = await findRegion(database.db, input.regionCode);
  if (!region) throw badRequest('regionCode', 'region.unknown', { value: input.regionCode });
  if (!region.path.startsWith(actor.regionPath)) throw outOfScope('regionCode', input.regionCode);
  if (!meetsPasswordPolicy(input.password)) throw invalid([{ field: 'password', rule: 'password.policy' }]);
  if (await usernameExists(database.db, input.username)) throw conflict('username', 'username.taken', { value: input.username });
  const passwordHash = await hashPassword(input.password);
  return database.db.transaction(async (tx) => {
    const id = await insertUser(tx, { ...input, passwordHash, roles: [...new Set(input.roles)] });
    await recordAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      changes: { username: [null, input.username], regionCode: [null, input.regionCode], roles: [null, input.roles] },
    });
    return { id };
  });
}
