import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { openPglite, openPostgres, type Database } from '../../db/client.js';
import { auditEvents, monthlyReports, reportEvents, users } from '../../db/schema/index.js';
import { hashPassword } from '../../modules/auth/passwords.js';
import { createProject } from '../../modules/projects/create-project.js';
import { verifyAuditChain } from '../../audit/verify.js';
import type { Actor } from '../../policies/actor.js';
import { withDatabase } from '../global-setup.js';
import { projectCode, projectInput } from '../fixtures.js';
import { freePort } from './own-postgres.js';
import { ServerProcess } from './server-process.js';

/**
 * A real server process is killed with SIGKILL while it approves 1,000 monthly reports in one
 * transaction. After a restart the batch is approved entirely or not at all, the audit chain
 * verifies, and the batch can be approved again. A write the server acknowledged before the kill
 * is still there.
 */

const kind = (process.env.GUATU_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const BATCH = 1000;
const PASSWORD = 'Crash-password-1';

interface Store {
  env: Record<string, string>;
  /** Opens the database from the test process (PGlite: only while no server has it open). */
  open(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function freshStore(): Promise<Store> {
  if (kind === 'postgres') {
    const { url, template, prefix } = inject('postgresTemplate');
    const name = `${prefix}_crash_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    return {
      env: { DATABASE_URL: dbUrl },
      open: () => openPostgres(dbUrl, { max: 1 }),
      cleanup: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'guatu-crash-'));
  const dataDir = join(dir, 'data');
  const seeded = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
  await seeded.close();
  return { env: { GUATU_DATA_DIR: dataDir }, open: () => openPglite(dataDir), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A county reporter's submitted reports, in batches of 1,000, and a Qujing reviewer to approve them. */
async function prepare(database: Database, batches: number): Promise<number[][]> {
  const passwordHash = await hashPassword(PASSWORD);
  const [reporter] = await database.db.insert(users).values({ username: 'crash.reporter', displayName: '填报员', regionCode: '530302', roles: ['reporter'], passwordHash }).returning();
  await database.db.insert(users).values({ username: 'crash.reviewer', displayName: '审核员', regionCode: '530300', roles: ['reviewer'], passwordHash });
  const actor: Actor = { userId: reporter!.id, username: reporter!.username, displayName: reporter!.displayName, regionCode: '530302', regionPath: '530000/530300/530302/', regionLevel: 'county', roles: ['reporter'] };
  const out: number[][] = [];
  const perProject = 250;
  for (let b = 0; b < batches; b++) {
    const ids: number[] = [];
    for (let p = 0; p < BATCH / perProject; p++) {
      const project = await createProject(database, actor, projectInput({ code: projectCode('530302') }));
      const rows = Array.from({ length: perProject }, (_, i) => ({
        projectId: project.id,
        period: `${2001 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
        status: 'submitted' as const,
        completedInvestment: '1000.00',
        submittedBy: reporter!.id,
        submittedAt: new Date(),
        createdBy: reporter!.id,
        updatedBy: reporter!.id,
      }));
      const inserted = await database.db.insert(monthlyReports).values(rows).returning({ id: monthlyReports.id });
      ids.push(...inserted.map((r) => r.id));
    }
    out.push(ids);
  }
  return out;
}

/** How much of a batch the database holds as approved, in each place that records it. */
async function approvedState(database: Database, ids: number[]) {
  const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
  const n = sql<number>`count(*)::int`;
  return {
    reports: await count(database.db.select({ n }).from(monthlyReports).where(and(inArray(monthlyReports.id, ids), eq(monthlyReports.status, 'approved')))),
    reviewEvents: await count(database.db.select({ n }).from(reportEvents).where(and(inArray(reportEvents.reportId, ids), eq(reportEvents.action, 'approve')))),
    auditEvents: await count(
      database.db
        .select({ n })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'report.bulk-approve'), inArray(auditEvents.entityId, ids.map(String)))),
    ),
  };
}

const all = { reports: BATCH, reviewEvents: BATCH, auditEvents: BATCH };
const nothing = { reports: 0, reviewEvents: 0, auditEvents: 0 };

