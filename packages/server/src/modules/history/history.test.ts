import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { startTestApp, TEST_PASSWORD, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';
import { auditEvents } from '../../db/schema/index.js';

let t: TestContext;
let reporter: TestUser;
let reviewer: TestUser;
let project: { id: number; version: number };
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  reviewer = await t.user('530300', 'reviewer');
  project = await createProjectVia(t, reporter, { name: '麒麟区历史记录测试项目', totalInvestment: '1200000000' });
  const res = await t.call(reporter, 'PATCH', `/api/v1/projects/${project.id}`, { version: project.version, name: '麒麟区历史记录测试项目（二期）', totalInvestment: '1500000000' });
  expect(res.status).toBe(200);
});
afterAll(() => t.close());

const history = (as: TestUser | null, entity: string, id: number | string, query = '') => t.call(as, 'GET', `/api/v1/history/${entity}/${id}${query}`);

describe('GET /api/v1/history/:entity/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await history(null, 'project', project.id)).status).toBe(401);
  });

  it('answers 404 for a record outside the user’s region, exactly as for one that does not exist', async () => {
    const sibling = await t.user('530303', 'reporter');
    const honghe = await t.user('532500', 'admin');
    for (const as of [sibling, honghe]) {
      const res = await history(as, 'project', project.id);
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain('历史记录测试项目');
    }
    expect((await history(reporter, 'project', 999_999)).status).toBe(404);
  });

  it('answers 400 naming the field for an unknown kind of record or a bad id', async () => {
    const kind = await history(reporter, 'passwords', 1);
    expect(kind.status).toBe(400);
    expect(kind.body.issues[0].field).toBe('entity');
    const id = await history(reporter, 'project', encodeURIComponent('../../etc/passwd'));
    expect(id.status).toBe(400);
    expect((await history(reporter, 'project', project.id, '?limit=0')).body.issues[0].field).toBe('limit');
  });

  it('shows who changed which field from what to what, and when, newest first', async () => {
    const leader = await t.user('530000', 'leader');
    const res = await history(leader, 'project', project.id);
    expect(res.status).toBe(200);
    const [update, create] = res.body.items;
    expect(update).toMatchObject({
      action: 'project.update',
      actor: { id: reporter.id, username: reporter.username, displayName: `测试${reporter.username}`, roles: ['reporter'], regionCode: '530302' },
    });
    expect(update.changes).toEqual(
      expect.arrayContaining([
        { field: 'name', before: '麒麟区历史记录测试项目', after: '麒麟区历史记录测试项目（二期）' },
        { field: 'totalInvestment', before: '1200000000', after: '1500000000' },
      ]),
    );
    expect(update.changes).toHaveLength(2);
    expect(Date.parse(update.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(update.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(create.action).toBe('project.create');
    expect(create.changes).toEqual(expect.arrayContaining([{ field: 'code', before: null, after: expect.any(String) }]));
  });

  it('pages back with nextBefore', async () => {
    const first = await history(reporter, 'project', project.id, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    const second = await history(reporter, 'project', project.id, `?limit=1&before=${first.body.nextBefore}`);
    expect(second.body.items[0].action).toBe('project.create');
  });

  it('gives each report approved in bulk a line of its own', async () => {
    const ids: number[] = [];
    for (const period of ['2022-01', '2022-02']) {
      const created = await t.call(reporter, 'POST', `/api/v1/projects/${project.id}/reports`, { period, completedInvestment: '1000' });
      expect(created.status).toBe(201);
      expect((await t.call(reporter, 'POST', `/api/v1/reports/${created.body.id}/submit`, {})).status).toBe(200);
      ids.push(created.body.id);
    }
    expect((await t.call(reviewer, 'POST', '/api/v1/reports/bulk-approve', { ids, comment: '同意' })).status).toBe(200);
    for (const id of ids) {
      const res = await history(reviewer, 'monthly_report', id);
      expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['report.bulk-approve', 'report.submit', 'report.create']);
      expect(res.body.items[0].changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'submitted', after: 'approved' }]));
      expect(res.body.items[0].actor.username).toBe(reviewer.username);
    }
  });

  it('shows a user’s sign-ins to an administrator of their region only', async () => {
    const user = await t.user('530302', 'leader');
    const login = await t.call(null, 'POST', '/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    expect((await history(reporter, 'user', user.id)).status).toBe(403);
    expect((await history(await t.user('532500', 'admin'), 'user', user.id)).status).toBe(404);
    const res = await history(await t.user('530300', 'admin'), 'user', user.id);
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({ action: 'auth.login', actor: { username: user.username, regionCode: '530302', roles: ['leader'] } });
  });
});

describe('audit events', () => {
  it('carry actor, role, region, time, client IP, request id, entity and id for sign-in and sign-out', async () => {
    const user = await t.user('530302', 'press');
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.20.30.40',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', remoteAddress: '10.20.30.41', headers: { cookie } })).statusCode).toBe(204);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, String(user.id))).orderBy(desc(auditEvents.seq));
    expect(events.map((e) => e.action)).toEqual(['auth.logout', 'auth.login']);
    for (const [e, ip] of [
      [events[0]!, '10.20.30.41'],
      [events[1]!, '10.20.30.40'],
    ] as const) {
      expect(e).toMatchObject({ actorId: user.id, actorName: user.username, actorRoles: ['press'], actorRegion: '530302', ip, entity: 'user' });
      expect(e.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(e.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    }
  });
});
