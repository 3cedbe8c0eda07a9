/**
 * The performance benchmark, over HTTP against `guatu serve` in a process of its own:
 *
 *   npm run bench -- --scale province                 # PostgreSQL if BENCH_DATABASE_URL/TEST_DATABASE_URL is set, else PGlite
 *   npm run bench -- --scale province --db pglite
 *   npm run bench -- --scale national --db postgres
 *   options: --seconds 5 (per query) --connections 1 --month-end 200 (reports per prefecture)
 *            --workers 4 (reporter connections per prefecture) --naive-runs 5 --port 3501 --regenerate
 *            --only month-end (skip the baselines and queries: start-up and the month-end load only)
 *
 * In one run, in this order: the naive SQL baselines straight on the database (before the server
 * holds it: PGlite has one connection), start-up until the first answer, the empty Fastify route,
 * the dashboard and battle-map queries, the filtered project list, and the month-end load with the
 * row counts after it. The server is the built one, as `npm start` runs it, built once before
 * measuring. Results go to bench/results/perf-<scale>-<db>-<time>.{json,md}.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync } from 'node:child_process';
import pg from 'pg';
import { SCALES, LOAD_PERIOD } from './lib/data.js';
import { generate, openTarget, type BenchUsers, BENCH_PASSWORD, type Target } from './lib/load.js';
import { engineOf, option, scaleOf, targetOf, BENCH_DIR } from './lib/options.js';
import { DASHBOARD_QUERIES, LIST_QUERY, type HttpQuery } from './lib/queries.js';
import { login, measure, percentiles, startEmptyServer, startServer, type Latency } from './lib/http.js';
import { countMonthEnd, planMonthEnd, runMonthEnd } from './lib/month-end.js';
import { markdown } from './lib/report.js';
import { buildServer } from '../packages/server/scripts/build.js';

const args = process.argv.slice(2);
const scale = scaleOf(args);
const engine = engineOf(args, scale);
const target = targetOf(engine, scale);
const port = Number(option(args, 'port', '3501'));
const seconds = Number(option(args, 'seconds', '5'));
const connections = Number(option(args, 'connections', '1'));
const perPrefecture = Number(option(args, 'month-end', engine === 'postgres' ? '200' : '60'));
const workers = Number(option(args, 'workers', '4'));
const naiveRuns = Number(option(args, 'naive-runs', '5'));
const only = option(args, 'only', '');
if (only && only !== 'month-end') throw new Error('--only is month-end');
const queries = only ? [] : [...DASHBOARD_QUERIES, LIST_QUERY];

const users: BenchUsers = {
  leader: 'bench.leader',
  reporters: [],
  reviewers: [],
};

async function ensureData(t: Target) {
  if (!args.includes('--regenerate') && (await hasData(t))) return;
  console.log(`generating the ${scale} data on ${engine}…`);
  await generate(t, scale);
}

async function hasData(t: Target): Promise<boolean> {
  if (t.engine === 'pglite') return existsSync(join(t.location, 'PG_VERSION'));
  const client = new pg.Client({ connectionString: t.location });
  try {
    await client.connect();
    const { rows } = await client.query(`select count(*)::int as n from projects`);
    return rows[0].n >= SCALES[scale].projects;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Each naive query `naiveRuns` times on the database directly; also finds the bench users and the month-end projects. */
async function beforeServer() {
  const database = await openTarget(target);
  const query = (text: string) => (database.pool ? database.pool.query(text) : database.pglite!.query(text)) as Promise<{ rows: Record<string, unknown>[] }>;
  try {
    const { rows } = await query(`select code from regions where level = 'prefecture' order by sort`);
    rows.forEach((r, i) => {
      users.reporters.push({ username: `bench.reporter${i}`, region: String(r.code) });
      users.reviewers.push({ username: `bench.reviewer${i}`, region: String(r.code) });
    });
    const naive = new Map<string, Latency>();
    for (const q of queries) {
      const samples: number[] = [];
      const t0 = performance.now();
      for (let i = 0; i < naiveRuns; i++) {
        const t = performance.now();
        await query(q.naive!);
        samples.push(performance.now() - t);
      }
      naive.set(q.name, percentiles(samples, (performance.now() - t0) / 1000));
      console.log(`  naive ${q.name}: p50 ${samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!.toFixed(0)} ms`);
    }
    const plan = await planMonthEnd(query, users, perPrefecture);
    const counts = await countMonthEnd(database);
    const workMem = String((await query(`show work_mem`)).rows[0]!.work_mem);
    return { naive, plan, countsBefore: counts, workMem };
  } finally {
    await database.close();
  }
}

