import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let admin: TestUser;
let qujing: TestUser;
let leader: TestUser;
const p: number[] = [];
const list = (projectIds: number[], overrides: object = {}) => ({ name: '红河州2022年重点招商引资项目', year: 2022, regionCode: '532500', projectIds, ...overrides });

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.user('532500', ['admin', 'reporter']);
  qujing = await t.user('530300', ['admin', 'reporter']);
  leader = await t.user('532500', 'leader');
  for (let i = 0; i < 4; i++) p.push((await createProjectVia(t, admin, { regionCode: '532503', locationRegionCode: '532503' })).id);
});
afterAll(() => t.close());

describe('POST /api/v1/key-lists', () => {
  it('answers 401 without a session, 403 for another region or role, 400 for bad input', async () => {
    expect((await t.call(null, 'POST', '/api/v1/key-lists', list([]))).status).toBe(401);
    expect((await t.call(qujing, 'POST', '/api/v1/key-lists', list([]))).status).toBe(403);
    expect((await t.call(leader, 'POST', '/api/v1/key-lists', list([]))).status).toBe(403);
    const bad = await t.call(admin, 'POST', '/api/v1/key-lists', list([], { year: '2022' }));
    expect(bad.body.issues[0]).toMatchObject({ field: 'year', rule: 'type' });
  });
  it('drafts a list', async () => {
    const res = await t.call(admin, 'POST', '/api/v1/key-lists', list([p[0]!, p[1]!]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', projectCount: 2, publishedAt: null, abilities: { update: true, publish: true, revise: false } });
  });
});

describe('a key list, published, frozen and revised', () => {
  it('changes freely as a draft, then only through recorded revisions', async () => {
    const created = await t.call(admin, 'POST', '/api/v1/key-lists', list([p[0]!]));
    const url = `/api/v1/key-lists/${created.body.id}`;
    const draft = await t.call(admin, 'PATCH', url, { version: 1, projectIds: [p[0]!, p[1]!, p[2]!] });
    expect(draft.body).toMatchObject({ version: 2, projectCount: 3 });
    expect((await t.call(admin, 'POST', `${url}/revisions`, { version: 2, reason: '调整', add: [p[3]!] })).body.issues[0]).toMatchObject({ rule: 'keyList.notPublished' });

    const published = await t.call(admin, 'POST', `${url}/publish`, { version: 2 });
    expect(published.body).toMatchObject({ status: 'published', version: 3, publishedByName: admin.actor.displayName, abilities: { publish: false, revise: true } });
    expect((await t.call(admin, 'POST', `${url}/publish`, { version: 3 })).status).toBe(409);

    const frozen = await t.call(admin, 'PATCH', url, { version: 3, projectIds: [p[0]!] });
    expect(frozen.status).toBe(409);
    expect(frozen.body.issues[0]).toMatchObject({ field: 'projectIds', rule: 'keyList.frozen' });
    expect((await t.call(admin, 'PATCH', url, { version: 3, description: '好中选优，优中选精' })).body).toMatchObject({ version: 4, projectCount: 3 });

    const noReason = await t.call(admin, 'POST', `${url}/revisions`, { version: 4, add: [p[3]!] });
    expect(noReason.body.issues[0]).toMatchObject({ field: 'reason', rule: 'required' });
    const wrong = await t.call(admin, 'POST', `${url}/revisions`, { version: 4, reason: '调整', add: [p[0]!], remove: [p[3]!] });
    expect(wrong.body.issues.map((i: { rule: string }) => i.rule)).toEqual(['keyList.alreadyOn', 'keyList.notOn']);
    const revised = await t.call(admin, 'POST', `${url}/revisions`, { version: 4, reason: '项目洽谈中止，调入新签约项目', add: [p[3]!], remove: [p[2]!] });
    expect(revised.body).toMatchObject({ version: 5, projectCount: 3, projectIds: [p[0]!, p[1]!, p[3]!] });
    expect((await t.call(admin, 'POST', `${url}/revisions`, { version: 4, reason: '再调整', add: [p[2]!] })).status).toBe(409);

    const history = await t.call(leader, 'GET', `${url}/revisions`);
    expect(history.body.items).toEqual([
      expect.objectContaining({ reason: '项目洽谈中止，调入新签约项目', added: [expect.objectContaining({ id: p[3] })], removed: [expect.objectContaining({ id: p[2] })], revisedByName: admin.actor.displayName }),
    ]);
    const stats = await t.call(leader, 'POST', '/api/v1/stats', { filter: { keyList: created.body.id }, measures: ['count'] });
    expect(stats.body.total.count).toBe(3);
  });

  it('answers 401, 404 outside the region and 400 for a bad id on every route', async () => {
    const created = await t.call(admin, 'POST', '/api/v1/key-lists', list([]));
    const url = `/api/v1/key-lists/${created.body.id}`;
    for (const [method, path, body] of [
      ['GET', url, undefined],
      ['PATCH', url, { version: 1, name: '新名称清单' }],
      ['POST', `${url}/publish`, { version: 1 }],
      ['POST', `${url}/revisions`, { version: 1, reason: '调整', add: [p[0]!] }],
      ['GET', `${url}/revisions`, undefined],
    ] as const) {
      expect((await t.call(null, method, path, body)).status, path).toBe(401);
      expect((await t.call(qujing, method, path, body)).status, path).toBe(404);
      expect((await t.call(admin, method, path.replace(String(created.body.id), 'x'), body)).status, path).toBe(400);
    }
    const listed = await t.call(leader, 'GET', '/api/v1/key-lists?year=2022&status=draft');
    expect(listed.body.items.map((l: { id: number }) => l.id)).toContain(created.body.id);
    expect((await t.call(qujing, 'GET', '/api/v1/key-lists')).body.total).toBe(0);
  });
});
