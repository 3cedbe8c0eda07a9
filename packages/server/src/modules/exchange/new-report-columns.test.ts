import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';
import { NEW_REPORT_COLUMNS, NO_FIGURES, insertReports } from './exchange.repository.js';

let t: TestContext;
let reporter: TestUser;
let projectId: number;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  projectId = (await createProjectVia(t, reporter, { regionCode: '530302' })).id;
});
afterAll(() => t.close());

const NONE = NO_FIGURES;

class RollBack extends Error {}

/** A decimal as numeric(_, 2) prints it: '1254.5' → '1254.50'. */
const cents = (v: string) => {
  const [whole, fraction = ''] = v.split('.');
  return `${whole}.${fraction.padEnd(2, '0')}`;
};

async function stored(db: Db, ids: number[]) {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      select period, completed_investment::text, funds_out_of_province::text, funds_in_province::text, funds_foreign::text,
        funds_central_budget::text, funds_special_bonds::text, funds_bank_loans::text, funds_self_raised::text,
        physical_progress, progress_percent::text, workers_on_site, workers_expected, narrative
      from monthly_reports where id in (${sql.join(ids, sql`, `)}) order by period`),
  );
}

describe('new reports leave out the columns no row of a batch fills', () => {
  it('name each left-out column with the default the table really has', async () => {
    const columns = rowsOf<{ name: string; fallback: string | null; nullable: string }>(
      await t.database.db.execute(sql`
        select column_name as name, column_default as fallback, is_nullable as nullable
        from information_schema.columns where table_schema = 'public' and table_name = 'monthly_reports'`),
    );
    const byName = new Map(columns.map((c) => [c.name, c]));
    for (const c of NEW_REPORT_COLUMNS) {
      const actual = byName.get(c.column);
      expect(actual, c.column).toBeDefined();
      if (c.tableDefault === undefined) continue;
      if (c.tableDefault === null) expect([c.column, actual!.fallback, actual!.nullable]).toEqual([c.column, null, 'YES']);
      else expect([c.column, actual!.fallback?.replace(/^'(.*)'::numeric$/, '$1')]).toEqual([c.column, c.tableDefault]);
    }
  });

  it('keep every value exactly, whether a column is left out, filled by one row or by all', async () => {
    const rows = [
      { projectId, period: '2023-01', ...NONE },
      { projectId, period: '2023-02', ...NONE, completedInvestment: '1254.5', fundsForeign: '0.01', narrative: '按计划推进' },
      { projectId, period: '2023-03', ...NONE, completedInvestment: '99999999999999.99', workersOnSite: 0, progressPercent: '100' },
    ];
    let back: Record<string, unknown>[] = [];
    let expected: Record<string, unknown>[] = [];
    // Written and read back in one transaction, rolled back so the other cases start from the same data.
    await t.database.db
      .transaction(async (tx) => {
        const ids = await insertReports(tx, rows, reporter.id, '导入 测试.xlsx', 'draft');
        // Two batches that fill nothing but the month (every optional column left out) and one that fills all.
        const empty = await insertReports(tx, [{ projectId, period: '2023-04', ...NONE }], reporter.id, '导入 测试.xlsx', 'draft');
        const full = { projectId, period: '2023-05', completedInvestment: '1', fundsOutOfProvince: '2', fundsInProvince: '3', fundsForeign: '4', fundsCentralBudget: '5', fundsSpecialBonds: '6', fundsBankLoans: '7', fundsSelfRaised: '8', physicalProgress: '主体施工', progressPercent: '45.5', workersOnSite: 120, workersExpected: 150, narrative: '"引号"与\\反斜杠' };
        const all = await insertReports(tx, [full], reporter.id, '导入 测试.xlsx', 'draft');
        back = await stored(tx, [...ids, ...empty, ...all]);
        const asStored = (r: typeof full) => ({
          period: r.period,
          completed_investment: cents(r.completedInvestment),
          funds_out_of_province: cents(r.fundsOutOfProvince),
          funds_in_province: cents(r.fundsInProvince),
          funds_foreign: cents(r.fundsForeign),
          funds_central_budget: cents(r.fundsCentralBudget),
          funds_special_bonds: cents(r.fundsSpecialBonds),
          funds_bank_loans: cents(r.fundsBankLoans),
          funds_self_raised: cents(r.fundsSelfRaised),
          physical_progress: r.physicalProgress,
          progress_percent: r.progressPercent === null ? null : cents(r.progressPercent),
          workers_on_site: r.workersOnSite,
          workers_expected: r.workersExpected,
          narrative: r.narrative,
        });
        expected = [...rows, { projectId, period: '2023-04', ...NONE }, full].map((r) => asStored(r as typeof full));
        throw new RollBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RollBack)) throw e;
      });
    expect(back).toEqual(expected);
    expect(back).toHaveLength(5);
  });
});
