import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let reporter: TestUser;
let neighbour: TestUser;
let reviewer: TestUser;
let countyReviewer: TestUser;
let projectId: number;
let neighbourProjectId: number;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  neighbour = await t.user('530303', 'reporter');
  reviewer = await t.user('530300', 'reviewer');
  countyReviewer = await t.user('530302', 'reviewer');
  projectId = (await createProjectVia(t, reporter)).id;
  neighbourProjectId = (await createProjectVia(t, neighbour, { regionCode: '530303' })).id;
});
afterAll(() => t.close());

const figures = (extra: object = {}) => ({
  completedInvestment: '35000000',
  funds: { outOfProvince: '20000000', bankLoans: '5000000.50' },
  physicalProgress: '主体结构完成60%',
  progressPercent: 60,
  workersOnSite: 320,
  workersExpected: 350,
  narrative: '厂房钢结构吊装完成',
  ...extra,
});

async function draft(period: string, project = projectId, as = reporter) {
  const res = await t.call(as, 'POST', `/api/v1/projects/${project}/reports`, { period, ...figures() });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: number; version: number };
}

describe('POST /api/v1/projects/:id/reports', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', `/api/v1/projects/${projectId}/reports`, { period: '2022-01' })).status).toBe(401);
  });
  it("answers 404 for another county's project", async () => {
    expect((await t.call(reporter, 'POST', `/api/v1/projects/${neighbourProjectId}/reports`, { period: '2022-01' })).status).toBe(404);
  });
  it.each([
    [{ period: '2022-13' }, 'period', 'period.format'],
    [{ period: '2022-01', completedInvestment: '-1' }, 'completedInvestment', 'money.negative'],
    [{ period: '2022-01', funds: { outOfProvince: '1.001' } }, 'funds.outOfProvince', 'money.decimals'],
    [{ period: '2022-01', funds: { lottery: '1' } }, 'funds.lottery', 'unknownField'],
    [{ period: '2999-01' }, 'period', 'report.futurePeriod'],
  ])('answers 400 for %j', async (body, field, rule) => {
    const res = await t.call(reporter, 'POST', `/api/v1/projects/${projectId}/reports`, body);
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field, rule });
  });
  it('starts a draft with exact figures, and refuses a second report for the same month', async () => {
    const res = await t.call(reporter, 'POST', `/api/v1/projects/${projectId}/reports`, { period: '2022-01', ...figures() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      period: '2022-01',
      completedInvestment: '35000000',
      funds: { outOfProvince: '20000000', bankLoans: '5000000.50', inProvince: '0' },
      fundsTotal: '25000000.50',
      deadline: '2022-02-05',
      actions: ['save', 'submit'],
    });
    const again = await t.call(reporter, 'POST', `/api/v1/projects/${projectId}/reports`, { period: '2022-01' });
    expect(again.status).toBe(409);
    expect(again.body.issues[0]).toMatchObject({ field: 'period', rule: 'report.duplicate' });
  });
  it('answers 403 to a role that does not fill reports', async () => {
    expect((await t.call(reviewer, 'POST', `/api/v1/projects/${projectId}/reports`, { period: '2021-05' })).status).toBe(403);
  });
});

