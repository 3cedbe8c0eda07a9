import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let reporter: TestUser;
let qujing: TestUser;
let leader: TestUser;
let serial = 100;
const code = (region = '532500') => {
  const first17 = `91${region}MA6K${String(serial++).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const enterprise = (overrides: object = {}) => ({ creditCode: code(), name: '红河华鑫新材料有限公司', kind: 'newly-introduced', homeProvinceCode: '440000', regionCode: '532503', ...overrides });

beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('532500', 'reporter');
  qujing = await t.user('530300', 'reporter');
  leader = await t.user('532500', 'leader');
});
afterAll(() => t.close());

describe('POST /api/v1/enterprises', () => {
  it('answers 401 without a session, 403 outside the region, 400 for a bad check digit or programme', async () => {
    expect((await t.call(null, 'POST', '/api/v1/enterprises', enterprise())).status).toBe(401);
    expect((await t.call(qujing, 'POST', '/api/v1/enterprises', enterprise())).status).toBe(403);
    const valid = code();
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const bad = await t.call(reporter, 'POST', '/api/v1/enterprises', enterprise({ creditCode: wrong, programmes: ['lottery'] }));
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: { field: string; rule: string }) => [i.field, i.rule])).toEqual([
      ['creditCode', 'creditCode.format'],
      ['programmes.0', 'oneOf'],
    ]);
  });
  it('registers an enterprise enrolled in 招商服务进万企, which the engine counts', async () => {
    const res = await t.call(reporter, 'POST', '/api/v1/enterprises', enterprise({ programmes: ['enterprise-visits'] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'newly-introduced', homeProvinceName: '广东省', programmes: ['enterprise-visits'], version: 1 });
    await t.call(reporter, 'POST', '/api/v1/enterprises', enterprise({ kind: 'target' }));
    const stats = await t.call(leader, 'POST', '/api/v1/stats', { subject: 'enterprises', filter: { region: '532500' }, measures: ['count'], groupBy: ['enterpriseKind'] });
    expect(stats.body.rows.map((r: { enterpriseKind: string; labels: { enterpriseKind: string }; count: number }) => [r.enterpriseKind, r.labels.enterpriseKind, r.count])).toEqual([
      ['newly-introduced', '新引进企业', 1],
      ['target', '招商目标企业', 1],
    ]);
    const enrolled = await t.call(leader, 'POST', '/api/v1/stats', { subject: 'enterprises', filter: { programmes: ['enterprise-visits'] }, measures: ['count'] });
    expect(enrolled.body.total.count).toBe(1);
  });
});

describe('GET and PATCH /api/v1/enterprises', () => {
  it('filters by kind and programme, and enrols an enterprise against the version read', async () => {
    const created = await t.call(reporter, 'POST', '/api/v1/enterprises', enterprise({ kind: 'chamber-of-commerce' }));
    const url = `/api/v1/enterprises/${created.body.id}`;
    expect((await t.call(null, 'PATCH', url, { version: 1, programmes: ['enterprise-visits'] })).status).toBe(401);
    expect((await t.call(qujing, 'PATCH', url, { version: 1, programmes: ['enterprise-visits'] })).status).toBe(404);
    expect((await t.call(reporter, 'PATCH', url, { version: 1, kind: 'pirate' })).status).toBe(400);
    const ok = await t.call(reporter, 'PATCH', url, { version: 1, programmes: ['enterprise-visits'] });
    expect(ok.body).toMatchObject({ version: 2, programmes: ['enterprise-visits'], kind: 'chamber-of-commerce' });
    expect((await t.call(reporter, 'PATCH', url, { version: 1, name: '旧版本' })).status).toBe(409);
    const list = await t.call(leader, 'GET', '/api/v1/enterprises?kinds=chamber-of-commerce&programme=enterprise-visits');
    expect(list.body.items.map((e: { id: number }) => e.id)).toEqual([created.body.id]);
    expect((await t.call(leader, 'GET', '/api/v1/enterprises?programme=golf')).status).toBe(400);
  });
});
