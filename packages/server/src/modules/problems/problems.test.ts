import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let reporter: TestUser;
let neighbour: TestUser;
let scheduler: TestUser;
let leader: TestUser;
let projectId: number;
let neighbourProjectId: number;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  neighbour = await t.user('530303', 'reporter');
  scheduler = await t.user('530300', 'reviewer');
  leader = await t.user('530300', 'leader');
  projectId = (await createProjectVia(t, reporter)).id;
  neighbourProjectId = (await createProjectVia(t, neighbour, { regionCode: '530303' })).id;
});
afterAll(() => t.close());

const problem = (extra: object = {}) => ({
  title: '项目用电接入滞后',
  description: '110千伏专线尚未接入，影响设备调试',
  responsibleUnit: '曲靖供电局',
  responsibleLeader: '王副市长',
  dueOn: '2022-03-31',
  ...extra,
});

async function raise(as: TestUser, project = projectId, extra: object = {}) {
  const res = await t.call(as, 'POST', `/api/v1/projects/${project}/problems`, problem(extra));
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  return res.body as { id: number; version: number };
}

describe('POST /api/v1/projects/:id/problems', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', `/api/v1/projects/${projectId}/problems`, problem())).status).toBe(401);
  });
  it("answers 404 for another county's project", async () => {
    expect((await t.call(reporter, 'POST', `/api/v1/projects/${neighbourProjectId}/problems`, problem())).status).toBe(404);
  });
  it('answers 400 naming the field', async () => {
    const res = await t.call(reporter, 'POST', `/api/v1/projects/${projectId}/problems`, problem({ title: '', dueOn: '31/03/2022' }));
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['title', 'dueOn']);
  });
  it('raises an open problem on the project, in its region, overdue once its day has passed', async () => {
    const res = await t.call(leader, 'POST', `/api/v1/projects/${projectId}/problems`, problem());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', regionCode: '530302', projectId, raisedBy: leader.id, overdue: true, actions: [] });
  });
});

