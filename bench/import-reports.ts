/**
 * How fast a workbook of monthly reports imports, against how fast exceljs alone can stream-read
 * the same file, on PGlite and on PostgreSQL, with the peak memory of each run.
 *
 *   npm run bench:import                       # 100,000 rows on PGlite, and on PostgreSQL when BENCH_DATABASE_URL is set
 *   npm run bench:import -- --rows 20000       # a smaller file
 *   npm run bench:import -- --record           # also append the results to bench/RESULTS.md
 *
 * CPU is the import process's own (user + system): for PGlite that is all the work, database
 * included, and it varies much less with the machine's load than the elapsed time does.
 *
 * Each step runs in a child process of its own, so its peak RSS is its own: the file is made
 * first; then, for each engine, one child reads it with exceljs alone, and another dry-runs it,
 * imports it for real (all rows checked by the API's rules and written in one transaction) and
 * finally times the database writing as many rows by itself (its key checks row by row, and held
 * once as the import holds them). PGlite is measured twice: with its engine on a thread of its
 * own, as Guatu opens it, and, for comparison, in the importing thread. Last, the built server, on a fresh
 * database of its own, takes the same file as an upload, as a dry run and then for real.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { chinaDate } from '@guatu/core';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_START_PARAMS, openPglite, openPostgres, rowsOf, type Database } from '../packages/server/src/db/client.js';
import { migrate } from '../packages/server/src/db/migrate.js';
import { seedReferenceData } from '../packages/server/src/seed/reference-data.js';
import { REPORT_COLUMNS } from '../packages/server/src/modules/exchange/columns.js';
import { writeHeader } from '../packages/server/src/modules/exchange/sheet-header.js';
import { importWorkbook } from '../packages/server/src/modules/exchange/import/import-workbook.js';
import { DEFAULT_IMPORT_LIMITS } from '../packages/server/src/modules/exchange/import-limits.js';
import { systemActor, type Actor } from '../packages/server/src/policies/actor.js';
import { createUser } from '../packages/server/src/modules/users/create-user.js';
import { buildServer } from '../packages/server/scripts/build.js';
import { limitHeapGrowth } from '../packages/server/src/cli/heap-growth.js';
import { BENCH_PASSWORD } from './lib/load.js';
import { login, startServer } from './lib/http.js';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'out');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const ROWS = Number(option('rows', '100000'));
/** The comparison run: PGlite's engine in the importing thread, as before it had a thread of its own. */
const APP_THREAD = args.includes('--app-thread');
const MONTHS = 20;
const PROJECTS = Math.ceil(ROWS / MONTHS);
const REGION = '530302';

const codeOf = (i: number) => `2021-${REGION}-44-01-${String(i + 1).padStart(6, '0')}`;
const periodOf = (m: number) => `${2021 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** The monthly report sheet as a prefecture collects it: two-row header, amounts in 万元, one row per project and month. */
async function makeWorkbook(file: string) {
  const ExcelJS = await loadExcelJS();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: true });
  const sheet = book.addWorksheet('月度调度');
  const columns = REPORT_COLUMNS.filter((c) => !c.readOnly || c.key === 'projectName');
  let r = writeHeader(sheet, columns, 1, { mark: true, commit: true });
  for (let p = 0; p < PROJECTS; p++) {
    for (let m = 0; m < MONTHS && p * MONTHS + m < ROWS; m++) {
      const values: Record<string, unknown> = {
        code: codeOf(p),
        projectName: `麒麟区重点产业项目${p + 1}号`,
        period: periodOf(m),
        completedInvestment: ((p * 7 + m * 13) % 5000) + 0.25,
        'funds.outOfProvince': (p + m) % 300,
        'funds.bankLoans': ((p * 3 + m) % 200) + 0.5,
        'funds.selfRaised': 12.34,
        physicalProgress: m % 3 ? '主体施工' : '设备安装',
        progressPercent: (m * 5) % 100,
        workersOnSite: 100 + (p % 300),
        narrative: m % 4 ? null : '按计划推进',
      };
      const row = sheet.getRow(++r);
      columns.forEach((c, i) => {
        const v = values[c.key];
        if (v !== undefined && v !== null) row.getCell(i + 1).value = v as ExcelJS.CellValue;
      });
      row.commit();
    }
  }
  sheet.commit();
  await book.commit();
}

/** A database with the reference data, a reporter in 麒麟区 and the projects the rows name; returns where it is. */
async function setUp(engine: string): Promise<string> {
  let database: Database;
  let location: string;
  if (engine === 'pglite') {
    location = mkdtempSync(join(tmpdir(), 'guatu-bench-'));
    database = await openPglite(location);
  } else {
    const url = process.env.BENCH_DATABASE_URL!;
    const name = `guatu_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    location = u.toString();
    database = await openPostgres(location);
  }
  try {
    await migrate(database);
    await seedReferenceData(database.db);
    await createUser(database, systemActor(), { username: 'bench.reporter', displayName: '基准测试', regionCode: REGION, roles: ['reporter'], password: BENCH_PASSWORD });
    await database.db.execute(sql`
      insert into projects (code, name, kind, region_code, category_code, level, stage, started_on, total_investment)
      select '2021-${sql.raw(REGION)}-44-01-' || lpad(i::text, 6, '0'), '麒麟区重点产业项目' || i || '号', 'government', ${REGION}, 'other-industry', 'county', 'construction', '2021-01-01', 10000000000
      from generate_series(1, ${PROJECTS}) as i`);
  } finally {
    await database.close();
  }
  return location;
}

