import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let reporter: TestUser;
let neighbour: TestUser;
let leader: TestUser;
let project: number;

beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  neighbour = await t.user('530303', 'reporter');
  leader = await t.user('530300', 'leader');
  project = (await createProjectVia(t, reporter)).id;
});
afterAll(() => t.close());

const url = () => `/api/v1/projects/${project}/milestones`;

describe('POST /api/v1/projects/:id/milestones', () => {
  it('answers 401 without a session, 404 for a project outside the region, 403 for a read-only role', async () => {
    const body = { kind: 'land', plannedOn: '2022-03-01' };
    expect((await t.call(null, 'POST', url(), body)).status).toBe(401);
    expect((await t.call(neighbour, 'POST', url(), body)).status).toBe(404);
    expect((await t.call(leader, 'POST', url(), body)).status).toBe(403);
  });
  it('answers 400 for an unknown kind, a nameless other node and a future actual date; 409 for a second node of a kind', async () => {
    expect((await t.call(reporter, 'POST', url(), { kind: 'party' })).body.issues[0]).toMatchObject({ field: 'kind', rule: 'oneOf' });
    expect((await t.call(reporter, 'POST', url(), { kind: 'other' })).body.issues[0]).toMatchObject({ field: 'name', rule: 'milestone.nameRequired' });
    expect((await t.call(reporter, 'POST', url(), { kind: 'start', actualOn: '2999-01-01' })).body.issues[0]).toMatchObject({ field: 'actualOn', rule: 'stage.dateInFuture' });
    expect((await t.call(reporter, 'POST', url(), { kind: 'feasibility-study', plannedOn: '2021-06-01', actualOn: '2021-06-20' })).status).toBe(201);
    const again = await t.call(reporter, 'POST', url(), { kind: 'feasibility-study' });
    expect(again.status).toBe(409);
    expect(again.body.issues[0]).toMatchObject({ field: 'kind', rule: 'milestone.duplicateKind' });
  });
  it('adds nodes, flags the overdue ones, and lets them warn on the project', async () => {
    const land = await t.call(reporter, 'POST', url(), { kind: 'land', plannedOn: '2022-03-01' });
    expect(land.body).toMatchObject({ kind: 'land', kindName: '用地', overdue: true, version: 1 });
    expect((await t.call(reporter, 'POST', url(), { kind: 'other', name: '电力接入', plannedOn: '2999-01-01' })).body.overdue).toBe(false);
    const list = await t.call(leader, 'GET', url());
    expect(list.body.items.map((m: { kind: string }) => m.kind)).toEqual(['feasibility-study', 'land', 'other']);
    const detail = await t.call(leader, 'GET', `/api/v1/projects/${project}`);
    expect(detail.body.warning).toMatchObject({ light: 'yellow', reasons: ['milestone-overdue'], overdueMilestones: [{ id: land.body.id, kind: 'land', plannedOn: '2022-03-01' }] });
    const warned = await t.call(leader, 'POST', '/api/v1/stats', { filter: { warnings: ['milestone-overdue'] }, measures: ['count'], drill: true });
    expect(warned.body.total.ids).toContain(project);
  });
});

describe('GET and PATCH /api/v1/projects/:id/milestones/:milestoneId', () => {
  it('answers 401, 404 outside the region or for another project’s node, 400 to bad input, 409 to a stale version, and records the actual date', async () => {
    const node = await t.call(reporter, 'POST', url(), { kind: 'construction-permit', plannedOn: '2022-01-10' });
    const path = `${url()}/${node.body.id}`;
    expect((await t.call(null, 'GET', url())).status).toBe(401);
    expect((await t.call(neighbour, 'GET', url())).status).toBe(404);
    expect((await t.call(null, 'PATCH', path, { version: 1, actualOn: '2022-01-20' })).status).toBe(401);
    expect((await t.call(neighbour, 'PATCH', path, { version: 1, actualOn: '2022-01-20' })).status).toBe(404);
    const other = await createProjectVia(t, reporter);
    expect((await t.call(reporter, 'PATCH', `/api/v1/projects/${other.id}/milestones/${node.body.id}`, { version: 1, actualOn: '2022-01-20' })).status).toBe(404);
    expect((await t.call(reporter, 'PATCH', path, { version: 1, actualOn: '20-01-2022' })).body.issues[0]).toMatchObject({ field: 'actualOn', rule: 'date' });
    const done = await t.call(reporter, 'PATCH', path, { version: 1, actualOn: '2022-01-20', note: '已取得施工许可证' });
    expect(done.body).toMatchObject({ actualOn: '2022-01-20', overdue: false, version: 2 });
    expect((await t.call(reporter, 'PATCH', path, { version: 1, note: '旧版本' })).status).toBe(409);
  });
});