describe('the review workflow', () => {
  it('goes draft → submitted → returned → resubmitted → approved, and an approved report is frozen', async () => {
    const r = await draft('2022-02');
    const submit = await t.call(reporter, 'POST', `/api/v1/reports/${r.id}/submit`);
    expect(submit.body).toMatchObject({ status: 'submitted', submittedByName: reporter.actor.displayName });
    expect((await t.call(reporter, 'POST', `/api/v1/reports/${r.id}/approve`)).status).toBe(403);
    expect((await t.call(countyReviewer, 'POST', `/api/v1/reports/${r.id}/approve`)).status).toBe(403);

    const noComment = await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/return`, {});
    expect(noComment.status).toBe(400);
    expect(noComment.body.issues[0]).toMatchObject({ field: 'comment', rule: 'report.commentRequired' });
    const returned = await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/return`, { comment: '完成投资与统计台账不符，请核实' });
    expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '完成投资与统计台账不符，请核实' });

    const fixed = await t.call(reporter, 'PATCH', `/api/v1/reports/${r.id}`, { version: returned.body.version, completedInvestment: '34000000' });
    expect(fixed.body.completedInvestment).toBe('34000000');
    expect((await t.call(reporter, 'POST', `/api/v1/reports/${r.id}/submit`)).body.status).toBe('submitted');
    const approved = await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/approve`);
    expect(approved.body).toMatchObject({ status: 'approved', reviewedByName: reviewer.actor.displayName, actions: ['reopen'] });

    const frozen = await t.call(reporter, 'PATCH', `/api/v1/reports/${r.id}`, { version: approved.body.version, completedInvestment: '1' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.issues[0]).toMatchObject({ rule: 'report.approvedImmutable' });
    const again = await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/approve`);
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('reopen');

    const events = await t.call(reviewer, 'GET', `/api/v1/reports/${r.id}/events`);
    expect(events.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'return', 'submit', 'approve']);
  });

  it('reopens an approved report only with a reason, and records it', async () => {
    const r = await draft('2022-03');
    await t.call(reporter, 'POST', `/api/v1/reports/${r.id}/submit`);
    await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/approve`);
    expect((await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/reopen`)).status).toBe(400);
    const reopened = await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/reopen`, { comment: '统计口径调整，重新核报' });
    expect(reopened.body).toMatchObject({ status: 'returned', actions: [] });
    const events = await t.call(reviewer, 'GET', `/api/v1/reports/${r.id}/events`);
    expect(events.body.items.at(-1)).toMatchObject({ action: 'reopen', fromStatus: 'approved', toStatus: 'returned', comment: '统计口径调整，重新核报' });
  });

  it('carries over approved cumulative figures to the next month', async () => {
    const p = (await createProjectVia(t, reporter)).id;
    for (const period of ['2021-12', '2022-01']) {
      const r = await draft(period, p);
      await t.call(reporter, 'POST', `/api/v1/reports/${r.id}/submit`);
      await t.call(reviewer, 'POST', `/api/v1/reports/${r.id}/approve`);
    }
    const feb = await draft('2022-02', p);
    const detail = await t.call(reporter, 'GET', `/api/v1/reports/${feb.id}`);
    expect(detail.body.carryOver).toEqual({ yearToDateBefore: '35000000', sinceStartBefore: '70000000', plannedThisYear: '400000000' });
  });
});

describe('workflow routes: 401, out of scope, bad input', () => {
  it.each(['submit', 'approve', 'return', 'reopen'])('POST /reports/:id/%s', async (action) => {
    const mine = await draft(`2021-0${['submit', 'approve', 'return', 'reopen'].indexOf(action) + 1}`, neighbourProjectId, neighbour);
    expect((await t.call(null, 'POST', `/api/v1/reports/${mine.id}/${action}`)).status).toBe(401);
    expect((await t.call(reporter, 'POST', `/api/v1/reports/${mine.id}/${action}`, { comment: 'x' })).status).toBe(404);
    expect((await t.call(reporter, 'POST', `/api/v1/reports/${mine.id}/${action}`, { comment: 42 })).status).toBe(400);
  });
});

describe('GET /api/v1/reports and /reports/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/reports')).status).toBe(401);
    expect((await t.call(null, 'GET', '/api/v1/reports/1')).status).toBe(401);
  });
  it("does not list or show another county's reports", async () => {
    const theirs = await draft('2021-09', neighbourProjectId, neighbour);
    const list = await t.call(reporter, 'GET', '/api/v1/reports?pageSize=500');
    expect(list.body.items.map((r: { id: number }) => r.id)).not.toContain(theirs.id);
    expect((await t.call(reporter, 'GET', `/api/v1/reports/${theirs.id}`)).status).toBe(404);
    expect((await t.call(reporter, 'GET', `/api/v1/reports/${theirs.id}/events`)).status).toBe(404);
  });
  it('answers 400 to a bad filter', async () => {
    const res = await t.call(reviewer, 'GET', '/api/v1/reports?period=2022-1&statuses=lost');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['period', 'statuses.0']);
  });
  it("gives the reviewer a queue of what awaits review in the prefecture", async () => {
    const r = await draft('2021-10');
    await t.call(reporter, 'POST', `/api/v1/reports/${r.id}/submit`);
    const queue = await t.call(reviewer, 'GET', '/api/v1/reports?statuses=submitted');
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((x: { id: number }) => x.id)).toContain(r.id);
    expect(queue.body.items.every((x: { status: string }) => x.status === 'submitted')).toBe(true);
  });
});

describe('POST /api/v1/reports/bulk-approve', () => {
  it('answers 401 without a session and 400 to a bad body', async () => {
    expect((await t.call(null, 'POST', '/api/v1/reports/bulk-approve', { ids: [1] })).status).toBe(401);
    expect((await t.call(reviewer, 'POST', '/api/v1/reports/bulk-approve', { ids: [] })).status).toBe(400);
  });
  it('approves all or nothing: one report outside the region and none is approved', async () => {
    const a = await draft('2021-06');
    const b = await draft('2021-07');
    await t.call(reporter, 'POST', `/api/v1/reports/${a.id}/submit`);
    await t.call(reporter, 'POST', `/api/v1/reports/${b.id}/submit`);
    const theirs = await draft('2021-06', neighbourProjectId, neighbour);
    await t.call(neighbour, 'POST', `/api/v1/reports/${theirs.id}/submit`);
    const outside = await t.user('532500', 'reviewer');
    expect((await t.call(outside, 'POST', '/api/v1/reports/bulk-approve', { ids: [a.id, b.id] })).status).toBe(404);
    expect((await t.call(reviewer, 'GET', `/api/v1/reports/${a.id}`)).body.status).toBe('submitted');

    const ok = await t.call(reviewer, 'POST', '/api/v1/reports/bulk-approve', { ids: [a.id, b.id, theirs.id] });
    expect(ok.body).toEqual({ approved: 3 });
    for (const id of [a.id, b.id]) expect((await t.call(reporter, 'GET', `/api/v1/reports/${id}`)).body.status).toBe('approved');
  });
  it('refuses the whole batch when one report is not awaiting review', async () => {
    const a = await draft('2021-08');
    await t.call(reporter, 'POST', `/api/v1/reports/${a.id}/submit`);
    const d = await draft('2021-11');
    const res = await t.call(reviewer, 'POST', '/api/v1/reports/bulk-approve', { ids: [a.id, d.id] });
    expect(res.status).toBe(409);
    expect((await t.call(reviewer, 'GET', `/api/v1/reports/${a.id}`)).body.status).toBe('submitted');
  });
});

describe('PATCH /api/v1/reports/:id', () => {
  it('answers 401, 404 outside the region, 400 for bad figures, 409 for a stale version', async () => {
    const theirs = await draft('2021-10', neighbourProjectId, neighbour);
    expect((await t.call(null, 'PATCH', `/api/v1/reports/${theirs.id}`, { version: 1 })).status).toBe(401);
    expect((await t.call(reporter, 'PATCH', `/api/v1/reports/${theirs.id}`, { version: 1, completedInvestment: '1' })).status).toBe(404);
    const mine = await draft('2021-04');
    expect((await t.call(reporter, 'PATCH', `/api/v1/reports/${mine.id}`, { version: 1, completedInvestment: 'abc' })).status).toBe(400);
    expect((await t.call(reporter, 'PATCH', `/api/v1/reports/${mine.id}`, { version: 1, workersOnSite: 12 })).body.workersOnSite).toBe(12);
    expect((await t.call(reporter, 'PATCH', `/api/v1/reports/${mine.id}`, { version: 1, workersOnSite: 13 })).status).toBe(409);
  });
});
