import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let admin: TestUser;
let county: TestUser;
let reporter: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('530300', 'admin');
  county = await t.user('530302', ['admin', 'reporter']);
  reporter = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

describe('/api/v1/warning-thresholds', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/warning-thresholds')).status).toBe(401);
    expect((await t.call(null, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530300', yellow: 8, red: 25 })).status).toBe(401);
  });
  it('answers 404 to reading and 403 to setting another region’s thresholds, and 403 to a non-administrator', async () => {
    expect((await t.call(county, 'GET', '/api/v1/warning-thresholds?region=530300')).status).toBe(404);
    expect((await t.call(county, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530300', yellow: 8, red: 25 })).status).toBe(403);
    expect((await t.call(reporter, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530302', yellow: 8, red: 25 })).status).toBe(403);
  });
  it('answers 400 for thresholds out of order, out of range or too precise', async () => {
    expect((await t.call(admin, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530300', yellow: 30, red: 10 })).body.issues[0]).toMatchObject({ field: 'yellow', rule: 'thresholds.order' });
    expect((await t.call(admin, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530300', yellow: 10, red: 130 })).body.issues[0]).toMatchObject({ field: 'red', rule: 'tooBig' });
    expect((await t.call(admin, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530300', yellow: 10.001, red: 30 })).body.issues[0]).toMatchObject({ field: 'yellow', rule: 'thresholds.range' });
  });
  it('gives the default, then a prefecture’s own setting to the counties below it, and changes the lights', async () => {
    expect((await t.call(county, 'GET', '/api/v1/warning-thresholds')).body).toEqual({ regionCode: '530302', yellow: 10, red: 30, setBy: null });
    // Half the year gone and 45% of the plan done: 5 points behind, green by default.
    const p = await createProjectVia(t, reporter, { annualPlans: [{ year: 2022, amount: '100000000' }] });
    const report = await t.call(reporter, 'POST', `/api/v1/projects/${p.id}/reports`, { period: '2022-06', completedInvestment: '45000000' });
    await t.call(reporter, 'POST', `/api/v1/reports/${report.body.id}/submit`, {});
    const reviewer = await t.user('530300', 'reviewer');
    await t.call(reviewer, 'POST', `/api/v1/reports/${report.body.id}/approve`, {});
    const light = async () => (await t.call(admin, 'GET', `/api/v1/projects/${p.id}?asOf=2022-07-15`)).body.warning;
    expect((await light()).light).toBe('green');
    const set = await t.call(admin, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530300', yellow: 4, red: 25 });
    expect(set.body).toEqual({ regionCode: '530300', yellow: 4, red: 25, setBy: { regionCode: '530300', regionName: '曲靖市' } });
    expect((await t.call(county, 'GET', '/api/v1/warning-thresholds')).body.setBy).toEqual({ regionCode: '530300', regionName: '曲靖市' });
    expect(await light()).toMatchObject({ light: 'yellow', reasons: ['investment-yellow'], investment: { lagPoints: '5.00', thresholds: { yellow: '4', red: '25' } } });
    const own = await t.call(county, 'PUT', '/api/v1/warning-thresholds', { regionCode: '530302', yellow: 6, red: 30 });
    expect(own.body.setBy.regionCode).toBe('530302');
    expect((await light()).light).toBe('green');
  });
});
