import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let qilin: TestUser;
let zhanyi: TestUser;
let qujing: TestUser;
let qujingReviewer: TestUser;
let province: TestUser;
const ids = {} as { battery: number; solar: number; road: number; late: number; city: number };

async function approvedReport(reporter: TestUser, projectId: number, period: string, body: object) {
  const created = await t.call(reporter, 'POST', `/api/v1/projects/${projectId}/reports`, { period, ...body });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  await t.call(reporter, 'POST', `/api/v1/reports/${created.body.id}/submit`, {});
  const approved = await t.call(qujingReviewer, 'POST', `/api/v1/reports/${created.body.id}/approve`, {});
  if (approved.status !== 200) throw new Error(JSON.stringify(approved.body));
}

const stats = (as: TestUser | null, body: unknown, headers?: Record<string, string>) => t.call(as, 'POST', '/api/v1/stats', body, headers);

beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
  zhanyi = await t.user('530303', 'reporter');
  qujing = await t.user('530300', ['reporter', 'leader']);
  qujingReviewer = await t.user('530300', 'reviewer');
  province = await t.user('530000', 'leader');
  const plan = (amount: string) => [{ year: 2022, amount }];
  ids.battery = (await createProjectVia(t, qilin, { categoryCode: 'other-industry', totalInvestment: '1200000000', startedOn: '2022-02-15', annualPlans: plan('400000000') })).id;
  ids.solar = (await createProjectVia(t, qilin, { categoryCode: 'energy-industry', totalInvestment: '600000000.50', startedOn: '2022-03-31', annualPlans: plan('300000000'), attributes: { capacityKw: '150000' } })).id;
  ids.road = (await createProjectVia(t, zhanyi, { regionCode: '530303', categoryCode: 'transport', kind: 'government', totalInvestment: '300000000', startedOn: '2022-01-10', annualPlans: plan('100000000'), agreementAmount: null })).id;
  ids.late = (await createProjectVia(t, zhanyi, { regionCode: '530303', categoryCode: 'other-industry', totalInvestment: '80000000', startedOn: '2022-04-01', annualPlans: plan('20000000') })).id;
  ids.city = (await createProjectVia(t, qujing, { regionCode: '530300', locationRegionCode: '530302', categoryCode: 'energy-industry', totalInvestment: '2000000000', startedOn: '2022-03-01', annualPlans: plan('500000000'), attributes: { capacityKw: '300000.5' } })).id;
  await approvedReport(qilin, ids.battery, '2021-01', { completedInvestment: '1000000', funds: { outOfProvince: '4000000', bankLoans: '1000000' } });
  await approvedReport(qilin, ids.battery, '2022-01', { completedInvestment: '2000000', funds: { outOfProvince: '5000000' } });
  await approvedReport(zhanyi, ids.road, '2022-01', { completedInvestment: '3000000', funds: { outOfProvince: '1000000', specialBonds: '2000000' } });
  // A report still waiting for review does not count.
  const draft = await t.call(qilin, 'POST', `/api/v1/projects/${ids.solar}/reports`, { period: '2022-01', completedInvestment: '9000000', funds: { outOfProvince: '9000000' } });
  await t.call(qilin, 'POST', `/api/v1/reports/${draft.body.id}/submit`, {});
});
afterAll(() => t.close());

