import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let province: TestUser;
let qilin: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  province = await t.user('530000', 'leader');
  qilin = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

describe('GET /api/v1/regions', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/regions')).status).toBe(401);
  });

  it("lists Yunnan's 16 prefecture-level units under 530000", async () => {
    const res = await t.call(province, 'GET', '/api/v1/regions?parent=530000');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(16);
    expect(res.body.items.map((r: { code: string }) => r.code)).toContain('532500');
    expect(res.body.items.find((r: { code: string }) => r.code === '532500')).toMatchObject({ name: '红河哈尼族彝族自治州', shortName: '红河', childCount: 16 });
  });

  it('holds all 129 county-level units, and the development zones beside them', async () => {
    const counties = await t.call(province, 'GET', '/api/v1/regions?level=county');
    expect(counties.body.items).toHaveLength(129);
    const zones = await t.call(province, 'GET', '/api/v1/regions?level=zone');
    const honghe = zones.body.items.filter((z: { parentCode: string }) => z.parentCode === '532500');
    expect(honghe.map((z: { name: string }) => z.name)).toEqual(['蒙自经济技术开发区', '红河综合保税区', '中国（云南）自由贸易试验区红河片区']);
    const honghe13 = await t.call(province, 'GET', '/api/v1/regions?parent=532500&level=county');
    expect(honghe13.body.items).toHaveLength(13);
  });

  it("shows a county officer their own county and the regions above it, not their neighbours'", async () => {
    const res = await t.call(qilin, 'GET', '/api/v1/regions?parent=530300');
    expect(res.body.items.map((r: { code: string }) => r.code)).toEqual(['530302']);
    const top = await t.call(qilin, 'GET', '/api/v1/regions?parent=530000');
    expect(top.body.items.map((r: { code: string }) => r.code)).toEqual(['530300']);
  });

  it('answers 400 naming the field for a malformed code', async () => {
    const res = await t.call(province, 'GET', '/api/v1/regions?parent=53', undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'parent', rule: 'format' });
    expect(res.body.message).toBe('parent region (parent) has the wrong format');
  });
});

describe('GET /api/v1/regions/:code', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/regions/530302')).status).toBe(401);
  });
  it('answers 404 for a neighbouring county, the same as for a code that does not exist', async () => {
    expect((await t.call(qilin, 'GET', '/api/v1/regions/530303')).status).toBe(404);
    expect((await t.call(qilin, 'GET', '/api/v1/regions/999999')).status).toBe(404);
  });
  it('answers 400 for a malformed code', async () => {
    expect((await t.call(qilin, 'GET', '/api/v1/regions/abc')).status).toBe(400);
  });
  it('returns one region with its path', async () => {
    const res = await t.call(qilin, 'GET', '/api/v1/regions/530302');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: '530302', name: '麒麟区', level: 'county', path: '530000/530300/530302/' });
  });
});
