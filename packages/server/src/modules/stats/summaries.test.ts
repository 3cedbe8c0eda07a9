import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { fenToYuan } from '@guatu/core';
import { sqlRows, textFen } from '../../test/sums.js';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

/**
 * project_year_figures is kept by a trigger on monthly_reports. Whatever happens to the reports
 * (inserted in any status, approved, reopened, edited, moved to another month, deleted, their
 * project deleted, several rows in one statement), every running total equals the sum of the
 * approved reports it stands for; and the engine's month ranges read from it equal plain sums.
 */
let t: TestContext;
let leader: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.user('530000', 'leader');
});
afterAll(() => t.close());

const COLUMNS = [
  'completed_investment',
  'funds_out_of_province',
  'funds_in_province',
  'funds_foreign',
  'funds_central_budget',
  'funds_special_bonds',
  'funds_bank_loans',
  'funds_self_raised',
] as const;
const PERIODS = ['2023-12', '2024-01', '2024-02', '2024-06', '2024-12', '2025-01', '2025-03'];
const STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
const PROJECTS = 3;

const rows = async (q: ReturnType<typeof sql>) => ({ rows: await sqlRows(t.database.db, q) });
const cents = textFen;
const yuan = fenToYuan;

/** Amounts up to `max` cents; near numeric(18,2)'s limit a year's running total exceeds it. */
const opOf = (max: bigint) => {
  const amount = fc.bigInt({ min: 0n, max }).map(yuan);
  const figures = fc.tuple(...COLUMNS.map(() => fc.oneof(fc.constant('0.00'), amount)));
  const project = fc.integer({ min: 0, max: PROJECTS - 1 });
  return fc.oneof(
    fc.record({ kind: fc.constant('upsert' as const), project, period, status: fc.constantFrom(...STATUSES), figures }),
    fc.record({ kind: fc.constant('status' as const), project, period, status: fc.constantFrom(...STATUSES) }),
    fc.record({ kind: fc.constant('edit' as const), project, period, figures }),
    fc.record({ kind: fc.constant('move' as const), project, period, to: period }),
    fc.record({ kind: fc.constant('delete' as const), project, period }),
    fc.record({ kind: fc.constant('approveAll' as const), project }),
    fc.record({ kind: fc.constant('deleteProject' as const), project }),
  );
};
const period = fc.constantFrom(...PERIODS);
const op = opOf(10n ** 12n);
const hugeOp = opOf(10n ** 18n - 1n);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function reset(): Promise<number[]> {
  await t.database.db.execute(sql`delete from projects`);
  const ids: number[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const { rows: r } = await rows(sql`insert into projects (code, name, kind, region_code, category_code, level, stage, total_investment)
      values (${`2024-530302-01-01-00000${i}`}, ${`汇总测试${i}`}, 'government', '530302', 'energy-industry', 'county', 'construction', 1000) returning id`);
    ids.push(Number(r[0]!.id));
  }
  return ids;
}

async function apply(ids: number[], o: Op) {
  const id = ids[o.project]!;
  const set = (f: string[]) => sql.join(COLUMNS.map((c, i) => sql`${sql.raw(c)} = ${f[i]}::numeric`), sql`, `);
  switch (o.kind) {
    case 'upsert':
      return t.database.db.execute(sql`insert into monthly_reports (project_id, period, status, ${sql.raw(COLUMNS.join(', '))})
        values (${id}, ${o.period}, ${o.status}, ${sql.join(o.figures.map((f) => sql`${f}::numeric`), sql`, `)})
        on conflict (project_id, period) do update set status = excluded.status, ${set(o.figures)}`);
    case 'status':
      return t.database.db.execute(sql`update monthly_reports set status = ${o.status} where project_id = ${id} and period = ${o.period}`);
    case 'edit':
      return t.database.db.execute(sql`update monthly_reports set ${set(o.figures)} where project_id = ${id} and period = ${o.period}`);
    case 'move':
      return t.database.db.execute(sql`update monthly_reports set period = ${o.to} where project_id = ${id} and period = ${o.period}
        and not exists (select 1 from monthly_reports m where m.project_id = ${id} and m.period = ${o.to})`);
    case 'delete':
      return t.database.db.execute(sql`delete from monthly_reports where project_id = ${id} and period = ${o.period}`);
    case 'approveAll':
      return t.database.db.execute(sql`update monthly_reports set status = 'approved' where project_id = ${id}`);
    case 'deleteProject':
      return t.database.db.execute(sql`delete from projects where id = ${id}`);
  }
}