async function tearDown(engine: string, location: string) {
  if (engine === 'pglite') return rmSync(location, { recursive: true, force: true });
  const url = process.env.BENCH_DATABASE_URL!;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop database if exists ${new URL(location).pathname.slice(1)} with (force)`);
  await c.end();
}

/**
 * Child: open the prepared database (as a running server has it open), dry-run the file, then
 * import it. Peak RSS is this process's own: for PGlite it includes the embedded
 * database engine, for PostgreSQL only Guatu.
 */
async function measure(engine: string, location: string, file: string) {
  const database =
    engine === 'postgres'
      ? await openPostgres(location)
      : APP_THREAD
        ? await openPglite(await PGlite.create({ dataDir: location, relaxedDurability: false, startParams: PGLITE_START_PARAMS }))
        : await openPglite(location);
  try {
    const [user] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from users where username = 'bench.reporter'`));
    const actor: Actor = { userId: Number(user!.id), username: 'bench.reporter', displayName: '基准测试', regionCode: REGION, regionPath: '530000/530300/530302/', regionLevel: 'county', roles: ['reporter'] };
    const openRssMb = process.memoryUsage().rss / 2 ** 20;

    let t: number;
    // A dry run: the same read and checks, nothing written.
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1e6;
    };
    let c = cpu();
    t = performance.now();
    const dry = await importWorkbook(database, actor, { path: file, fileName: 'bench.xlsx', dryRun: true, limits: DEFAULT_IMPORT_LIMITS });
    const dryRunSeconds = (performance.now() - t) / 1000;
    const dryRunCpu = cpu() - c;
    if (dry.counts.monthlyReports.create !== ROWS) throw new Error(`dry run failed: ${JSON.stringify(dry.issues.slice(0, 5))}`);

    const phases: Record<string, number> = {};
    let peakHeapMb = 0;
    const sampler = setInterval(() => (peakHeapMb = Math.max(peakHeapMb, process.memoryUsage().heapUsed / 2 ** 20)), 50);
    c = cpu();
    t = performance.now();
    const result = await importWorkbook(database, actor, {
      path: file,
      fileName: 'bench.xlsx',
      dryRun: false,
      limits: DEFAULT_IMPORT_LIMITS,
      onProgress: (p) => (phases[p.phase] ??= (performance.now() - t) / 1000),
    });
    const importSeconds = (performance.now() - t) / 1000;
    const importCpu = cpu() - c;
    clearInterval(sampler);
    if (!result.committed || result.counts.monthlyReports.create !== ROWS) throw new Error(`import failed: ${JSON.stringify(result.issues.slice(0, 5))}`);
    const n = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from monthly_reports`))[0]?.n;
    if (n !== ROWS) throw new Error(`expected ${ROWS} reports, found ${n}`);
    // Before the database's own floor is measured, which is not part of the import.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    c = cpu();
    const databaseSeconds = await databaseAlone(database, actor.userId, false);
    const databaseCpu = cpu() - c;
    c = cpu();
    const heldSeconds = await databaseAlone(database, actor.userId, true);
    const heldCpu = cpu() - c;
    process.stdout.write(
      JSON.stringify({ engine: APP_THREAD ? `${engine}, engine in the importing thread` : engine, rows: ROWS, dryRunSeconds, dryRunCpu, importCpu, importSeconds, phases, rowsPerSecond: ROWS / importSeconds, databaseSeconds, databaseCpu, heldSeconds, heldCpu, openRssMb, peakHeapMb, peakRssMb }) + '\n',
    );
  } finally {
    await database.close();
  }
}

/**
 * The database's own floor: the same number of draft reports and first events, generated inside
 * the database by one INSERT … SELECT (no file, no parameters, no checks of Guatu's), in a
 * transaction that is rolled back: with the foreign keys checked row by row, and with them held
 * once as an import holds them (the user locked, the per-row checks off for the statement). No
 * import can write faster than the second.
 */
async function databaseAlone(database: Database, userId: number, keysHeld: boolean): Promise<number> {
  await database.db.execute(sql`delete from monthly_report_events`);
  await database.db.execute(sql`delete from monthly_reports`);
  const t = performance.now();
  await database.db
    .transaction(async (tx) => {
      if (keysHeld) {
        await tx.execute(sql`select id from users where id = ${userId} for key share`);
        await tx.execute(sql`select set_config('session_replication_role', 'replica', true)`);
      }
      await tx.execute(sql`
        with created as (
          insert into monthly_reports (project_id, period, status, completed_investment, funds_out_of_province, funds_bank_loans, funds_self_raised,
            physical_progress, progress_percent, workers_on_site, created_by, updated_by)
          select p.id, to_char(date '2021-01-01' + m * interval '1 month', 'YYYY-MM'), 'draft', 412325002.5, 1200000, 50005000, 123400, '主体施工', 45, 120, ${userId}::bigint, ${userId}::bigint
          from (select id from projects order by id limit ${PROJECTS}) p, generate_series(0, ${MONTHS - 1}) m
          limit ${ROWS}
          returning id
        )
        insert into monthly_report_events (report_id, action, from_status, to_status, comment, actor_id)
        select id, 'create', null, 'draft', 'bench', ${userId}::bigint from created`);
      throw new RollBack();
    })
    .catch((e) => {
      if (!(e instanceof RollBack)) throw e;
    });
  return (performance.now() - t) / 1000;
}

class RollBack extends Error {}

/** exceljs only where the bench itself uses it, so the measuring child's memory holds what an import loads and no more. */
const loadExcelJS = async () => (await import('exceljs')).default;

/**
 * The same file as an officer sends it: uploaded to the built server (`npm start`'s
 * packages/server/dist/guatu.js), first as a dry run, then for real. The
 * time is the whole request, upload included; the memory is the server process's peak RSS.
 * The in-process run before it left the database without reports.
 */
async function viaServer(engine: string, location: string, file: string) {
  const server = await startServer({ engine: engine as 'pglite' | 'postgres', location }, 3990);
  try {
    const idleRssMb = server.peakRssMb();
    const cookie = await login(server.url, 'bench.reporter', BENCH_PASSWORD);
    const bytes = readFileSync(file);
    const post = async (dryRun: boolean) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), 'bench.xlsx');
      const cpu = server.cpuSeconds();
      const t = performance.now();
      const res = await fetch(`${server.url}/api/v1/imports?dryRun=${dryRun}`, { method: 'POST', body: form, headers: { cookie } });
      const body = (await res.json()) as { committed: boolean; counts: { monthlyReports: { create: number } } };
      const seconds = (performance.now() - t) / 1000;
      if (!res.ok || body.counts.monthlyReports.create !== ROWS || body.committed === dryRun) throw new Error(`server import (dryRun=${dryRun}) failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
      return { seconds, cpu: server.cpuSeconds() - cpu };
    };
    const dry = await post(true);
    const real = await post(false);
    return { dryRunSeconds: dry.seconds, dryRunCpu: dry.cpu, importSeconds: real.seconds, importCpu: real.cpu, rowsPerSecond: ROWS / real.seconds, idleRssMb, peakRssMb: server.peakRssMb() };
  } finally {
    await server.stop();
  }
}

