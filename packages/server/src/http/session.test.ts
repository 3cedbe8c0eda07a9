import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, TEST_PASSWORD, type TestContext, type TestUser } from '../test/harness.js';
import { sessions, users } from '../db/schema/index.js';
import { hashToken } from '../modules/auth/sessions.repository.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ sessionIdleMinutes: 30, sessionAbsoluteHours: 2, loginRateLimit: 1000 });
});
afterAll(() => t.close());

const tokenOf = (u: TestUser) => u.cookie.split('=')[1]!;
const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

async function signIn(username: string, headers: Record<string, string> = {}) {
  const res = await t.call(null, 'POST', '/api/v1/auth/login', { username, password: TEST_PASSWORD }, headers);
  expect(res.status).toBe(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('sessions', () => {
  it('expire after 30 idle minutes, with a message that says so', async () => {
    const user = await t.user('530302', 'leader');
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '31 minutes'` }).where(eq(sessions.tokenHash, hashToken(tokenOf(user))));
    const res = await t.call(user, 'GET', '/api/v1/auth/me', undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('Your session has expired; sign in again');
  });

  it('stay alive while used: a request inside the idle window moves it forward', async () => {
    const user = await t.user('530302', 'leader');
    const where = eq(sessions.tokenHash, hashToken(tokenOf(user)));
    await t.database.db.update(sessions).set({ lastSeenAt: sql`now() - interval '29 minutes'` }).where(where);
    expect((await t.call(user, 'GET', '/api/v1/auth/me')).status).toBe(200);
    const [row] = await t.database.db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(where);
    expect(row!.lastSeenAt.getTime()).toBeGreaterThan(Date.now() - 5 * 60_000);
  });

  it('expire absolutely, however busy, after the configured hours', async () => {
    const user = await t.user('530302', 'leader');
    const cookie = await signIn(user.username);
    const [row] = await t.database.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(cookie.split('=')[1]!)));
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(2, 1);
    await t.database.db.update(sessions).set({ expiresAt: sql`now() - interval '1 second'`, lastSeenAt: sql`now()` }).where(eq(sessions.tokenHash, row!.tokenHash));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('set a cookie that lives no longer than the session, HttpOnly and SameSite=Strict', async () => {
    const user = await t.user('530302', 'leader');
    const res = await t.call(null, 'POST', '/api/v1/auth/login', { username: user.username, password: TEST_PASSWORD });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/Max-Age=7200/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('get a fresh id at every sign-in, and the session the browser held before ends', async () => {
    const user = await t.user('530302', 'leader');
    const first = await signIn(user.username);
    const second = await signIn(user.username, { cookie: first });
    expect(second).not.toBe(first);
    expect(second.split('=')[1]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('keep only a hash of the token on the server', async () => {
    const user = await t.user('530302', 'leader');
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(tokenOf(user))]);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(user));
  });

  it('end at sign-out: the row is gone and the cookie no longer works', async () => {
    const user = await t.user('530302', 'leader');
    expect((await t.call(user, 'POST', '/api/v1/auth/logout')).status).toBe(204);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    expect((await t.call(user, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });

  it('end when the account is deactivated', async () => {
    const user = await t.user('530302', 'leader');
    await t.database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect((await t.call(user, 'GET', '/api/v1/auth/me')).status).toBe(401);
  });
});

describe('state-changing requests from another site', () => {
  const logout = async (headers: Record<string, string>) => t.call(await t.user('530302', 'leader'), 'POST', '/api/v1/auth/logout', undefined, { host: 'guatu.example.gov.cn', ...headers });

  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling subdomain)', { 'sec-fetch-site': 'same-site' }],
    ['an Origin of another host', { origin: 'https://evil.example' }],
    ['an Origin of another port', { origin: 'https://guatu.example.gov.cn:8443' }],
    ['Origin: null (a sandboxed frame or a file)', { origin: 'null' }],
    ['a same-origin Sec-Fetch-Site with a foreign Origin', { 'sec-fetch-site': 'same-origin', origin: 'https://evil.example' }],
  ])('are refused with 403: %s', async (_name, headers) => {
    const res = await logout(headers as Record<string, string>);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: '请求来源不受信任' });
  });

  it.each([
    ['from the app’s own pages', { 'sec-fetch-site': 'same-origin', origin: 'https://guatu.example.gov.cn' }],
    ['typed into the address bar (Sec-Fetch-Site: none)', { 'sec-fetch-site': 'none' }],
    ['from a script or the CLI, which sends neither header', {}],
  ])('are accepted %s', async (_name, headers) => {
    expect((await logout(headers as Record<string, string>)).status).toBe(204);
  });

  it('take the host from a trusted reverse proxy, and from no one else', async () => {
    const send = async (remoteAddress: string) => {
      const user = await t.user('530302', 'leader');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        remoteAddress,
        headers: { cookie: user.cookie, host: '127.0.0.1:3000', 'x-forwarded-host': 'guatu.example.gov.cn', origin: 'https://guatu.example.gov.cn' },
      });
      return res.statusCode;
    };
    // Behind a proxy on the same host, X-Forwarded-Host names the site the browser sees.
    expect(await send('127.0.0.1')).toBe(204);
    // From anywhere else the header is ignored: the Host (127.0.0.1:3000) does not match the Origin.
    expect(await send('198.51.100.20')).toBe(403);
  });

  it('are checked on PATCH too, before anything is read or written', async () => {
    const reporter = await t.user('530302', 'reporter');
    const res = await t.call(reporter, 'PATCH', '/api/v1/projects/1', { version: 1 }, { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('请求来源不受信任');
  });

  it('leave reads alone: a GET is never refused for its origin', async () => {
    const user = await t.user('530302', 'leader');
    expect((await t.call(user, 'GET', '/api/v1/auth/me', undefined, { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status).toBe(200);
  });
});
