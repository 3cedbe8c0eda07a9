import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LIGHTS, PROJECT_GROUPINGS, PROJECT_KINDS, SIZE_BAND_CODES, STAGES, compareYuan, sumYuan } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let province: TestUser;
let qujing: TestUser;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  province = await t.user('530000', 'leader');
  qujing = await t.user('530300', 'leader');
});
afterAll(() => t.close());

const stats = (as: TestUser, body: object) => t.call(as, 'POST', '/api/v1/stats', body);
const MEASURES = ['count', 'totalInvestment', 'agreementAmount', 'plannedInvestment:2022', 'completedInvestment:2022-01..2022-06', 'fundsInPlace:..2021-12:outOfProvince', 'attr:capacityKw'];
const AMOUNTS = MEASURES.filter((m) => m !== 'count');

const date = fc.integer({ min: 0, max: 5 * 365 }).map((d) => new Date(Date.UTC(2018, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
const filterArb = fc.record(
  {
    region: fc.constantFrom('530000', '530300', '532500', '530700', '530302', '532501', '530100'),
    categories: fc.subarray(['industry', 'energy-industry', 'infrastructure', 'urban-renewal', 'culture-tourism'], { minLength: 1, maxLength: 2 }),
    stages: fc.subarray([...STAGES], { minLength: 1, maxLength: 4 }),
    kinds: fc.subarray([...PROJECT_KINDS], { minLength: 1, maxLength: 1 }),
    sizeBands: fc.subarray([...SIZE_BAND_CODES], { minLength: 1, maxLength: 2 }),
    managedBy: fc.constantFrom('prefecture', 'county'),
    startedFrom: date,
    startedTo: date,
    lights: fc.subarray([...LIGHTS], { minLength: 1, maxLength: 2 }),
    minTotalInvestment: fc.constantFrom('100000000', '500000000', '1000000000'),
  },
  { requiredKeys: [] },
);

describe('drill-down adds back up', () => {
  it('for any filter and grouping, each row’s projects give the row’s figures, and the rows give the total', async () => {
    await fc.assert(
      fc.asyncProperty(filterArb, fc.subarray([...PROJECT_GROUPINGS], { maxLength: 2 }), async (filter, groupBy) => {
        const body = { filter: { ...filter, asOf: '2023-01-10' }, measures: MEASURES, groupBy, drill: true };
        const res = await stats(province, body);
        expect(res.status).toBe(200);
        const { rows, total } = res.body;
        const allIds = rows.flatMap((r: { ids: number[] }) => r.ids);
        expect(new Set(allIds).size).toBe(allIds.length);
        expect(total.count).toBe(total.ids.length);
        if (groupBy.length) {
          expect([...allIds].sort((a, b) => a - b)).toEqual(total.ids);
          expect(rows.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(total.count);
          for (const m of AMOUNTS.filter((a) => a !== 'attr:capacityKw')) expect(compareYuan(sumYuan(rows.map((r: Record<string, string>) => r[m])), total[m])).toBe(0);
        }
        // Re-ask for each row's projects by id alone: the same figures come back.
        for (const row of rows.slice(0, 6)) {
          const again = await stats(province, { filter: { ids: row.ids }, measures: MEASURES });
          for (const m of MEASURES) expect(again.body.total[m], `${m} of ${JSON.stringify(row.labels)}`).toEqual(row.ids.length ? row[m] : m === 'count' ? 0 : '0');
        }
      }),
      { numRuns: 25 },
    );
  });

  it('lists exactly the drilled projects when the project list gets the same filter', async () => {
    const filter = { region: '532500', kinds: ['investment-attraction'], stages: ['construction'], startedTo: '2022-02-27' };
    const figure = await stats(province, { filter, measures: ['count'], drill: true });
    const list = await t.call(province, 'POST', '/api/v1/projects/search', { filter, pageSize: 500 });
    expect(list.body.total).toBe(229);
    expect(list.body.items.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b)).toEqual(figure.body.total.ids);
  });
});

describe('region scope', () => {
  it('gives a Qujing user asking for 530000 only Qujing’s figures, by Qujing’s counties', async () => {
    const measures = ['count', 'totalInvestment', 'fundsInPlace:..2022-12', 'plannedInvestment:2022'];
    const asked = await stats(qujing, { filter: { region: '530000' }, measures, groupBy: ['region'], drill: true });
    const truth = await stats(province, { filter: { region: '530300' }, measures, drill: true });
    const whole = await stats(province, { filter: { region: '530000' }, measures });
    expect(asked.body.total).toEqual(truth.body.total);
    expect(whole.body.total.count).toBeGreaterThan(truth.body.total.count);
    const regions = await t.call(qujing, 'GET', '/api/v1/regions?parent=530300');
    const qujingCodes = new Set(['530300', ...regions.body.items.map((r: { code: string }) => r.code)]);
    expect(asked.body.rows.every((r: { region: string }) => qujingCodes.has(r.region))).toBe(true);
    expect(asked.body.rows[0]).toMatchObject({ region: '530300', labels: { region: '曲靖市（市直）' } });
  });

  it('never lets another region’s records into a total', async () => {
    const honghe = await stats(qujing, { filter: { region: '532500' }, measures: ['count', 'totalInvestment'] });
    expect(honghe.body.total).toEqual({ count: 0, totalInvestment: '0' });
    const enterprises = await stats(qujing, { subject: 'enterprises', filter: { programmes: ['enterprise-visits'] }, measures: ['count'] });
    expect(enterprises.body.total.count).toBe(0);
    const groups = await stats(qujing, { subject: 'groups', filter: {}, measures: ['count'] });
    expect(groups.body.total.count).toBe(0);
  });
});

describe('warning lights', () => {
  it('agree between the engine (SQL) and the list (the core rule), and explain themselves in the detail', async () => {
    const filter = { region: '530300', asOf: '2023-01-10' };
    const byLight = await stats(qujing, { filter, measures: ['count'], groupBy: ['light'] });
    const counts = Object.fromEntries(byLight.body.rows.map((r: { light: string; count: number }) => [r.light, r.count]));
    expect(counts.red).toBeGreaterThan(0);
    expect(counts.yellow).toBeGreaterThan(0);
    const seen: Record<string, number> = {};
    const sample: { id: number; light: string; warningReasons: string[] }[] = [];
    for (let page = 1; ; page++) {
      const list = await t.call(qujing, 'POST', '/api/v1/projects/search', { filter, pageSize: 500, page, sort: 'code', order: 'asc' });
      for (const p of list.body.items) {
        seen[p.light] = (seen[p.light] ?? 0) + 1;
        if (p.id % 37 === 0) sample.push(p);
      }
      if (page * 500 >= list.body.total) break;
    }
    expect(seen).toEqual(counts);
    for (const p of sample) {
      const detail = await t.call(qujing, 'GET', `/api/v1/projects/${p.id}?asOf=2023-01-10`);
      expect(detail.body.warning.light).toBe(p.light);
      expect(detail.body.warning.reasons).toEqual(p.warningReasons);
      // Qujing's own thresholds apply (8 and 25 points), inherited by its counties.
      expect(detail.body.warning.investment.thresholds).toEqual({ yellow: '8', red: '25' });
    }
    const red = await t.call(qujing, 'GET', '/api/v1/projects?region=530300&lights=red&asOf=2023-01-10&pageSize=1');
    expect(red.body.total).toBe(counts.red);
  });
});
