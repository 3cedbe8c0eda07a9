import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { projects, users } from '../../db/schema/index.js';
import { seedDemoUsers, type DemoUser } from './users.js';

export interface DemoSummary {
  users: DemoUser[];
  projects: number;
}

/** The demo province: users of every role, and (when empty) its projects. Deterministic and idempotent. */
export async function seedDemo(database: Database): Promise<DemoSummary> {
  const accounts = await seedDemoUsers(database.db);
  const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(projects);
  return { users: accounts, projects: count!.n };
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row!.n === 0;
}
