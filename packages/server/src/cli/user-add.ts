import { ROLES, type Role } from '@guatu/core';
import { systemActor } from '../policies/actor.js';
import { createUser } from '../modules/users/create-user.js';
import { AppError } from '../http/errors.js';
import { describeIssue } from '@guatu/core';
import { openReady } from './open.js';

export async function userAdd(options: { username: string; name: string; region: string; roles: string; password?: string }) {
  const password = options.password ?? process.env.GUATU_PASSWORD;
  if (!password) throw new Error('Give the password with --password or the GUATU_PASSWORD environment variable.');
  const roles = options.roles.split(',').map((r) => r.trim()) as Role[];
  const unknown = roles.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw new Error(`Unknown role ${unknown.join(', ')}; valid roles: ${ROLES.join(', ')}`);
  const database = await openReady();
  try {
    const { id } = await createUser(database, systemActor(), { username: options.username, displayName: options.name, regionCode: options.region, roles, password });
    console.log(`Added user ${options.username} (id ${id}) in ${options.region} with roles ${roles.join(', ')}.`);
  } catch (e) {
    if (e instanceof AppError && e.issues.length) {
      throw new Error(e.issues.map((i) => describeIssue(i.field, i.rule, 'zh', i.params) + ' / ' + describeIssue(i.field, i.rule, 'en', i.params)).join('\n'), { cause: e });
    }
    throw e;
  } finally {
    await database.close();
  }
}
