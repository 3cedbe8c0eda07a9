import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../test/harness.js';
import { loggerOptions } from './logger.js';

/** Everything the app logs, at the most verbose level, with the redaction the server runs with. */
let logs = '';
let t: TestContext;
beforeAll(async () => {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk;
      done();
    },
  });
  t = await startTestApp({ logger: { ...loggerOptions('trace'), stream } });
});
afterAll(() => t.close());

describe('passwords', () => {
  it('never appear in the logs: good and bad sign-ins, malformed bodies, rejected and accepted new users', async () => {
    const admin = await t.user('530000', 'admin');
    const passwords = {
      wrong: 'Wr0ng-Secret-7c1f',
      tooLong: `Long-Secret-${'x'.repeat(300)}`,
      brokenJson: 'Br0ken-Json-Secret-9a2e',
      weak: 'weaksecretonlylower',
      accepted: 'Acc3pted-Secret-5e8c!',
    };
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: admin.username, password: passwords.wrong })).status).toBe(401);
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: 'nobody', password: passwords.wrong })).status).toBe(401);
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: admin.username, password: passwords.tooLong })).status).toBe(400);
    expect((await t.call(null, 'POST', '/api/v1/auth/login', `{"username":"${admin.username}","password":"${passwords.brokenJson}"`)).status).toBe(400);
    const user = { username: 'log.test.user', displayName: '日志测试', regionCode: '530302', roles: ['reporter'] };
    const weak = await t.call(admin, 'POST', '/api/v1/users', { ...user, password: passwords.weak });
    expect(weak.status).toBe(400);
    expect(weak.body.issues[0]).toMatchObject({ field: 'password', rule: 'password.policy' });
    expect((await t.call(admin, 'POST', '/api/v1/users', { ...user, password: passwords.accepted })).status).toBe(201);
    expect((await t.call(null, 'POST', '/api/v1/auth/login', { username: user.username, password: passwords.accepted })).status).toBe(200);
    expect((await t.call(admin, 'POST', '/api/v1/users', { ...user, password: passwords.accepted })).status).toBe(409);

    expect(logs.split('\n').length).toBeGreaterThan(10);
    expect(logs).toContain('/api/v1/auth/login');
    for (const secret of Object.values(passwords)) expect(logs).not.toContain(secret.slice(0, 16));
    expect(logs).not.toMatch(/\$argon2id\$/);
    expect(logs).not.toMatch(/guatu_session=[A-Za-z0-9_-]{20}/);
  });
});