describe('POST /api/v1/stats', () => {
  it('answers 401 without a session', async () => {
    expect((await stats(null, { measures: ['count'] })).status).toBe(401);
  });

  it('answers 400 listing the valid filters, measures and groupings', async () => {
    const res = await stats(qujing, { filter: { regoin: '530300', enterpriseKinds: ['target'] }, measures: ['count', 'sum:total'], groupBy: ['colour'] }, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(res.body.issues.map((i: { field: string; rule: string; message: string }) => [i.field, i]));
    expect(byField['filter.regoin']).toMatchObject({ rule: 'stats.unknownFilter' });
    expect(byField['filter.regoin'].message).toContain('valid ones: region, regions, managedBy, categories');
    expect(byField['filter.enterpriseKinds']).toMatchObject({ rule: 'stats.unknownFilter' });
    expect(byField['measures.1']).toMatchObject({ rule: 'stats.unknownMeasure' });
    expect(byField['measures.1'].message).toContain('plannedInvestment:YYYY');
    expect(byField['groupBy.0']).toMatchObject({ rule: 'stats.unknownGroup' });
    expect(byField['groupBy.0'].message).toContain('valid ones: region, category, stage');
  });

  it('answers 400 in Chinese for an unknown measure, a reversed range and a region that does not exist', async () => {
    const res = await stats(qujing, { measures: ['completedInvestment:2022-03..2022-01'] });
    expect(res.body.issues[0]).toMatchObject({ field: 'measures.0', rule: 'stats.rangeOrder' });
    const region = await stats(qujing, { filter: { region: '539999' }, measures: ['count'] });
    expect(region.status).toBe(400);
    expect(region.body.issues[0]).toMatchObject({ field: 'filter.region', rule: 'region.unknown' });
    const zh = await stats(qujing, { subject: 'groups', measures: ['totalInvestment'], groupBy: ['stage'] });
    expect(zh.body.message).toContain('统计指标（measures.0）：未知的统计指标 totalInvestment，可用：count、coveredRegions');
    expect(zh.body.issues[1]).toMatchObject({ field: 'groupBy.0', rule: 'stats.unknownGroup' });
  });

  it('never answers 5xx to malformed input', async () => {
    for (const body of [
      {},
      { measures: 'count' },
      { measures: [1] },
      { measures: ['count'], filter: [] },
      { measures: ['count'], filter: { ids: 'x' } },
      { measures: ['count'], groupBy: [null] },
      { measures: ['count'], filter: { q: 'a\u0000b' } },
      { measures: ['yoy:count'], filter: { asOf: '0001-01-01', startedFrom: '0001-01-01' } },
      { measures: ['count'], filter: { batch: 1e300, ids: [-1] } },
      'nonsense',
    ]) {
      const res = await stats(qujing, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
  });

  it('counts, sums and groups Qujing’s Q1 starts by category, exactly', async () => {
    const res = await stats(qujing, {
      filter: { region: '530300', startedFrom: '2022-01-01', startedTo: '2022-03-31', categories: ['industry'] },
      measures: ['count', 'totalInvestment', 'plannedInvestment:2022', 'attr:capacityKw'],
      groupBy: ['category'],
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toEqual({ count: 3, totalInvestment: '3800000000.50', 'plannedInvestment:2022': '1200000000', 'attr:capacityKw': '450000.5' });
    expect(res.body.rows).toEqual([
      { category: 'energy-industry', labels: { category: '能源工业' }, count: 2, totalInvestment: '2600000000.50', 'plannedInvestment:2022': '800000000', 'attr:capacityKw': '450000.5' },
      { category: 'other-industry', labels: { category: '能源以外工业' }, count: 1, totalInvestment: '1200000000', 'plannedInvestment:2022': '400000000', 'attr:capacityKw': '0' },
    ]);
  });

  it('groups by the next region level, with the prefecture’s 市直 projects as a row of their own, and drills to the projects', async () => {
    const res = await stats(qujing, { filter: { region: '530300' }, measures: ['count', 'totalInvestment'], groupBy: ['region'], drill: true });
    expect(res.body.rows.map((r: { region: string; labels: { region: string }; count: number; ids: number[] }) => [r.region, r.labels.region, r.count, r.ids])).toEqual([
      ['530300', '曲靖市（市直）', 1, [ids.city]],
      ['530302', '麒麟区', 2, [ids.battery, ids.solar].sort((a, b) => a - b)],
      ['530303', '沾益区', 2, [ids.road, ids.late].sort((a, b) => a - b)],
    ]);
    expect(res.body.total.ids).toHaveLength(5);
    const province = await stats(qujing, { filter: { region: '530000' }, measures: ['count'], groupBy: ['region'] });
    expect(province.body.rows.map((r: { region: string }) => r.region)).toEqual(['530300', '530302', '530303']);
  });

  it('counts only approved reports, by fund source, with year-on-year growth', async () => {
    const res = await stats(qujing, {
      filter: { region: '530300' },
      measures: ['fundsInPlace:2022-01..2022-01:outOfProvince', 'yoy:fundsInPlace:2022-01..2022-01:outOfProvince', 'lastYear:fundsInPlace:2022-01..2022-01:outOfProvince', 'fundsInPlace:..2022-01', 'completedInvestment:2022-01..2022-12'],
    });
    expect(res.body.total).toEqual({
      'fundsInPlace:2022-01..2022-01:outOfProvince': '6000000',
      'yoy:fundsInPlace:2022-01..2022-01:outOfProvince': '50.00',
      'lastYear:fundsInPlace:2022-01..2022-01:outOfProvince': '4000000',
      'fundsInPlace:..2022-01': '13000000',
      'completedInvestment:2022-01..2022-12': '5000000',
    });
  });

  it('gives null growth when last year is zero, and shifts the filter’s dates for yoy of a count', async () => {
    const res = await stats(qujing, { filter: { startedFrom: '2022-01-01', startedTo: '2022-12-31' }, measures: ['count', 'yoy:count', 'yoy:totalInvestment'] });
    expect(res.body.total).toEqual({ count: 5, 'yoy:count': null, 'yoy:totalInvestment': null });
  });

  it('keeps every figure inside the user’s region: a county asking for the province sees its own county', async () => {
    const res = await stats(qilin, { filter: { region: '530000' }, measures: ['count', 'totalInvestment', 'fundsInPlace:..2022-12'], groupBy: ['region'], drill: true });
    expect(res.body.total).toMatchObject({ count: 2, totalInvestment: '1800000000.50', 'fundsInPlace:..2022-12': '10000000' });
    expect(res.body.rows).toEqual([expect.objectContaining({ region: '530302', count: 2 })]);
    const other = await stats(qilin, { filter: { region: '530303' }, measures: ['count'] });
    expect(other.body.total).toEqual({ count: 0 });
  });

  it('filters by size band, 市直, kind and ids, and groups by size band and start quarter', async () => {
    const big = await stats(province, { filter: { sizeBands: ['500m-1b', '1b-plus'], managedBy: 'county' }, measures: ['count'], groupBy: ['sizeBand'] });
    expect(big.body.rows.map((r: { sizeBand: string; count: number }) => [r.sizeBand, r.count])).toEqual([
      ['500m-1b', 1],
      ['1b-plus', 1],
    ]);
    const city = await stats(province, { filter: { managedBy: 'prefecture', kinds: ['investment-attraction'] }, measures: ['count'], drill: true });
    expect(city.body.total).toEqual({ count: 1, ids: [ids.city] });
    const quarters = await stats(province, { filter: { ids: [ids.road, ids.late] }, measures: ['count'], groupBy: ['startQuarter', 'kind'] });
    expect(quarters.body.rows.map((r: { startQuarter: string; kind: string; labels: { startQuarter: string } }) => [r.startQuarter, r.kind, r.labels.startQuarter])).toEqual([
      ['2022-Q1', 'government', '2022年第1季度'],
      ['2022-Q2', 'investment-attraction', '2022年第2季度'],
    ]);
  });

  it('agrees with the project list given the same filter', async () => {
    const filter = { region: '530300', categories: ['industry'], minTotalInvestment: '500000000' };
    const figure = await stats(qujing, { filter, measures: ['count'], drill: true });
    const list = await t.call(qujing, 'POST', '/api/v1/projects/search', { filter, pageSize: 500 });
    expect(list.body.total).toBe(figure.body.total.count);
    expect(list.body.items.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b)).toEqual(figure.body.total.ids);
    const query = await t.call(qujing, 'GET', '/api/v1/projects?region=530300&categories=industry&minTotalInvestment=500000000');
    expect(query.body.total).toBe(figure.body.total.count);
  });
});

describe('GET /api/v1/stats/vocabulary', () => {
  it('answers 401 without a session and lists each subject’s words', async () => {
    expect((await t.call(null, 'GET', '/api/v1/stats/vocabulary')).status).toBe(401);
    expect((await t.call(qujing, 'GET', '/api/v1/stats/vocabulary?x=1')).status).toBe(400);
    const res = await t.call(qujing, 'GET', '/api/v1/stats/vocabulary');
    expect(res.body.groupings.projects).toContain('light');
    expect(res.body.filters.enterprises).toContain('programmes');
  });
});
