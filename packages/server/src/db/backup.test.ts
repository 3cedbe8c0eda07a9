import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext, type TestUser } from '../test/harness.js';
import { createProjectVia } from '../test/fixtures.js';
import { cliDatabaseEnv, runGuatu } from '../test/cli.js';
import { withDatabase } from '../test/global-setup.js';
import { auditHead, verifyAuditChain } from '../audit/verify.js';
import { openPglite, openPostgres, type Database } from './client.js';
import { backupPglite, backupPostgres, restorePglite, restorePostgres } from './backup.js';

let t: TestContext;
let reporter: TestUser;
let dir: string;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  for (let i = 0; i < 3; i++) await createProjectVia(t, reporter, { name: `备份测试项目${i}` });
  dir = mkdtempSync(join(tmpdir(), 'guatu-backup-'));
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function projectNames(database: Database): Promise<string[]> {
  const result: any = await database.db.execute(sql`select name from projects order by id`);
  return (result.rows ?? result).map((r: { name: string }) => r.name);
}

/** A new, empty PostgreSQL database beside the test's own, dropped afterwards. */
async function emptyPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: t.databaseUrl });
  await admin.connect();
  const name = `guatu_restore_${randomUUID().slice(0, 8)}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(t.databaseUrl!, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: t.databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe('backup and restore', () => {
  it('round-trip every record, and the restored audit chain verifies with the same head', async () => {
    const file = join(dir, `round-trip.${t.kind === 'postgres' ? 'dump' : 'tar.gz'}`);
    const names = await projectNames(t.database);
    const head = await auditHead(t.database.db);
    if (t.kind === 'postgres') {
      await backupPostgres(t.databaseUrl!, file);
      const target = await emptyPostgres();
      try {
        await restorePostgres(file, target.url, { hasData: false, safetyFile: join(dir, 'unused') });
        const restored = await openPostgres(target.url, { max: 1 });
        try {
          expect(await projectNames(restored)).toEqual(names);
          expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true, head });
          // The trigger came back with the data: history stays append-only.
          await expect(restored.db.execute(sql`delete from audit_events`)).rejects.toThrow();
        } finally {
          await restored.close();
        }
      } finally {
        await target.drop();
      }
    } else {
      await backupPglite(t.database, file);
      await restorePglite(file, join(dir, 'restored'));
      const restored = await openPglite(join(dir, 'restored'));
      try {
        expect(await projectNames(restored)).toEqual(names);
        expect(await verifyAuditChain(restored.db)).toMatchObject({ ok: true, head });
        await expect(restored.db.execute(sql`delete from audit_events`)).rejects.toThrow();
      } finally {
        await restored.close();
      }
    }
  });

  it('refuse to restore over data unless forced, and then keep what they replaced', async () => {
    const file = join(dir, `over.${t.kind === 'postgres' ? 'dump' : 'tar.gz'}`);
    if (t.kind === 'postgres') {
      await backupPostgres(t.databaseUrl!, file);
      await expect(restorePostgres(file, t.databaseUrl!, { hasData: true, safetyFile: join(dir, 'safety.dump') })).rejects.toThrow(/--force/);
      const before = await projectNames(t.database);
      await createProjectVia(t, reporter, { name: '备份之后新增的项目' });
      const { safetyBackup } = await restorePostgres(file, t.databaseUrl!, { hasData: true, force: true, safetyFile: join(dir, 'safety.dump') });
      expect(safetyBackup && existsSync(safetyBackup)).toBe(true);
      expect(await projectNames(t.database)).toEqual(before);
      expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    } else {
      await backupPglite(t.database, file);
      const dataDir = join(dir, 'occupied');
      await restorePglite(file, dataDir);
      await expect(restorePglite(file, dataDir)).rejects.toThrow(/--force/);
      const { movedAside } = await restorePglite(file, dataDir, { force: true });
      expect(movedAside && readdirSync(movedAside).length).toBeGreaterThan(0);
    }
  });
});

describe('guatu backup and guatu restore', () => {
  it('round-trip through the command line, and guatu audit verify passes on the restored database', async () => {
    const { env, cleanup } = await cliDatabaseEnv(t);
    const file = join(dir, 'cli-backup');
    const target = t.kind === 'postgres' ? await emptyPostgres() : null;
    try {
      const backedUp = await runGuatu(['backup', file], env);
      expect(backedUp.stderr).toBe('');
      expect(backedUp.code).toBe(0);
      expect(backedUp.stdout).toMatch(/^Backed up .* \(\d+ bytes, audit head \d+:[0-9a-f]{64}\)\./);

      const restoredEnv = target ? { DATABASE_URL: target.url } : { GUATU_DATA_DIR: join(dir, 'cli-restored') };
      const restored = await runGuatu(['restore', file], restoredEnv);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toContain('audit chain intact');
      const verified = await runGuatu(['audit', 'verify'], restoredEnv);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toContain(`head ${(await auditHead(t.database.db))!.seq}:`);

      const again = await runGuatu(['restore', file], restoredEnv);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('--force');
    } finally {
      cleanup();
      await target?.drop();
    }
  });
});
