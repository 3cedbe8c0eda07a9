/**
 * EXPLAIN ANALYZE of the statements the statistics engine sends for the bench's dashboard queries,
 * straight on a bench database (the server must not be running on a PGlite data dir):
 *
 *   npx tsx bench/explain.ts --scale province --db postgres [--only warning] [--work-mem 64MB]
 */
import { sql, type SQL } from 'drizzle-orm';
import { runStats } from '../packages/server/src/modules/stats/run-stats.js';
import { statsRequestBody } from '../packages/server/src/modules/stats/stats.schemas.js';
import type { Db } from '../packages/server/src/db/client.js';
import { openTarget } from './lib/load.js';
import { engineOf, option, scaleOf, targetOf } from './lib/options.js';
import { DASHBOARD_QUERIES } from './lib/queries.js';

const args = process.argv.slice(2);
const scale = scaleOf(args);
const database = await openTarget(targetOf(engineOf(args, scale), scale));
const only = option(args, 'only', '');
// --work-mem 64MB: what a larger sort and hash budget would change (PostgreSQL).
const workMem = option(args, 'work-mem', '');
if (workMem && database.pool) database.pool.on('connect', (client) => void client.query(`set work_mem = '${workMem}'`));
const actor = { userId: 1, username: 'bench.leader', displayName: 'bench', regionCode: '530000', regionPath: '530000/', regionLevel: 'province' as const, roles: ['leader' as const] };
// Every statement the engine sends is explained instead of run; the aggregate itself is printed.
const explaining = new Proxy(database.db, {
  get(target, key, receiver) {
    if (key !== 'execute') return Reflect.get(target, key, receiver);
    return async (statement: SQL) => {
      const plan = await target.execute(sql`explain (analyze, buffers) ${statement}`);
      const text = (plan as unknown as { rows: Record<string, string>[] }).rows.map((r) => Object.values(r)[0]).join('\n');
      if (Number(/Execution Time: ([\d.]+)/.exec(text)?.[1]) > 5) console.log(text);
      else console.log(text.split('\n').filter((l) => /Execution Time/.test(l)).join('\n'));
      return target.execute(statement);
    };
  },
}) as Db;
for (const q of DASHBOARD_QUERIES) {
  if (q.method !== 'POST' || (only && !q.name.includes(only))) continue;
  console.log(`\n=== ${q.name}`);
  await runStats(explaining, actor, statsRequestBody.parse(q.body), 'zh');
}
await database.close();