/** A report for a project deleted earlier in the sequence is refused by its foreign key; that step is skipped. */
async function applyOrSkip(ids: number[], o: Op) {
  try {
    await apply(ids, o);
  } catch (e) {
    const code = (e as { code?: string; cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code;
    if (code !== '23503') throw e;
  }
}

/** Running totals recomputed in JavaScript from the raw reports, against the stored ones. */
async function expectSummariesMatch() {
  const { rows: reports } = await rows(sql`select project_id::text as p, period, ${sql.raw(COLUMNS.map((c) => `${c}::text as ${c}`).join(', '))}
    from monthly_reports where status = 'approved'`);
  const expected = new Map<string, bigint[][]>();
  for (const r of reports) {
    const key = `${r.p}:${r.period.slice(0, 4)}`;
    const totals = expected.get(key) ?? COLUMNS.map(() => Array<bigint>(12).fill(0n));
    const month = Number(r.period.slice(5, 7));
    COLUMNS.forEach((c, i) => {
      for (let m = month; m <= 12; m++) totals[i]![m - 1]! += cents(r[c]);
    });
    expected.set(key, totals);
  }
  const { rows: stored } = await rows(sql`select project_id::text as p, year, figure, totals::text[] as totals from project_year_figures`);
  const actual = new Map<string, bigint[][]>();
  for (const r of stored) {
    const key = `${r.p}:${r.year}`;
    const totals = actual.get(key) ?? COLUMNS.map(() => Array<bigint>(12).fill(0n));
    totals[COLUMNS.indexOf(r.figure)] = (r.totals as string[]).map(cents);
    actual.set(key, totals);
  }
  const zero = COLUMNS.map(() => Array<bigint>(12).fill(0n));
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    expect(actual.get(key) ?? zero, key).toEqual(expected.get(key) ?? zero);
  }
}

describe('project-year running totals', () => {
  it('equal the sums of the approved reports after any sequence of changes', async () => {
    await fc.assert(
      // Any amount a report may hold, up to numeric(18,2)'s limit: the running totals do not overflow.
      fc.asyncProperty(fc.array(hugeOp, { minLength: 1, maxLength: 25 }), async (ops) => {
        const ids = await reset();
        for (const o of ops) await applyOrSkip(ids, o);
        await expectSummariesMatch();
        // Rebuilding from scratch (what a bulk load does) gives the same rows.
        await t.database.db.execute(sql`select rebuild_project_year_figures()`);
        await expectSummariesMatch();
      }),
      { numRuns: 40 },
    );
  });

  it('give the engine the same month-range sums as the reports themselves', async () => {
    const range = fc.tuple(fc.option(period, { nil: null }), period).map(([a, b]) => (a && a > b ? [b, a] : [a, b]) as [string | null, string]);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 20 }), range, async (ops, [from, to]) => {
        const ids = await reset();
        for (const o of ops) await applyOrSkip(ids, o);
        const span = `${from ?? ''}..${to}`;
        const measures = [`completedInvestment:${span}`, `fundsInPlace:${span}`, `fundsInPlace:${span}:bankLoans`, `yoy:completedInvestment:${span}`];
        const res = await t.call(leader, 'POST', '/api/v1/stats', { filter: { region: '530000' }, measures });
        expect(res.status).toBe(200);
        const { rows: raw } = await rows(sql`select coalesce(sum(completed_investment), 0)::text as c,
            coalesce(sum(${sql.raw(COLUMNS.slice(1).join(' + '))}), 0)::text as f, coalesce(sum(funds_bank_loans), 0)::text as b
          from monthly_reports where status = 'approved' and period <= ${to} ${from ? sql`and period >= ${from}` : sql``}`);
        expect(cents(res.body.total[measures[0]!])).toBe(cents(raw[0]!.c));
        expect(cents(res.body.total[measures[1]!])).toBe(cents(raw[0]!.f));
        expect(cents(res.body.total[measures[2]!])).toBe(cents(raw[0]!.b));
      }),
      { numRuns: 30 },
    );
  });
});