const started = new Date();
const machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model.trim()}`,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
const commit = execSync('git rev-parse --short HEAD', { cwd: BENCH_DIR }).toString().trim();
const dirty = execSync('git status --porcelain', { cwd: BENCH_DIR }).toString().trim() !== '';

await ensureData(target);
await buildServer();
const load = { start: loadavg() };
if (!only) console.log(`naive SQL baselines (${naiveRuns} runs each)…`);
const { naive, plan, countsBefore, workMem } = await beforeServer();

console.log('start-up…');
const server = await startServer(target, port);
const startupMs = server.startupMs;
console.log(`  first answer after ${startupMs.toFixed(0)} ms`);
const results: { query: HttpQuery; http: Latency; naive: Latency }[] = [];
let floor: Latency | undefined;
let monthEnd;
try {
  if (!only) floor = await measureFloor();
  const cookie = await login(server.url, users.leader, BENCH_PASSWORD);
  for (const q of queries) {
    // One warm-up request: the first one of a query also plans it and fills caches.
    await measure(server.url, q, cookie, { seconds: 1, connections: 1 });
    const http = await measure(server.url, q, cookie, { seconds, connections });
    results.push({ query: q, http, naive: naive.get(q.name)! });
    console.log(`  ${q.name}: p50 ${http.p50} p95 ${http.p95} p99 ${http.p99} ms (naive p95 ${naive.get(q.name)!.p95.toFixed(0)} ms)`);
  }
  console.log(`month-end: ${plan.byPrefecture.reduce((n, p) => n + p.projectIds.length, 0)} reports, ${workers} reporter connections per prefecture…`);
  const cpuBefore = server.cpuSeconds();
  monthEnd = { ...(await runMonthEnd(server.url, users, plan, workers)), serverCpuSeconds: server.cpuSeconds() - cpuBefore };
  console.log(`  ${monthEnd.submissionsPerSecond.toFixed(0)} submissions/s, p99 ${monthEnd.latency.p99.toFixed(0)} ms, ${monthEnd.failures} failures`);
} finally {
  await server.stop();
}
/** The HTTP floor: an empty Fastify route in a process of its own. */
async function measureFloor(): Promise<Latency> {
  const empty = await startEmptyServer(port + 1);
  try {
    const floor = await measure(empty.url, { name: 'empty Fastify route', method: 'GET', path: '/empty' }, '', { seconds, connections });
    console.log(`  empty route p50 ${floor.p50} ms p99 ${floor.p99} ms`);
    return floor;
  } finally {
    await empty.stop();
  }
}

const database = await openTarget(target);
const countsAfter = await countMonthEnd(database);
await database.close();
const loadEnd = loadavg();

const report = {
  date: started.toISOString(),
  commit: dirty ? `${commit} (with uncommitted changes)` : commit,
  command: `npm run bench -- ${args.join(' ')}`.trim(),
  scale,
  engine,
  machine,
  workMem,
  loadAverage: { start: load.start, end: loadEnd },
  seconds,
  connections,
  startupMs,
  floor,
  queries: results.map((r) => ({ name: r.query.name, http: r.http, naive: r.naive })),
  monthEnd: { ...monthEnd!, period: LOAD_PERIOD, countsBefore, countsAfter },
};
mkdirSync(join(BENCH_DIR, 'results'), { recursive: true });
const stamp = started.toISOString().slice(0, 16).replace(/[:T]/g, '');
const base = join(BENCH_DIR, 'results', `perf-${scale}-${engine}-${stamp}`);
writeFileSync(`${base}.json`, JSON.stringify(report, null, 2) + '\n');
writeFileSync(`${base}.md`, markdown(report));
console.log(markdown(report));
console.log(`written to ${base}.{json,md}`);