describe('挂图销号: the problem workflow', () => {
  it('is accepted, resolved, and ticked off only by the raiser', async () => {
    const p = await raise(scheduler);
    expect((await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/accept`)).body.status).toBe('in_progress');
    const missing = await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/resolve`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.issues[0]).toMatchObject({ field: 'resolution', rule: 'problem.missing' });
    const resolved = await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/resolve`, { resolution: '供电局已完成专线接入' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '供电局已完成专线接入' });
    const notRaiser = await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/confirm`);
    expect(notRaiser.status).toBe(403);
    expect(notRaiser.body.issues[0]).toMatchObject({ rule: 'problem.raiserOnly' });
    const closed = await t.call(scheduler, 'POST', `/api/v1/problems/${p.id}/confirm`);
    expect(closed.body).toMatchObject({ status: 'closed', overdue: false, actions: [] });
    const open = await t.call(scheduler, 'GET', '/api/v1/problems?open=true&pageSize=500');
    expect(open.body.items.map((x: { id: number }) => x.id)).not.toContain(p.id);
  });

  it('goes back when the raiser rejects the resolution', async () => {
    const p = await raise(scheduler);
    await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/resolve`, { resolution: '已协调' });
    expect((await t.call(scheduler, 'POST', `/api/v1/problems/${p.id}/reject`)).status).toBe(400);
    const back = await t.call(scheduler, 'POST', `/api/v1/problems/${p.id}/reject`, { comment: '现场仍未通电' });
    expect(back.body.status).toBe('in_progress');
  });

  it('goes up to a coordination meeting, whose decision is recorded', async () => {
    const p = await raise(reporter);
    const escalated = await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/escalate`, { meeting: { title: '曲靖市重点项目第3次协商会办', heldOn: '2022-03-10' } });
    expect(escalated.body).toMatchObject({ status: 'escalated', meeting: { title: '曲靖市重点项目第3次协商会办', heldOn: '2022-03-10' } });
    expect((await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/decide`, { decision: 'x' })).status).toBe(403);
    const decided = await t.call(leader, 'POST', `/api/v1/problems/${p.id}/decide`, { decision: '由市发改委牵头，3月20日前完成' });
    expect(decided.body).toMatchObject({ status: 'in_progress', decision: '由市发改委牵头，3月20日前完成' });
    const history = await t.call(reporter, 'GET', `/api/v1/problems/${p.id}/events`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['raise', 'escalate', 'decide']);
  });

  it('answers 409 to an action the status does not allow, naming the allowed ones', async () => {
    const p = await raise(reporter);
    const res = await t.call(reporter, 'POST', `/api/v1/problems/${p.id}/confirm`, undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('allowed: accept（受理）, resolve（办结）, escalate（提交协商会办）');
  });

  it.each(['accept', 'resolve', 'confirm', 'reject', 'escalate', 'decide'])('POST /problems/:id/%s: 401, 404 outside, 400', async (action) => {
    const theirs = await raise(neighbour, neighbourProjectId);
    expect((await t.call(null, 'POST', `/api/v1/problems/${theirs.id}/${action}`)).status).toBe(401);
    expect((await t.call(reporter, 'POST', `/api/v1/problems/${theirs.id}/${action}`, { resolution: 'x', comment: 'x', decision: 'x', meeting: { title: '会议名称', heldOn: '2022-03-01' } })).status).toBe(404);
    expect((await t.call(neighbour, 'POST', `/api/v1/problems/${theirs.id}/${action}`, { meeting: { title: '会议名称', heldOn: 'soon' } })).status).toBe(400);
  });
});

describe('GET /api/v1/problems, /problems/:id and /problems/:id/events', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/problems')).status).toBe(401);
  });
  it("never shows another county's problems", async () => {
    const theirs = await raise(neighbour, neighbourProjectId);
    const list = await t.call(reporter, 'GET', '/api/v1/problems?pageSize=500');
    expect(list.body.items.map((x: { id: number }) => x.id)).not.toContain(theirs.id);
    expect((await t.call(reporter, 'GET', `/api/v1/problems/${theirs.id}`)).status).toBe(404);
    expect((await t.call(reporter, 'GET', `/api/v1/problems/${theirs.id}/events`)).status).toBe(404);
    expect((await t.call(scheduler, 'GET', `/api/v1/problems/${theirs.id}`)).status).toBe(200);
  });
  it('answers 400 to a bad filter', async () => {
    expect((await t.call(reporter, 'GET', '/api/v1/problems?overdue=maybe')).status).toBe(400);
  });
  it('lists overdue open problems, derived from their due dates', async () => {
    const late = await raise(reporter, projectId, { dueOn: '2022-01-01' });
    const future = await raise(reporter, projectId, { dueOn: '2999-01-01' });
    const res = await t.call(scheduler, 'GET', '/api/v1/problems?overdue=true&pageSize=500');
    const ids = res.body.items.map((x: { id: number }) => x.id);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(future.id);
    expect(res.body.items.every((x: { overdue: boolean }) => x.overdue)).toBe(true);
  });
});

describe('PATCH /api/v1/problems/:id', () => {
  it('answers 401, 404 outside the region, 400, and changes the assignment with the version read', async () => {
    const theirs = await raise(neighbour, neighbourProjectId);
    expect((await t.call(null, 'PATCH', `/api/v1/problems/${theirs.id}`, { version: 1 })).status).toBe(401);
    expect((await t.call(reporter, 'PATCH', `/api/v1/problems/${theirs.id}`, { version: 1, dueOn: '2022-04-30' })).status).toBe(404);
    const mine = await raise(reporter);
    expect((await t.call(reporter, 'PATCH', `/api/v1/problems/${mine.id}`, { version: 1, dueOn: 'April' })).status).toBe(400);
    const ok = await t.call(scheduler, 'PATCH', `/api/v1/problems/${mine.id}`, { version: 1, responsibleUnit: '市工信局', dueOn: '2022-04-30' });
    expect(ok.body).toMatchObject({ responsibleUnit: '市工信局', dueOn: '2022-04-30', version: 2 });
    expect((await t.call(scheduler, 'PATCH', `/api/v1/problems/${mine.id}`, { version: 1, dueOn: '2022-05-30' })).status).toBe(409);
  });
});
