import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { startTestApp, TEST_PASSWORD, type TestContext } from '../../test/harness.js';
import { users } from '../../db/schema/index.js';
import { LOCK_AFTER_FAILURES } from './login.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ loginRateLimit: 3 });
});
afterAll(() => t.close());

const login = (username: string, password: string, from: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: from,
    headers: { 'content-type': 'application/json', 'accept-language': 'en', ...headers },
    payload: JSON.stringify({ username, password }),
  });

describe('sign-in rate limit', () => {
  it('answers 429 with a message once an address has used its attempts for the minute', async () => {
    const user = await t.user('530302', 'leader');
    for (let i = 0; i < 3; i++) expect((await login(user.username, 'Wrong-password-1', '203.0.113.7')).statusCode).toBe(401);
    const limited = await login(user.username, TEST_PASSWORD, '203.0.113.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ statusCode: 429, message: 'Too many requests; try again later' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await login(user.username, TEST_PASSWORD, '203.0.113.8')).statusCode).toBe(200);
  });

  it('cannot be dodged with a made-up X-Forwarded-For from a client that is not a trusted proxy', async () => {
    const user = await t.user('530302', 'leader');
    for (let i = 0; i < 3; i++) await login(user.username, 'Wrong-password-1', '198.51.100.9', { 'x-forwarded-for': `10.0.0.${i}` });
    expect((await login(user.username, TEST_PASSWORD, '198.51.100.9', { 'x-forwarded-for': '10.0.0.99' })).statusCode).toBe(429);
  });

  it('counts per client behind a trusted proxy on the same host', async () => {
    const user = await t.user('530302', 'leader');
    for (let i = 0; i < 3; i++) await login(user.username, 'Wrong-password-1', '127.0.0.1', { 'x-forwarded-for': '192.0.2.50' });
    expect((await login(user.username, TEST_PASSWORD, '127.0.0.1', { 'x-forwarded-for': '192.0.2.50' })).statusCode).toBe(429);
    expect((await login(user.username, TEST_PASSWORD, '127.0.0.1', { 'x-forwarded-for': '192.0.2.51' })).statusCode).toBe(200);
  });
});

describe('account lockout', () => {
  let n = 0;
  const from = () => `192.0.2.${100 + (n++ % 100)}`;

  it(`locks after ${LOCK_AFTER_FAILURES} failures in a row, even with the right password, and says until when`, async () => {
    const user = await t.user('530302', 'reporter');
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) expect((await login(user.username, 'Wrong-password-1', from())).statusCode).toBe(401);
    const locked = await login(user.username, 'Wrong-password-1', from());
    expect(locked.statusCode).toBe(423);
    expect(locked.json().message).toMatch(/is locked after 5 failed sign-ins until .+; try later or ask an administrator to unlock it/);
    expect((await login(user.username, TEST_PASSWORD, from())).statusCode).toBe(423);
  });

  it('counts failures in a row only: a good sign-in starts the count again', async () => {
    const user = await t.user('530302', 'reporter');
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) await login(user.username, 'Wrong-password-1', from());
    expect((await login(user.username, TEST_PASSWORD, from())).statusCode).toBe(200);
    expect((await login(user.username, 'Wrong-password-1', from())).statusCode).toBe(401);
  });

  it('ends by itself when the lock time has passed', async () => {
    const user = await t.user('530302', 'reporter');
    await t.database.db.update(users).set({ failedLogins: LOCK_AFTER_FAILURES, lockedUntil: sql`now() - interval '1 second'` }).where(eq(users.id, user.id));
    expect((await login(user.username, TEST_PASSWORD, from())).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, user.id));
    expect(row).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it('is lifted by an administrator of the user’s region, and by no one else', async () => {
    const user = await t.user('530302', 'reporter');
    await t.database.db.update(users).set({ failedLogins: LOCK_AFTER_FAILURES, lockedUntil: sql`now() + interval '15 minutes'` }).where(eq(users.id, user.id));
    const url = `/api/v1/users/${user.id}/unlock`;
    expect((await t.call(await t.user('530302', 'reviewer'), 'POST', url)).status).toBe(403);
    expect((await t.call(await t.user('532500', 'admin'), 'POST', url)).status).toBe(404);
    expect((await t.call(await t.user('530303', 'admin'), 'POST', url)).status).toBe(404);
    const admin = await t.user('530000', 'admin');
    const unlocked = await t.call(admin, 'POST', url);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ locked: false, lockedUntil: null });
    const [event] = (await t.call(admin, 'GET', `/api/v1/history/user/${user.id}`)).body.items;
    expect(event).toMatchObject({ action: 'user.unlock', actor: { username: admin.username } });
    expect(event.changes).toEqual(expect.arrayContaining([{ field: 'failedLogins', before: LOCK_AFTER_FAILURES, after: 0 }, { field: 'lockedUntil', before: expect.any(String), after: null }]));
    expect((await login(user.username, TEST_PASSWORD, from())).statusCode).toBe(200);
  });
});
