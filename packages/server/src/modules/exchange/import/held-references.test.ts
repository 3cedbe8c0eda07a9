import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { startTestApp, type TestContext, type TestUser } from '../../../test/harness.js';
import { createProjectVia } from '../../../test/fixtures.js';
import { insertReports } from '../exchange.repository.js';
import { holdReferences } from './held-references.repository.js';

let t: TestContext;
let reporter: TestUser;
let projectId: number;
const plainRole = `guatu_plain_${process.pid}`;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  projectId = (await createProjectVia(t, reporter, { regionCode: '530302' })).id;
  await t.database.db.execute(sql.raw(`create role ${plainRole}`));
  await t.database.db.execute(sql.raw(`grant all on all tables in schema public to ${plainRole}`));
  await t.database.db.execute(sql.raw(`grant all on all sequences in schema public to ${plainRole}`));
});
afterAll(async () => {
  await t.database.db.execute(sql.raw(`drop owned by ${plainRole}`));
  await t.database.db.execute(sql.raw(`drop role ${plainRole}`));
  await t.close();
});

const figures = { completedInvestment: '100.5', fundsOutOfProvince: '0', fundsInProvince: '0', fundsForeign: '0', fundsCentralBudget: '0', fundsSpecialBonds: '0', fundsBankLoans: '0', fundsSelfRaised: '1', physicalProgress: null, progressPercent: null, workersOnSite: 3, workersExpected: null, narrative: null };
const report = (project: number, period: string) => ({ projectId: project, period, ...figures });

class RollBack extends Error {}
/** Runs in a transaction that is always rolled back, so each case starts from the same data. */
async function rolledBack(work: (tx: Db) => Promise<void>): Promise<void> {
  await t.database.db
    .transaction(async (tx) => {
      await work(tx);
      throw new RollBack();
    })
    .catch((e) => {
      if (!(e instanceof RollBack)) throw e;
    });
}
const errorCode = (e: unknown) => (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
const setting = async (tx: Db) => ((await tx.execute(sql`select current_setting('session_replication_role') as v`)) as unknown as { rows: { v: string }[] }).rows[0]!.v;

describe('new drafts written with the key checks held once per import', () => {
  it('are the only triggers skipped: the other triggers on reports and events fire for approved reports alone', async () => {
    // insertReports switches per-row triggers off for drafts. A trigger added to either table must be looked at there first.
    const { rows } = (await t.database.db.execute(sql`
      select c.relname as table, t.tgname as name, pg_get_triggerdef(t.oid) as definition
      from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where c.relname in ('monthly_reports', 'monthly_report_events') and not t.tgisinternal
      order by 1, 2`)) as unknown as { rows: { table: string; name: string; definition: string }[] };
    expect(rows.map((r) => `${r.table}.${r.name}`)).toEqual([
      'monthly_reports.monthly_reports_figures_delete',
      'monthly_reports.monthly_reports_figures_insert',
      'monthly_reports.monthly_reports_figures_update',
      'monthly_reports.monthly_reports_truncate_figures',
    ]);
    for (const r of rows) if (!r.name.includes('truncate')) expect(r.definition).toMatch(/WHEN \(+(new|old)\.status = 'approved'/i);
  });

  it('write the reports and their first events with every reference in place, and switch the checks back on', async () => {
    await rolledBack(async (tx) => {
      const held = await holdReferences(tx, reporter.id);
      expect(held).toEqual({ userId: reporter.id });
      const ids = await insertReports(tx, [report(projectId, '2024-01'), report(projectId, '2024-02')], reporter.id, '导入 测试.xlsx', 'draft', held);
      expect(ids).toHaveLength(2);
      expect(await setting(tx)).toBe('origin');
      const { rows } = (await tx.execute(sql`
        select r.status, r.created_by::text, e.action, e.actor_id::text, p.id::text as project
        from monthly_reports r join monthly_report_events e on e.report_id = r.id join projects p on p.id = r.project_id join users u on u.id = r.created_by
        where r.id in (${sql.join(ids, sql`, `)}) order by r.id`)) as unknown as { rows: Record<string, unknown>[] };
      expect(rows).toEqual(ids.map(() => ({ status: 'draft', created_by: String(reporter.id), action: 'create', actor_id: String(reporter.id), project: String(projectId) })));
    });
  });

  it('hold nothing for a user that does not exist', async () => {
    await rolledBack(async (tx) => expect(await holdReferences(tx, 987654321)).toBeNull());
  });

  it('are checked row by row for approved reports, even with the references held', async () => {
    await rolledBack(async (tx) => {
      const held = await holdReferences(tx, reporter.id);
      const error = await insertReports(tx, [report(987654321, '2024-01')], reporter.id, 'OC4IDS 导入', 'approved', held).catch((e) => e);
      expect(errorCode(error)).toBe('23503');
    });
  });

  it('are checked row by row for a role that may not switch the checks off', async () => {
    await rolledBack(async (tx) => {
      await tx.execute(sql.raw(`set local role ${plainRole}`));
      expect(await holdReferences(tx, reporter.id)).toBeNull();
      const error = await insertReports(tx, [report(987654321, '2024-01')], reporter.id, '导入 测试.xlsx', 'draft', null).catch((e) => e);
      expect(errorCode(error)).toBe('23503');
    });
  });

  it('are held once for a role granted SET on session_replication_role', async () => {
    await t.database.db.execute(sql.raw(`grant set on parameter session_replication_role to ${plainRole}`));
    await rolledBack(async (tx) => {
      await tx.execute(sql.raw(`set local role ${plainRole}`));
      expect(await holdReferences(tx, reporter.id)).toEqual({ userId: reporter.id });
    });
  });
});
