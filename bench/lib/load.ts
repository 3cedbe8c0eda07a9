/**
 * Builds a benchmark database: schema and reference data by the app's own migrations, a few users
 * by the app's own use case, then projects, plans, reports, problems and milestones by COPY with
 * the secondary indexes dropped, and the indexes and summaries built once at the end.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openPglite, openPostgres, type Database } from '../../packages/server/src/db/client.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { seedReferenceData } from '../../packages/server/src/seed/reference-data.js';
import { createUser } from '../../packages/server/src/modules/users/create-user.js';
import { systemActor } from '../../packages/server/src/policies/actor.js';
import type { Role } from '@guatu/core';
import {
  LAST_PERIOD,
  REPORT_COLUMNS,
  SCALES,
  milestoneLines,
  periodsEndingAt,
  planLines,
  problemLines,
  projectLine,
  reportLines,
  type Reference,
  type Scale,
} from './data.js';

export const BENCH_PASSWORD = 'Bench#Guatu-2026';
/** work_mem of the benchmark databases, for the server and the naive baselines alike. */
export const WORK_MEM = '64MB';
export type Engine = 'pglite' | 'postgres';

export interface Target {
  engine: Engine;
  /** PostgreSQL: the database URL to create (its database is dropped first). PGlite: the data dir. */
  location: string;
}

export interface BenchUsers {
  leader: string;
  reporters: { username: string; region: string }[];
  reviewers: { username: string; region: string }[];
}

/** Runs SQL on the one connection the load uses (COPY and session settings need the same one). */
interface Session {
  query(text: string): Promise<{ rows: Record<string, unknown>[] }>;
  copy(table: string, columns: readonly string[], lines: () => Iterable<string>): Promise<number>;
}

const TABLES_WITH_BULK = ['projects', 'project_annual_plans', 'monthly_reports', 'problems', 'project_milestones'];

export async function createTarget(target: Target): Promise<void> {
  if (target.engine === 'pglite') {
    rmSync(target.location, { recursive: true, force: true });
    mkdirSync(dirname(target.location), { recursive: true });
    return;
  }
  const url = new URL(target.location);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();
}

export async function openTarget(target: Target): Promise<Database> {
  return target.engine === 'pglite' ? openPglite(target.location) : openPostgres(target.location, { max: 2 });
}

export async function generate(target: Target, scale: Scale, log: (line: string) => void = console.log) {
  const spec = SCALES[scale];
  const started = performance.now();
  await createTarget(target);
  const database = await openTarget(target);
  try {
    await migrate(database);
    await seedReferenceData(database.db);
    const users = await addUsers(database);
    const session = await openSession(database);
    try {
      const ref = await reference(session);
      const counts = await bulkLoad(session, ref, spec, log);
      log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
      return { users, counts, seconds: (performance.now() - started) / 1000 };
    } finally {
      await session.release();
    }
  } finally {
    await database.close();
  }
}

/** A leader for the dashboards; one reporter and one reviewer per prefecture for the month-end load. */
async function addUsers(database: Database): Promise<BenchUsers> {
  const rows = (await database.pool?.query(`select code from regions where level = 'prefecture' order by sort`)) ?? (await database.pglite!.query(`select code from regions where level = 'prefecture' order by sort`));
  const prefectures = (rows.rows as { code: string }[]).map((r) => r.code);
  const add = (username: string, regionCode: string, roles: Role[]) =>
    createUser(database, systemActor(), { username, displayName: username, regionCode, roles, password: BENCH_PASSWORD });
  await add('bench.leader', '530000', ['leader']);
  const users: BenchUsers = { leader: 'bench.leader', reporters: [], reviewers: [] };
  for (const [i, code] of prefectures.entries()) {
    await add(`bench.reporter${i}`, code, ['reporter']);
    await add(`bench.reviewer${i}`, code, ['reviewer']);
    users.reporters.push({ username: `bench.reporter${i}`, region: code });
    users.reviewers.push({ username: `bench.reviewer${i}`, region: code });
  }
  return users;
}

async function reference(session: Session): Promise<Reference> {
  const q = async (text: string) => (await session.query(text)).rows;
  return {
    counties: (await q(`select code from regions where level in ('county', 'zone') order by code`)).map((r) => r.code as string),
    prefectures: (await q(`select code from regions where level = 'prefecture' order by code`)).map((r) => r.code as string),
    categories: (await q(`select code from categories c where not exists (select 1 from categories d where d.parent_code = c.code) order by code`)).map((r) => r.code as string),
    raisedBy: Number((await q(`select id from users where username = 'bench.leader'`))[0]!.id),
  };
}

