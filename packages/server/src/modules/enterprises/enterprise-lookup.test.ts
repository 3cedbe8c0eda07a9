import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let reporter: TestUser;
let neighbour: TestUser;
let serial = 0;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
  neighbour = await t.user('530303', 'reporter');
});
afterAll(() => t.close());

/** A valid credit code: a Kunming-registered company with a fresh organisation code. */
function creditCode(): string {
  const body = `91530100MA${String(100000 + ++serial + process.pid).slice(-6)}X`.slice(0, 17);
  return body + creditCodeCheckChar(body)!;
}

const enterprise = (extra: object = {}) => ({ creditCode: creditCode(), name: '云南滇能新材料有限公司', kind: 'newly-introduced', homeProvinceCode: '440000', regionCode: '530302', ...extra });

describe('POST /api/v1/enterprises', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/enterprises', enterprise())).status).toBe(401);
  });
  it('answers 403 when the region is outside the user’s', async () => {
    expect((await t.call(reporter, 'POST', '/api/v1/enterprises', enterprise({ regionCode: '530303' }))).status).toBe(403);
  });
  it('answers 400 to a credit code with a wrong check digit', async () => {
    const good = creditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await t.call(reporter, 'POST', '/api/v1/enterprises', enterprise({ creditCode: bad }));
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'creditCode', rule: 'creditCode.format' });
  });
  it('registers an enterprise once; the same code again answers 409', async () => {
    const body = enterprise();
    const res = await t.call(reporter, 'POST', '/api/v1/enterprises', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ creditCode: body.creditCode, homeProvinceName: '广东省', regionCode: '530302' });
    expect((await t.call(reporter, 'POST', '/api/v1/enterprises', body)).status).toBe(409);
  });
});

describe('GET /api/v1/enterprises and /enterprises/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/enterprises')).status).toBe(401);
    expect((await t.call(null, 'GET', '/api/v1/enterprises/1')).status).toBe(401);
  });
  it("does not show another county's enterprises", async () => {
    const theirs = await t.call(neighbour, 'POST', '/api/v1/enterprises', enterprise({ regionCode: '530303', name: '沾益某企业' }));
    expect((await t.call(reporter, 'GET', `/api/v1/enterprises/${theirs.body.id}`)).status).toBe(404);
    const list = await t.call(reporter, 'GET', '/api/v1/enterprises?q=沾益');
    expect(list.body.total).toBe(0);
  });
  it('answers 400 to bad paging', async () => {
    expect((await t.call(reporter, 'GET', '/api/v1/enterprises?page=0')).status).toBe(400);
  });
  it('finds by name or credit code', async () => {
    const body = enterprise({ name: '曲靖麒麟光伏科技有限公司' });
    const created = await t.call(reporter, 'POST', '/api/v1/enterprises', body);
    expect((await t.call(reporter, 'GET', '/api/v1/enterprises?q=光伏')).body.items.map((e: { id: number }) => e.id)).toContain(created.body.id);
    expect((await t.call(reporter, 'GET', `/api/v1/enterprises?q=${body.creditCode}`)).body.total).toBe(1);
    expect((await t.call(reporter, 'GET', `/api/v1/enterprises/${created.body.id}`)).body.name).toBe('曲靖麒麟光伏科技有限公司');
  });
});
