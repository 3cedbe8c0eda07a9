import { sql } from 'drizzle-orm';
import { describeIssue } from '@guatu/core';
import type { Db } from '../db/client.js';
import { AppError } from '../http/errors.js';
import type { Actor } from '../policies/actor.js';

/** Issues as the CLI prints them: in Chinese, then in English. */
export const explain = (issues: { field: string; rule: string; params?: Record<string, unknown> }[]) =>
  issues.map((i) => `${describeIssue(i.field, i.rule, 'zh', i.params)}\n  ${describeIssue(i.field, i.rule, 'en', i.params)}`).join('\n');

/** Runs a use case, turning its refusal (an AppError with issues) into a message a person can read. */
export async function explained<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof AppError && e.issues.length) throw new Error(explain(e.issues), { cause: e });
    if (e instanceof AppError) throw new Error(`${e.statusCode} ${e.code} ${e.message}`, { cause: e });
    throw e;
  }
}

/** Acts as a user, by username: the figures are then only those of the user's region. */
export async function actorOf(db: Db, username: string): Promise<Actor> {
  const result = await db.execute(sql`select u.id::int as id, u.display_name, u.region_code, r.path, r.level, u.roles from users u join regions r on r.code = u.region_code where u.username = ${username} and u.active`);
  const [u] = (result as unknown as { rows: { id: number; display_name: string; region_code: string; path: string; level: Actor['regionLevel']; roles: Actor['roles'] }[] }).rows;
  if (!u) throw new Error(`No active user ${username}`);
  return { userId: u.id, username, displayName: u.display_name, regionCode: u.region_code, regionPath: u.path, regionLevel: u.level, roles: u.roles };
}