describe(`SIGKILL in the middle of approving ${BATCH} reports (${kind})`, () => {
  let store: Store;
  let batches: number[][];
  let port: number;
  /** PostgreSQL only: the test's own view of the database while the server runs. */
  let observer: Database | undefined;

  beforeAll(async () => {
    store = await freshStore();
    const database = await store.open();
    batches = await prepare(database, 4);
    if (kind === 'postgres') observer = database;
    else await database.close();
    port = await freePort(3301, 3399);
  });
  afterAll(async () => {
    await observer?.close();
    await store?.cleanup();
  });

  /** Looks at the database with no server running (PGlite allows one process at a time). */
  async function inspect<T>(look: (database: Database) => Promise<T>): Promise<T> {
    if (observer) return look(observer);
    const database = await store.open();
    try {
      return await look(database);
    } finally {
      await database.close();
    }
  }

  /** PostgreSQL: waits until the killed server's backends are gone and their transaction rolled back. */
  async function serverBackendsGone() {
    if (!observer) return;
    for (let i = 0; i < 200; i++) {
      const result: any = await observer.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
      if ((result.rows ?? result)[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the killed server’s database sessions did not end');
  }

  /** PostgreSQL: true once the approval's UPDATE holds monthly_reports and has not committed. */
  async function approvalInProgress(): Promise<boolean> {
    const result: any = await observer!.db.execute(sql`
      select count(*)::int as n from pg_locks l join pg_class c on c.oid = l.relation
      where c.relname = 'monthly_reports' and l.mode = 'RowExclusiveLock' and l.pid <> pg_backend_pid()`);
    return (result.rows ?? result)[0].n > 0;
  }

  it('keeps an acknowledged write, finds all or nothing after a kill mid-transaction, and recovers', async () => {
    let server = await ServerProcess.start(store.env, port);
    const login = await server.post('/api/v1/auth/login', { username: 'crash.reviewer', password: PASSWORD });
    expect(login.status).toBe(200);
    const cookie = login.cookie!;

    // 1. Acknowledged, then killed at once: the write must survive.
    const started = performance.now();
    const acknowledged = await server.post('/api/v1/reports/bulk-approve', { ids: batches[0] }, cookie);
    const duration = performance.now() - started;
    expect(acknowledged).toMatchObject({ status: 200, body: { approved: BATCH } });
    await server.kill();
    await serverBackendsGone();
    expect(await inspect((db) => approvedState(db, batches[0]!))).toEqual(all);

    // 2. Killed while the approval is under way, up to three times until a kill lands mid-flight.
    const outcomes: string[] = [];
    let interrupted: number[] | undefined;
    for (const [attempt, ids] of batches.slice(1).entries()) {
      server = await ServerProcess.start(store.env, port);
      let answered = false;
      const request = server.post('/api/v1/reports/bulk-approve', { ids }, cookie).then(
        () => (answered = true),
        () => false,
      );
      let underWay = false;
      if (observer) {
        for (let i = 0; i < 20_000 && !answered && !underWay; i++) underWay = await approvalInProgress();
      } else {
        // PGlite runs inside the server: aim at the middle of the time an approval took, then earlier.
        await new Promise((r) => setTimeout(r, duration * [0.5, 0.3, 0.15][attempt]!));
      }
      await server.kill();
      await request;
      await serverBackendsGone();
      const state = await inspect((db) => approvedState(db, ids));
      expect([all, nothing]).toContainEqual(state);
      outcomes.push(`${answered ? 'answered' : underWay ? 'in flight, its UPDATE under way' : 'in flight'}: ${state.reports === BATCH ? 'all' : 'nothing'}`);
      if (!answered && state.reports === 0 && (underWay || !observer)) {
        interrupted = ids;
        break;
      }
    }
    console.log(`[crash, ${kind}] acknowledged ${BATCH} approvals in ${Math.round(duration)} ms, kept after SIGKILL; kills mid-approval: ${outcomes.join('; ')}`);
    expect(interrupted, `no kill landed while an approval was in flight: ${outcomes.join('; ')}`).toBeDefined();

    // 3. The interrupted batch is untouched: a restarted server approves it in full.
    server = await ServerProcess.start(store.env, port);
    expect(await server.post('/api/v1/reports/bulk-approve', { ids: interrupted }, cookie)).toMatchObject({ status: 200, body: { approved: BATCH } });
    await server.stop();
    await serverBackendsGone();
    expect(await inspect((db) => approvedState(db, interrupted!))).toEqual(all);
    const chain = await inspect((db) => verifyAuditChain(db.db));
    expect(chain.ok).toBe(true);
  });
});
