import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaPeriod, reportDeadline, shiftPeriod } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let qilinReporter: TestUser;
let zhanyiReporter: TestUser;
let qujingReviewer: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilinReporter = await t.user('530302', 'reporter');
  zhanyiReporter = await t.user('530303', 'reporter');
  qujingReviewer = await t.user('530300', 'reviewer');
});
afterAll(() => t.close());

describe('GET /api/v1/reports/worklist', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/reports/worklist')).status).toBe(401);
  });

  it("never lists another county's projects, even when asked for that county", async () => {
    const theirs = await createProjectVia(t, zhanyiReporter, { regionCode: '530303' });
    const res = await t.call(qilinReporter, 'GET', '/api/v1/reports/worklist?region=530303');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { projectId: number }) => i.projectId)).not.toContain(theirs.id);
    expect(res.body.total).toBe(0);
  });

  it('answers 400 naming the field for a malformed month', async () => {
    const res = await t.call(qilinReporter, 'GET', '/api/v1/reports/worklist?period=2022-13');
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'period', rule: 'period.format' });
  });

  it("lists the month's active projects with their report status, deadline and lateness", async () => {
    const building = await createProjectVia(t, qilinReporter, { stage: 'construction' });
    const preparing = await createProjectVia(t, qilinReporter, { stage: 'preparation', startedOn: null });
    const negotiating = await createProjectVia(t, qilinReporter, { stage: 'negotiating', startedOn: null, signedOn: null, agreementAmount: null });
    const lastMonth = shiftPeriod(chinaPeriod(), -1);
    const draft = await t.call(qilinReporter, 'POST', `/api/v1/projects/${building.id}/reports`, { period: lastMonth, completedInvestment: '1500000' });
    expect(draft.status).toBe(201);

    const res = await t.call(qujingReviewer, 'GET', `/api/v1/reports/worklist?period=${lastMonth}&region=530302`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ period: lastMonth, deadline: reportDeadline(lastMonth, 5), total: 2 });
    const byId = new Map(res.body.items.map((i: { projectId: number }) => [i.projectId, i]));
    expect(byId.has(negotiating.id)).toBe(false);
    expect(byId.get(building.id)).toMatchObject({ stage: 'construction', report: { id: draft.body.id, status: 'draft', completedInvestment: '1500000' } });
    expect(byId.get(preparing.id)).toMatchObject({ stage: 'preparation', report: null });

    // Past the deadline, a month without a submitted report is late; a submitted one is not.
    const old = '2021-01';
    await t.call(qilinReporter, 'POST', `/api/v1/projects/${preparing.id}/reports`, { period: old }).then(async (r) => {
      await t.call(qilinReporter, 'POST', `/api/v1/reports/${r.body.id}/submit`, {});
    });
    const past = await t.call(qilinReporter, 'GET', `/api/v1/reports/worklist?period=${old}`);
    const pastById = new Map(past.body.items.map((i: { projectId: number }) => [i.projectId, i]));
    expect(pastById.get(building.id)).toMatchObject({ report: null, late: true });
    expect(pastById.get(preparing.id)).toMatchObject({ report: { status: 'submitted', late: false }, late: false });
  });
});