async function bulkLoad(session: Session, ref: Reference, spec: (typeof SCALES)[Scale], log: (line: string) => void) {
  // Keys afterwards: secondary indexes and unique constraints go, and come back once the rows are in.
  const indexes = (
    await session.query(`select i.indexname, i.indexdef, c.conname, c.contype, pg_get_constraintdef(c.oid) as condef, i.tablename
      from pg_indexes i left join pg_constraint c on c.conname = i.indexname
      where i.schemaname = 'public' and i.tablename in (${TABLES_WITH_BULK.map((t) => `'${t}'`).join(', ')})
        and (c.contype is null or c.contype = 'u')`)
  ).rows as { indexname: string; indexdef: string; conname: string | null; condef: string | null; tablename: string }[];
  for (const i of indexes) await session.query(i.conname ? `alter table ${i.tablename} drop constraint ${i.conname}` : `drop index ${i.indexname}`);
  // Foreign keys and the summary trigger are triggers: off during the load, checked by the keys and the rebuild below.
  await session.query(`set session_replication_role = replica`);

  const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k + 1);
  const periods = periodsEndingAt(LAST_PERIOD, spec.months);
  const CHUNK = 2000;
  const each = function* (lines: (id: number) => Iterable<string>) {
    for (let from = 0; from < spec.projects; from += CHUNK) {
      const chunk: string[] = [];
      for (const id of ids(from, Math.min(spec.projects, from + CHUNK))) for (const l of lines(id)) chunk.push(l);
      yield chunk.join('\n') + '\n';
    }
  };
  const counts: Record<string, number> = {};
  const timed = async (table: string, columns: readonly string[], lines: (id: number) => Iterable<string>) => {
    const t = performance.now();
    counts[table] = await session.copy(table, columns, () => each(lines));
    log(`  ${table}: ${counts[table]} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  await timed('projects', ['id', 'code', 'name', 'kind', 'region_code', 'category_code', 'level', 'stage', 'started_on', 'signed_on', 'total_investment', 'agreement_amount'], (id) => [projectLine(ref, id)]);
  await timed('project_annual_plans', ['project_id', 'year', 'amount'], (id) => planLines(ref, id));
  await timed('monthly_reports', REPORT_COLUMNS, (id) => reportLines(id, periods));
  await timed('problems', ['region_code', 'project_id', 'title', 'due_on', 'status', 'raised_by'], (id) => problemLines(ref, id, spec.problemsPerProject));
  await timed('project_milestones', ['project_id', 'kind', 'planned_on', 'actual_on'], (id) => milestoneLines(ref, id));
  await session.query(`set session_replication_role = origin`);

  let t = performance.now();
  for (const i of indexes) await session.query(i.conname ? `alter table ${i.tablename} add constraint ${i.conname} ${i.condef}` : i.indexdef);
  for (const table of ['projects', 'monthly_reports', 'problems', 'project_milestones']) {
    await session.query(`select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`);
  }
  log(`  keys in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  t = performance.now();
  // Each summary level in one statement, with the triggers that keep the next level off: the
  // region-and-stage totals are rebuilt from the project-year figures afterwards.
  await session.query(`set session_replication_role = replica`);
  for (const rebuild of ['rebuild_project_year_figures', 'rebuild_region_stage_totals']) {
    const present = await session.query(`select to_regproc('${rebuild}') is not null as present`);
    if (present.rows[0]!.present) await session.query(`select ${rebuild}()`);
  }
  await session.query(`set session_replication_role = origin`);
  log(`  summaries in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // The dashboards' plans sort and hash tens of thousands of project rows; at the default 4 MB
  // they spill to disk (EXPLAIN ANALYZE: external merge). Deployments set this on the app's role.
  await session.query(`do $$ begin execute format('alter database %I set work_mem = %L', current_database(), '${WORK_MEM}'); end $$`);
  t = performance.now();
  await session.query(`vacuum analyze`);
  log(`  vacuum analyze in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return counts;
}

async function openSession(database: Database): Promise<Session & { release(): Promise<void> }> {
  if (database.kind === 'postgres') {
    const client = await database.pool!.connect();
    return {
      query: (text) => client.query(text),
      copy: async (table, columns, lines) => {
        const stream = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
        await pipeline(Readable.from(lines()), stream);
        return Number(stream.rowCount);
      },
      release: async () => client.release(),
    };
  }
  const pglite = database.pglite!;
  return {
    query: (text) => pglite.query(text) as Promise<{ rows: Record<string, unknown>[] }>,
    copy: async (table, columns, lines) => {
      let n = 0;
      for (const text of lines()) {
        const result = await pglite.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([text]) });
        n += result.affectedRows ?? 0;
      }
      return n;
    },
    release: async () => {},
  };
}
