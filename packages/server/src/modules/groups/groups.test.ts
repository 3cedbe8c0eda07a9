import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let admin: TestUser;
let qujing: TestUser;
let leader: TestUser;
const group = (overrides: object = {}) => ({
  name: '第一包保组',
  regionCode: '532500',
  leader: { name: '李建华', title: '州委常委、常务副州长' },
  members: [{ name: '王丽萍', title: '副主任', unit: '州发展改革委' }],
  coveredRegions: ['532503', '532571', '532572'],
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('532500', ['admin', 'reporter']);
  qujing = await t.user('530300', 'admin');
  leader = await t.user('532500', 'leader');
});
afterAll(() => t.close());

describe('POST /api/v1/accountability-groups', () => {
  it('answers 401 without a session and 403 for another region or a read-only role', async () => {
    expect((await t.call(null, 'POST', '/api/v1/accountability-groups', group())).status).toBe(401);
    expect((await t.call(qujing, 'POST', '/api/v1/accountability-groups', group())).status).toBe(403);
    expect((await t.call(leader, 'POST', '/api/v1/accountability-groups', group())).status).toBe(403);
  });
  it('answers 400 for covered regions outside the group’s region or above county level', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/accountability-groups', group({ coveredRegions: ['532503', '530302', '532500'] }));
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string; rule: string }) => [i.field, i.rule])).toEqual([
      ['coveredRegions.1', 'group.regionLevel'],
      ['coveredRegions.2', 'group.regionLevel'],
    ]);
    expect((await t.call(admin, 'POST', '/api/v1/accountability-groups', group({ coveredRegions: [] }))).body.issues[0]).toMatchObject({ field: 'coveredRegions', rule: 'tooFewItems' });
  });
  it('sets up a group whose projects are a statistics filter, and counts groups', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/accountability-groups', group());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '第一包保组', leader: { name: '李建华' }, coveredRegions: [{ code: '532503', name: '蒙自市' }, { code: '532571' }, { code: '532572' }] });
    const inside = await createProjectVia(t, admin, { regionCode: '532503', locationRegionCode: '532503' });
    await createProjectVia(t, admin, { regionCode: '532501', locationRegionCode: '532501' });
    const stats = await t.call(leader, 'POST', '/api/v1/stats', { filter: { group: res.body.id }, measures: ['count'], drill: true });
    expect(stats.body.total).toEqual({ count: 1, ids: [inside.id] });
    const groups = await t.call(leader, 'POST', '/api/v1/stats', { subject: 'groups', filter: { region: '532500' }, measures: ['count', 'coveredRegions'] });
    expect(groups.body.total).toEqual({ count: 1, coveredRegions: 3 });
  });
});

describe('GET and PATCH /api/v1/accountability-groups/:id', () => {
  it('answers 401, 404 outside the region, 400 to bad input, 409 to a stale version, and updates', async () => {
    const created = await t.call(admin, 'POST', '/api/v1/accountability-groups', group({ name: '第二包保组', coveredRegions: ['532501', '532502'] }));
    const url = `/api/v1/accountability-groups/${created.body.id}`;
    expect((await t.call(null, 'GET', url)).status).toBe(401);
    expect((await t.call(qujing, 'GET', url)).status).toBe(404);
    expect((await t.call(qujing, 'PATCH', url, { version: 1, name: '改名组' })).status).toBe(404);
    expect((await t.call(admin, 'PATCH', url, { version: 1, leader: { name: '' } })).status).toBe(400);
    const ok = await t.call(admin, 'PATCH', url, { version: 1, coveredRegions: ['532501', '532502', '532504'] });
    expect(ok.body).toMatchObject({ version: 2, coveredRegions: [{ code: '532501' }, { code: '532502' }, { code: '532504' }] });
    expect((await t.call(admin, 'PATCH', url, { version: 1, name: '第三包保组' })).status).toBe(409);
    expect((await t.call(leader, 'GET', url)).body.abilities).toEqual({ update: false });
    const list = await t.call(leader, 'GET', '/api/v1/accountability-groups?region=532500');
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expect((await t.call(qujing, 'GET', '/api/v1/accountability-groups')).body.total).toBe(0);
  });
});
