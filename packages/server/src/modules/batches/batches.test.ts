import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let reviewer: TestUser;
let zhanyiReviewer: TestUser;
let reporter: TestUser;
let honghe: TestUser;
let a: number;
let b: number;
let other: number;
const batch = (projectIds: number[], overrides: object = {}) => ({ name: '曲靖市2022年第一季度重大项目集中开工', regionCode: '530300', heldOn: '2022-02-10', place: '曲靖经开区', projectIds, ...overrides });

beforeAll(async () => {
  t = await startTestApp();
  reviewer = await t.user('530300', 'reviewer');
  zhanyiReviewer = await t.user('530303', 'reviewer');
  reporter = await t.user('530302', 'reporter');
  honghe = await t.user('532500', ['reviewer', 'reporter']);
  a = (await createProjectVia(t, reporter)).id;
  b = (await createProjectVia(t, reporter, { totalInvestment: '300000000', annualPlans: [] })).id;
  other = (await createProjectVia(t, honghe, { regionCode: '532503', locationRegionCode: '532503' })).id;
});
afterAll(() => t.close());

describe('POST /api/v1/batches', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/batches', batch([a]))).status).toBe(401);
  });
  it('answers 403 for a region outside the user’s and for a role that may not set batches up', async () => {
    const res = await t.call(reviewer, 'POST', '/api/v1/batches', batch([], { regionCode: '532500' }));
    expect(res.status).toBe(403);
    expect(res.body.issues[0]).toMatchObject({ field: 'regionCode', rule: 'region.outOfScope' });
    expect((await t.call(reporter, 'POST', '/api/v1/batches', batch([a], { regionCode: '530302' }))).status).toBe(403);
  });
  it('answers 400 naming the field, and for projects it cannot see or that lie outside the region', async () => {
    const bad = await t.call(reviewer, 'POST', '/api/v1/batches', batch([a], { heldOn: '2022-02-30' }));
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ field: 'heldOn', rule: 'date' });
    const unseen = await t.call(reviewer, 'POST', '/api/v1/batches', batch([a, other]));
    expect(unseen.body.issues[0]).toMatchObject({ field: 'projectIds', rule: 'project.unknown' });
    expect(unseen.body.message).toContain(String(other));
    const outside = await t.call(zhanyiReviewer, 'POST', '/api/v1/batches', batch([], { regionCode: '530303' }));
    expect(outside.status).toBe(201);
    const qujingProjectInZhanyi = await t.call(reviewer, 'PATCH', `/api/v1/batches/${outside.body.id}`, { version: 1, projectIds: [a] });
    expect(qujingProjectInZhanyi.body.issues[0]).toMatchObject({ field: 'projectIds', rule: 'project.outsideRegion' });
  });
  it('records a batch whose projects are a statistics filter', async () => {
    const res = await t.call(reviewer, 'POST', '/api/v1/batches', batch([a, b]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '曲靖市2022年第一季度重大项目集中开工', regionName: '曲靖市', heldOn: '2022-02-10', projectCount: 2, projectIds: [a, b].sort((x, y) => x - y), version: 1 });
    const stats = await t.call(reviewer, 'POST', '/api/v1/stats', { filter: { batch: res.body.id }, measures: ['count', 'totalInvestment'] });
    expect(stats.body.total).toEqual({ count: 2, totalInvestment: '1500000000' });
  });
});

describe('GET /api/v1/batches and /api/v1/batches/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/batches')).status).toBe(401);
    expect((await t.call(null, 'GET', '/api/v1/batches/1')).status).toBe(401);
  });
  it('answers 404 to a batch outside the user’s region and 400 to a bad query', async () => {
    const hh = await t.call(honghe, 'POST', '/api/v1/batches', batch([other], { regionCode: '532500', name: '红河州2022年第一季度重大项目集中开工' }));
    expect((await t.call(reviewer, 'GET', `/api/v1/batches/${hh.body.id}`)).status).toBe(404);
    expect((await t.call(reviewer, 'GET', '/api/v1/batches?year=22')).status).toBe(400);
  });
  it('lists the region’s batches by year and name', async () => {
    const res = await t.call(reviewer, 'GET', `/api/v1/batches?year=2022&q=${encodeURIComponent('第一季度')}`);
    expect(res.status).toBe(200);
    expect(res.body.items.every((x: { regionCode: string }) => x.regionCode.startsWith('5303'))).toBe(true);
    expect(res.body.total).toBeGreaterThan(0);
  });
});

describe('PATCH /api/v1/batches/:id', () => {
  it('answers 401 without a session, 404 outside the region, 400 to bad input and 409 to a stale version', async () => {
    const created = await t.call(reviewer, 'POST', '/api/v1/batches', batch([a]));
    const url = `/api/v1/batches/${created.body.id}`;
    expect((await t.call(null, 'PATCH', url, { version: 1, place: '麒麟区' })).status).toBe(401);
    expect((await t.call(honghe, 'PATCH', url, { version: 1, place: '蒙自' })).status).toBe(404);
    expect((await t.call(reviewer, 'PATCH', url, { version: 1, colour: 'red' })).status).toBe(400);
    const ok = await t.call(reviewer, 'PATCH', url, { version: 1, place: '麒麟区', projectIds: [a, b] });
    expect(ok.body).toMatchObject({ version: 2, place: '麒麟区', projectCount: 2 });
    expect((await t.call(reviewer, 'PATCH', url, { version: 1, place: '沾益区' })).status).toBe(409);
  });
});
