import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_PASSWORD, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let reporter: TestUser;
beforeAll(async () => {
  t = await startTestApp({ loginRateLimit: 1000 });
  reporter = await t.user('530302', 'reporter', 'qilin.reporter');
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.call(null, 'POST', '/api/v1/auth/login', { username, password }, headers);

describe('POST /api/v1/auth/login', () => {
  it('signs in and sets an httpOnly, SameSite session cookie', async () => {
    const res = await login('qilin.reporter', TEST_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.body.region).toMatchObject({ code: '530302', name: '麒麟区', level: 'county' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/guatu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('answers 401 to a wrong password without saying which part was wrong', async () => {
    const res = await login('qilin.reporter', 'Wrong-password-1');
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('用户名或密码错误');
    expect((await login('nobody', 'Wrong-password-1')).body.message).toBe('用户名或密码错误');
  });

  it('answers 400 naming the field when the body is malformed', async () => {
    const res = await login('', '');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['username', 'password']);
    const extra = await t.call(null, 'POST', '/api/v1/auth/login', { username: 'a', password: 'b', admin: true }, { 'accept-language': 'en' });
    expect(extra.status).toBe(400);
    expect(extra.body.message).toBe('admin (admin) is not an accepted field');
  });

  it('locks an account after five failures, with a clear message, until an administrator unlocks it', async () => {
    const victim = await t.user('530302', 'reporter', 'locked.reporter');
    for (let i = 0; i < 4; i++) expect((await login(victim.username, 'Wrong-password-1')).status).toBe(401);
    const fifth = await login(victim.username, 'Wrong-password-1');
    expect(fifth.status).toBe(423);
    expect(fifth.body.message).toContain('已锁定');
    expect((await login(victim.username, TEST_PASSWORD)).status).toBe(423);

    const admin = await t.user('530300', 'admin');
    const unlocked = await t.call(admin, 'POST', `/api/v1/users/${victim.id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.locked).toBe(false);
    expect((await login(victim.username, TEST_PASSWORD)).status).toBe(200);
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await login('qilin.reporter', TEST_PASSWORD, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });
});

describe('GET /api/v1/auth/me', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });
  it('answers 401 to a forged session cookie', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: 'guatu_session=forged' } });
    expect(res.statusCode).toBe(401);
  });
  it('answers 400 to an unknown query parameter', async () => {
    expect((await t.call(reporter, 'GET', '/api/v1/auth/me?x=1')).status).toBe(400);
  });
  it('names the user, their region and roles', async () => {
    const res = await t.call(reporter, 'GET', '/api/v1/auth/me');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'qilin.reporter', roles: ['reporter'], region: { code: '530302' } });
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/auth/logout')).status).toBe(401);
  });
  it('answers 400 to a body it does not take', async () => {
    const user = await t.user('530302', 'leader');
    expect((await t.call(user, 'POST', '/api/v1/auth/logout', { everywhere: true })).status).toBe(400);
  });
  it('deletes the session on the server, so the old cookie no longer works', async () => {
    const user = await t.user('530302', 'leader');
    expect((await t.call(user, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await t.call(user, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });
});
