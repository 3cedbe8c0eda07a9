import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { fenToYuan } from '@guatu/core';
import { sqlRows, textFen } from '../../test/sums.js';
import { startTestApp, type TestContext } from '../../test/harness.js';

/**
 * region_stage_totals and region_stage_year_figures are kept by triggers on projects,
 * project_year_figures and project_annual_plans. Whatever happens (projects created, moved to
 * another region or stage, re-valued, deleted; reports approved, reopened, edited, deleted; plans
 * set and removed), they equal the projects, approved reports and plans they stand for, recomputed
 * here from the raw rows; and the engine answers the same from them as from the projects.
 */
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const REGIONS = ['530302', '530303', '530300', '530102'];
const FEW_STAGES = ['construction', 'preparation', 'completed'] as const;
const PERIODS = ['2023-12', '2024-01', '2024-03', '2024-12', '2025-02'];
const FIGURES = ['completed_investment', 'funds_out_of_province', 'funds_bank_loans'] as const;
const PROJECTS = 4;

const rows = async (q: ReturnType<typeof sql>) => ({ rows: await sqlRows(t.database.db, q) });
const cents = textFen;
const yuan = fc.bigInt({ min: 0n, max: 10n ** 13n }).map(fenToYuan);

const project = fc.integer({ min: 0, max: PROJECTS - 1 });
const region = fc.constantFrom(...REGIONS);
const stage = fc.constantFrom(...FEW_STAGES);
const op = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), project, region, stage }),
  fc.record({ kind: fc.constant('revalue' as const), project, total: yuan, agreement: fc.option(yuan, { nil: null }) }),
  fc.record({ kind: fc.constant('report' as const), project, period: fc.constantFrom(...PERIODS), approved: fc.boolean(), figures: fc.tuple(yuan, yuan, yuan) }),
  fc.record({ kind: fc.constant('reopen' as const), project, period: fc.constantFrom(...PERIODS) }),
  fc.record({ kind: fc.constant('deleteReport' as const), project, period: fc.constantFrom(...PERIODS) }),
  fc.record({ kind: fc.constant('plan' as const), project, year: fc.constantFrom(2024, 2025), amount: yuan }),
  fc.record({ kind: fc.constant('deletePlan' as const), project, year: fc.constantFrom(2024, 2025) }),
  fc.record({ kind: fc.constant('deleteProject' as const), project }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function reset(): Promise<number[]> {
  await t.database.db.execute(sql`delete from projects`);
  const ids: number[] = [];
  for (let i = 0; i < PROJECTS; i++) {
    const { rows: r } = await rows(sql`insert into projects (code, name, kind, region_code, category_code, level, stage, total_investment)
      values (${`2024-530302-01-02-00000${i}`}, ${`区域汇总测试${i}`}, 'government', ${REGIONS[i % REGIONS.length]}, 'energy-industry', 'county', 'construction', 1000) returning id`);
    ids.push(Number(r[0]!.id));
  }
  return ids;
}

function apply(ids: number[], o: Op) {
  const id = ids[o.project]!;
  const db = t.database.db;
  switch (o.kind) {
    case 'move':
      return db.execute(sql`update projects set region_code = ${o.region}, stage = ${o.stage} where id = ${id}`);
    case 'revalue':
      return db.execute(sql`update projects set total_investment = ${o.total}::numeric, agreement_amount = ${o.agreement}::numeric where id = ${id}`);
    case 'report': {
      const status = o.approved ? 'approved' : 'submitted';
      return db.execute(sql`insert into monthly_reports (project_id, period, status, ${sql.raw(FIGURES.join(', '))})
        select ${id}, ${o.period}, ${status}, ${o.figures[0]}::numeric, ${o.figures[1]}::numeric, ${o.figures[2]}::numeric where exists (select 1 from projects where id = ${id})
        on conflict (project_id, period) do update set status = excluded.status,
          ${sql.join(FIGURES.map((f) => sql`${sql.raw(f)} = excluded.${sql.raw(f)}`), sql`, `)}`);
    }
    case 'reopen':
      return db.execute(sql`update monthly_reports set status = 'returned' where project_id = ${id} and period = ${o.period}`);
    case 'deleteReport':
      return db.execute(sql`delete from monthly_reports where project_id = ${id} and period = ${o.period}`);
    case 'plan':
      return db.execute(sql`insert into project_annual_plans (project_id, year, amount) select ${id}, ${o.year}, ${o.amount}::numeric
        where exists (select 1 from projects where id = ${id}) on conflict (project_id, year) do update set amount = excluded.amount`);
    case 'deletePlan':
      return db.execute(sql`delete from project_annual_plans where project_id = ${id} and year = ${o.year}`);
    case 'deleteProject':
      return db.execute(sql`delete from projects where id = ${id}`);
  }
}

/** Both tables recomputed in JavaScript from projects, approved reports and plans, against the stored ones. */
async function expectTotalsMatch() {
  const add = (m: Map<string, bigint[]>, key: string, values: bigint[]) => {
    const sum = m.get(key) ?? values.map(() => 0n);
    m.set(key, sum.map((s, i) => s + values[i]!));
  };
  const expected = new Map<string, bigint[]>();
  const { rows: projects } = await rows(sql`select id::text as id, region_code, stage, total_investment::text as t, coalesce(agreement_amount, 0)::text as a from projects`);
  const where = new Map(projects.map((p) => [p.id, `${p.region_code}:${p.stage}`]));
  for (const p of projects) add(expected, `${p.region_code}:${p.stage}`, [1n, cents(p.t), cents(p.a)]);
  const { rows: reports } = await rows(sql`select project_id::text as p, period, ${sql.raw(FIGURES.map((f) => `${f}::text as ${f}`).join(', '))}
    from monthly_reports where status = 'approved'`);
  for (const r of reports) {
    const month = Number(r.period.slice(5, 7));
    for (const f of FIGURES) add(expected, `${where.get(r.p)}:${f}:${r.period.slice(0, 4)}`, Array.from({ length: 12 }, (_, i) => (i + 1 >= month ? cents(r[f]) : 0n)));
  }
  const { rows: plans } = await rows(sql`select project_id::text as p, year, amount::text as amount from project_annual_plans`);
  for (const pl of plans) add(expected, `${where.get(pl.p)}:planned_investment:${pl.year}`, Array<bigint>(12).fill(cents(pl.amount)));

  const actual = new Map<string, bigint[]>();
  const { rows: totals } = await rows(sql`select region_code, stage, projects, total_investment::text as t, agreement_amount::text as a from region_stage_totals`);
  for (const r of totals) actual.set(`${r.region_code}:${r.stage}`, [BigInt(r.projects), cents(r.t), cents(r.a)]);
  const { rows: figures } = await rows(sql`select region_code, stage, figure, year, totals::text[] as totals from region_stage_year_figures`);
  for (const r of figures) actual.set(`${r.region_code}:${r.stage}:${r.figure}:${r.year}`, (r.totals as string[]).map(cents));

  const isZero = (v: bigint[] | undefined) => !v || v.every((x) => x === 0n);
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    if (isZero(expected.get(key)) && isZero(actual.get(key))) continue;
    expect(actual.get(key), key).toEqual(expected.get(key));
  }
}

describe('region-and-stage totals', () => {
  it('equal the projects, approved reports and plans after any sequence of changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const ids = await reset();
        for (const o of ops) await apply(ids, o);
        await expectTotalsMatch();
        // Rebuilding from scratch (what a bulk load does) gives the same rows.
        await t.database.db.execute(sql`select rebuild_region_stage_totals()`);
        await expectTotalsMatch();
      }),
      { numRuns: 40 },
    );
  });
});