/** Child: exceljs alone stream-reads the file and counts its rows, the reference every import is measured against. */
async function exceljsAlone(file: string) {
  const ExcelJS = await loadExcelJS();
  const t = performance.now();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  let rawRows = 0;
  for await (const ws of reader) for await (const row of ws as AsyncIterable<ExcelJS.Row>) if (row.values) rawRows++;
  const seconds = (performance.now() - t) / 1000;
  process.stdout.write(JSON.stringify({ rawRows, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

async function main() {
  const engine = option('engine', '');
  if (args.includes('--exceljs')) return exceljsAlone(join(outDir, `reports-${ROWS}.xlsx`));
  const file = join(outDir, `reports-${ROWS}.xlsx`);
  if (engine && args.includes('--set-up')) return void process.stdout.write((await setUp(engine)) + '\n');
  if (engine) {
    // As `guatu import` runs (packages/server/src/cli/main.ts).
    limitHeapGrowth();
    return measure(engine, option('at', ''), file);
  }

  mkdirSync(outDir, { recursive: true });
  if (!existsSync(file)) {
    const t = performance.now();
    await makeWorkbook(file);
    console.error(`made ${file} (${(statSync(file).size / 1e6).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  const engines = ['pglite', ...(process.env.BENCH_DATABASE_URL ? ['postgres'] : [])];
  // The children run this file built as the server is (npm start), not through tsx, whose
  // compiler and loaded sources would add their own memory and CPU to every figure.
  await buildServer();
  const built = await buildServer(fileURLToPath(import.meta.url), join(outDir, 'import-reports.mjs'));
  const child = (...more: string[]) => {
    const c = spawnSync(process.execPath, [built, '--rows', String(ROWS), ...more], { encoding: 'utf8', env: process.env, maxBuffer: 1e8 });
    if (c.status !== 0) throw new Error(`${more.join(' ')} failed:\n${c.stderr}`);
    return c.stdout.trim().split('\n').pop()!;
  };
  const loadAtStart = loadavg()[0]!;
  // Each engine's run is measured against exceljs reading the same file just before it.
  const results = [];
  const served = [];
  for (const e of engines) {
    const exceljs = JSON.parse(child('--exceljs'));
    const location = child('--engine', e, '--set-up');
    try {
      results.push({ ...JSON.parse(child('--engine', e, '--at', location)), exceljsSeconds: exceljs.seconds, exceljsRssMb: exceljs.peakRssMb });
    } finally {
      await tearDown(e, location);
    }
    if (e === 'pglite') {
      const again = child('--engine', e, '--set-up');
      try {
        results.push({ ...JSON.parse(child('--engine', e, '--at', again, '--app-thread')), exceljsSeconds: exceljs.seconds, exceljsRssMb: exceljs.peakRssMb });
      } finally {
        await tearDown(e, again);
      }
    }
    // A database of its own: the run above left dead rows behind, which the unique index on
    // (project, month) would have to step over for every new report.
    const fresh = child('--engine', e, '--set-up');
    try {
      served.push({ engine: e, exceljsSeconds: exceljs.seconds, ...(await viaServer(e, fresh, file)) });
    } finally {
      await tearDown(e, fresh);
    }
  }
  const pgVersion = process.env.BENCH_DATABASE_URL ? await serverVersion(process.env.BENCH_DATABASE_URL) : null;
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${pgVersion ? `, ${pgVersion}` : ''}; load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`;
  const lines = [
    `### ${chinaDate()} — ${ROWS.toLocaleString('en-US')} monthly-report rows`,
    '',
    `Machine: ${machine}. Command: \`npm run bench:import${ROWS !== 100000 ? ` -- --rows ${ROWS}` : ''}\`${process.env.BENCH_DATABASE_URL ? ' with BENCH_DATABASE_URL set' : ''}. File: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${ROWS / MONTHS} projects × ${MONTHS} months.`,
    '',
    '| engine | exceljs stream-read alone (its peak RSS) | database alone (INSERT … SELECT): keys checked per row [CPU] / held once [CPU] | dry run (read, check) [CPU] | import (read, check, write, commit) [CPU] | rows/s | import ÷ exceljs | RSS with the database open | peak JS heap | peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.engine} | ${r.exceljsSeconds.toFixed(2)} s (${Math.round(r.exceljsRssMb)} MB) | ${r.databaseSeconds.toFixed(2)} s [${r.databaseCpu.toFixed(2)} s] / ${r.heldSeconds.toFixed(2)} s [${r.heldCpu.toFixed(2)} s] | ${r.dryRunSeconds.toFixed(2)} s [${r.dryRunCpu.toFixed(2)} s] | ${r.importSeconds.toFixed(2)} s [${r.importCpu.toFixed(2)} s] | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${(r.importSeconds / r.exceljsSeconds).toFixed(2)}× | ${Math.round(r.openRssMb)} MB | ${Math.round(r.peakHeapMb)} MB | ${Math.round(r.peakRssMb)} MB |`,
    ),
    '',
    'Through the built server (`POST /api/v1/imports`, multipart upload of the same file, then the answer), on a fresh database prepared the same way:',
    '',
    '| engine | dry run [server CPU] | import [server CPU] | rows/s | import ÷ exceljs | server RSS, idle after start | server peak RSS |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...served.map(
      (r) =>
        `| ${r.engine} | ${r.dryRunSeconds.toFixed(2)} s [${r.dryRunCpu.toFixed(2)} s] | ${r.importSeconds.toFixed(2)} s [${r.importCpu.toFixed(2)} s] | ${Math.round(r.rowsPerSecond).toLocaleString('en-US')} | ${(r.importSeconds / r.exceljsSeconds).toFixed(2)}× | ${Math.round(r.idleRssMb)} MB | ${Math.round(r.peakRssMb)} MB |`,
    ),
    '',
  ];
  console.log(lines.join('\n'));
  if (args.includes('--record')) appendFileSync(join(here, 'RESULTS.md'), '\n' + lines.join('\n'));
}

async function serverVersion(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ v: string }>("select current_setting('server_version') as v");
  await c.end();
  return `PostgreSQL ${rows[0]!.v}`;
}

await main();
