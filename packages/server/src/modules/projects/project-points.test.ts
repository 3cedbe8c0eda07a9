import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let qilinReporter: TestUser;
let zhanyiReporter: TestUser;
let qujingLeader: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilinReporter = await t.user('530302', 'reporter');
  zhanyiReporter = await t.user('530303', 'reporter');
  qujingLeader = await t.user('530300', 'leader');
});
afterAll(() => t.close());

describe('GET /api/v1/projects/points', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/projects/points')).status).toBe(401);
  });

  it("never shows another county's projects, even when asked for that county", async () => {
    const theirs = await createProjectVia(t, zhanyiReporter, { regionCode: '530303', locationRegionCode: '530303' });
    const res = await t.call(qilinReporter, 'GET', '/api/v1/projects/points?region=530303');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: number }) => p.id)).not.toContain(theirs.id);
    expect(res.body.items).toEqual([]);
  });

  it('answers 400 naming the field for a bad filter', async () => {
    const res = await t.call(qujingLeader, 'GET', '/api/v1/projects/points?region=53&page=2');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['region', 'page']);
  });

  it('gives each filtered project with coordinates, and leaves out those without', async () => {
    const placed = await createProjectVia(t, qilinReporter, { longitude: '103.8041', latitude: '25.4962' });
    const unplaced = await createProjectVia(t, qilinReporter, { longitude: null, latitude: null });
    const res = await t.call(qujingLeader, 'GET', '/api/v1/projects/points?region=530302&stages=construction');
    expect(res.status).toBe(200);
    expect(res.body.truncated).toBe(false);
    const ids = res.body.items.map((p: { id: number }) => p.id);
    expect(ids).toContain(placed.id);
    expect(ids).not.toContain(unplaced.id);
    expect(res.body.items.find((p: { id: number }) => p.id === placed.id)).toEqual({
      id: placed.id,
      name: '曲靖麒麟区年产10万吨新能源电池材料项目',
      longitude: '103.804100',
      latitude: '25.496200',
      stage: 'construction',
      regionCode: '530302',
      light: 'green',
    });
    // Its 2022 plan with nothing reported by the end of 2022 is a red light.
    const late = await t.call(qujingLeader, 'GET', `/api/v1/projects/points?ids=${placed.id}&asOf=2022-12-31`);
    expect(late.body.items.map((p: { light: string }) => p.light)).toEqual(['red']);
  });
});
