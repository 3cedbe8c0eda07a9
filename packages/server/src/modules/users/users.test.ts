import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let qujingAdmin: TestUser;
let qilinAdmin: TestUser;
let reporter: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qujingAdmin = await t.user('530300', 'admin');
  qilinAdmin = await t.user('530302', 'admin');
  reporter = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

const newUser = (extra: object = {}) => ({
  username: `zhao.${Math.random().toString(36).slice(2, 8)}`,
  displayName: '赵德明',
  regionCode: '530302',
  roles: ['reporter'],
  password: 'Qujing-2022!',
  ...extra,
});

describe('POST /api/v1/users', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/users', newUser())).status).toBe(401);
  });
  it('answers 403 to an administrator adding a user outside their region, and to a non-administrator', async () => {
    const outside = await t.call(qilinAdmin, 'POST', '/api/v1/users', newUser({ regionCode: '530303' }));
    expect(outside.status).toBe(403);
    expect(outside.body.issues[0]).toMatchObject({ field: 'regionCode', rule: 'region.outOfScope' });
    expect((await t.call(reporter, 'POST', '/api/v1/users', newUser())).status).toBe(403);
  });
  it('answers 400 to a weak password and to an unknown role, naming the field', async () => {
    const weak = await t.call(qujingAdmin, 'POST', '/api/v1/users', newUser({ password: 'password' }));
    expect(weak.status).toBe(400);
    expect(weak.body.issues[0]).toMatchObject({ field: 'password', rule: 'password.policy' });
    const role = await t.call(qujingAdmin, 'POST', '/api/v1/users', newUser({ roles: ['god'] }));
    expect(role.status).toBe(400);
    expect(role.body.issues[0].field).toBe('roles.0');
  });
  it('adds a user who can then sign in; a taken username answers 409', async () => {
    const body = newUser();
    const res = await t.call(qujingAdmin, 'POST', '/api/v1/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: body.username, regionCode: '530302', regionName: '麒麟区', roles: ['reporter'], locked: false });
    expect(JSON.stringify(res.body)).not.toContain(body.password);
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: body.username, password: body.password })).status).toBe(200);
    expect((await t.call(qujingAdmin, 'POST', '/api/v1/users', body)).status).toBe(409);
  });
});

describe('GET /api/v1/users', () => {
  it('answers 401 without a session and 403 to a non-administrator', async () => {
    expect((await t.call(null, 'GET', '/api/v1/users')).status).toBe(401);
    expect((await t.call(reporter, 'GET', '/api/v1/users')).status).toBe(403);
  });
  it('answers 400 to an unknown parameter', async () => {
    expect((await t.call(qujingAdmin, 'GET', '/api/v1/users?role=admin')).status).toBe(400);
  });
  it("lists the users of the administrator's region only", async () => {
    const other = await t.user('532500', 'reporter');
    const res = await t.call(qilinAdmin, 'GET', '/api/v1/users');
    const names = res.body.items.map((u: { username: string }) => u.username);
    expect(names).toContain(reporter.username);
    expect(names).not.toContain(other.username);
    expect(names).not.toContain(qujingAdmin.username);
  });
});

describe('POST /api/v1/users/:id/unlock', () => {
  it('answers 401, 404 outside the region, 400 for a bad id, and unlocks', async () => {
    const other = await t.user('532500', 'reporter');
    expect((await t.call(null, 'POST', `/api/v1/users/${reporter.id}/unlock`)).status).toBe(401);
    expect((await t.call(qilinAdmin, 'POST', `/api/v1/users/${other.id}/unlock`)).status).toBe(404);
    expect((await t.call(qilinAdmin, 'POST', `/api/v1/users/x/unlock`)).status).toBe(400);
    const res = await t.call(qilinAdmin, 'POST', `/api/v1/users/${reporter.id}/unlock`);
    expect(res.status).toBe(200);
    expect(res.body.locked).toBe(false);
  });
});
