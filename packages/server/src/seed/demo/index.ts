import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { projects, users } from '../../db/schema/index.js';
import { recordAudit } from '../../audit/record.js';
import { systemActor } from '../../policies/actor.js';
import { seedDemoUsers, type DemoUser } from './users.js';
import { generateDemo } from './generate.js';
import { insertDemo } from './insert.js';

export interface DemoSummary {
  users: DemoUser[];
  projects: number;
  reports: number;
  enterprises: number;
}

/**
 * The demo province: users of every role and, when there are no projects yet, the province itself
 * (generated in memory from a fixed seed, then written in one transaction). Idempotent.
 */
export async function seedDemo(database: Database): Promise<DemoSummary> {
  const accounts = await seedDemoUsers(database.db);
  const [count] = await database.db.select({ n: sql<number>`count(*)::int` }).from(projects);
  if (count!.n === 0) {
    const demo = generateDemo();
    await insertDemo(database.db, demo);
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, systemActor(), {
        action: 'demo.seed',
        entity: 'demo',
        changes: { projects: [0, demo.projects.length], reports: [0, demo.reports.length], enterprises: [0, demo.enterprises.length] },
      });
    });
    // Fresh statistics, so the planner knows the tables are no longer empty.
    await database.db.execute(sql`analyze`);
  }
  const [totals] = await database.db.execute(sql`select (select count(*) from projects)::int as projects, (select count(*) from monthly_reports)::int as reports, (select count(*) from enterprises)::int as enterprises`).then((r) => (r as unknown as { rows: { projects: number; reports: number; enterprises: number }[] }).rows);
  return { users: accounts, ...totals! };
}

export async function isEmpty(database: Database): Promise<boolean> {
  const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row!.n === 0;
}
