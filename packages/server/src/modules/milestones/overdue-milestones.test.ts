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

describe('GET /api/v1/milestones/overdue', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/milestones/overdue')).status).toBe(401);
  });

  it("never lists another county's milestones, even when asked for that county", async () => {
    const theirs = await createProjectVia(t, zhanyiReporter, { regionCode: '530303', locationRegionCode: '530303' });
    await t.call(zhanyiReporter, 'POST', `/api/v1/projects/${theirs.id}/milestones`, { kind: 'land', plannedOn: '2022-03-01' });
    const res = await t.call(qilinReporter, 'GET', '/api/v1/milestones/overdue?region=530303');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: 0 });
  });

  it('answers 400 naming the field for a malformed date', async () => {
    const res = await t.call(qujingLeader, 'GET', '/api/v1/milestones/overdue?asOf=2022-13-01');
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'asOf', rule: 'date' });
  });

  it('lists the milestones past their planned date, oldest first, with their project and who may record them', async () => {
    const project = await createProjectVia(t, qilinReporter);
    const call = (body: object) => t.call(qilinReporter, 'POST', `/api/v1/projects/${project.id}/milestones`, body);
    const land = (await call({ kind: 'land', plannedOn: '2022-03-01' })).body;
    const permit = (await call({ kind: 'construction-permit', plannedOn: '2022-02-01' })).body;
    await call({ kind: 'feasibility-study', plannedOn: '2021-06-01', actualOn: '2021-06-20' });
    await call({ kind: 'completion-acceptance', plannedOn: '2999-01-01' });

    const res = await t.call(qujingLeader, 'GET', '/api/v1/milestones/overdue?region=530302&asOf=2022-06-30');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((m: { id: number }) => m.id)).toEqual([permit.id, land.id]);
    expect(res.body.items[0]).toMatchObject({ projectId: project.id, projectCode: project.code, regionCode: '530302', regionName: '麒麟区', overdue: true, abilities: { update: false } });

    // Before either was due, nothing is overdue; the reporter may record them.
    expect((await t.call(qujingLeader, 'GET', '/api/v1/milestones/overdue?region=530302&asOf=2022-01-15')).body.total).toBe(0);
    const mine = await t.call(qilinReporter, 'GET', '/api/v1/milestones/overdue?asOf=2022-06-30');
    expect(mine.body.items[0].abilities).toEqual({ update: true });
  });
});
