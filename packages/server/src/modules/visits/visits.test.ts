import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let reporter: TestUser;
let qujing: TestUser;
let leader: TestUser;
let enterpriseId: number;
const first17 = '91532500MA6K00777';

beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('532503', 'reporter');
  qujing = await t.user('530300', 'reporter');
  leader = await t.user('532500', 'leader');
  const e = await t.call(reporter, 'POST', '/api/v1/enterprises', { creditCode: first17 + creditCodeCheckChar(first17), name: '蒙自华润供应链管理有限公司', kind: 'newly-introduced', regionCode: '532503', programmes: ['enterprise-visits'] });
  enterpriseId = e.body.id;
});
afterAll(() => t.close());

const visit = { visitedOn: '2022-02-15', visitors: ['王建华', '李丽萍'], summary: '了解企业用工和物流情况', demands: [{ content: '反映物流成本偏高，希望对接铁路运力' }, { content: '希望协调银行提供流动资金贷款' }] };

describe('POST /api/v1/enterprises/:id/visits', () => {
  it('answers 401 without a session, 404 for an enterprise outside the region, 400 for bad input', async () => {
    expect((await t.call(null, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, visit)).status).toBe(401);
    expect((await t.call(qujing, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, visit)).status).toBe(404);
    const bad = await t.call(reporter, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, { ...visit, visitors: [] });
    expect(bad.body.issues[0]).toMatchObject({ field: 'visitors', rule: 'tooFewItems' });
    expect((await t.call(reporter, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, { ...visit, visitedOn: '2999-01-01' })).body.issues[0]).toMatchObject({ field: 'visitedOn' });
  });
  it('records a visit with its demands, which the engine counts', async () => {
    const res = await t.call(reporter, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, visit);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ enterpriseName: '蒙自华润供应链管理有限公司', visitors: ['王建华', '李丽萍'], demands: [{ content: visit.demands[0]!.content, problemId: null }, { problemId: null }] });
    const stats = await t.call(leader, 'POST', '/api/v1/stats', { subject: 'enterprises', filter: { visitedFrom: '2022-01-01' }, measures: ['count', 'visits', 'demands'] });
    expect(stats.body.total).toEqual({ count: 1, visits: 1, demands: 2 });
  });
});

describe('visits, their demands and the problems they become', () => {
  it('lists, reads and corrects visits within the region', async () => {
    const created = await t.call(reporter, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, { ...visit, demands: [] });
    const url = `/api/v1/visits/${created.body.id}`;
    expect((await t.call(null, 'GET', url)).status).toBe(401);
    expect((await t.call(qujing, 'GET', url)).status).toBe(404);
    expect((await t.call(qujing, 'PATCH', url, { version: 1, summary: '改' })).status).toBe(404);
    expect((await t.call(reporter, 'PATCH', url, { version: 1, visitors: 'me' })).status).toBe(400);
    const ok = await t.call(reporter, 'PATCH', url, { version: 1, summary: '补充：企业计划扩产', addDemands: [{ content: '希望加快办理不动产权证' }] });
    expect(ok.body).toMatchObject({ version: 2, summary: '补充：企业计划扩产', demands: [{ content: '希望加快办理不动产权证' }] });
    expect((await t.call(reporter, 'PATCH', url, { version: 1, summary: '旧' })).status).toBe(409);
    const list = await t.call(leader, 'GET', `/api/v1/visits?enterpriseId=${enterpriseId}&from=2022-01-01&to=2022-12-31`);
    expect(list.body.total).toBeGreaterThanOrEqual(2);
    expect((await t.call(qujing, 'GET', '/api/v1/visits')).body.total).toBe(0);
  });

  it('turns a demand into a problem once, linked to the enterprise', async () => {
    const created = await t.call(reporter, 'POST', `/api/v1/enterprises/${enterpriseId}/visits`, visit);
    const demand = created.body.demands[1];
    const url = `/api/v1/visits/${created.body.id}/demands/${demand.id}/problem`;
    const body = { responsibleUnit: '州金融办', responsibleLeader: '张国庆', dueOn: '2022-03-31' };
    expect((await t.call(null, 'POST', url, body)).status).toBe(401);
    expect((await t.call(qujing, 'POST', url, body)).status).toBe(404);
    expect((await t.call(reporter, 'POST', url, { ...body, dueOn: 'soon' })).status).toBe(400);
    expect((await t.call(reporter, 'POST', `/api/v1/visits/${created.body.id}/demands/999999/problem`, body)).status).toBe(404);
    const problem = await t.call(reporter, 'POST', url, body);
    expect(problem.status).toBe(201);
    expect(problem.body).toMatchObject({ title: visit.demands[1]!.content, enterpriseId, projectId: null, regionCode: '532503', status: 'open', responsibleUnit: '州金融办', overdue: true });
    const again = await t.call(reporter, 'POST', url, body);
    expect(again.status).toBe(409);
    expect(again.body.issues[0]).toMatchObject({ rule: 'demand.alreadyProblem' });
    expect((await t.call(leader, 'GET', `/api/v1/visits/${created.body.id}`)).body.demands[1].problemId).toBe(problem.body.id);
    const onMap = await t.call(leader, 'GET', '/api/v1/problems?overdue=true');
    expect(onMap.body.items.map((p: { id: number }) => p.id)).toContain(problem.body.id);
  });
});
