import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let user: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  user = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

describe.each(['/api/v1/categories', '/api/v1/provinces', '/api/v1/code-lists'])('GET %s', (url) => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', url)).status).toBe(401);
  });
  it('answers 400 to a parameter it does not take', async () => {
    expect((await t.call(user, 'GET', `${url}?region=530303`)).status).toBe(400);
  });
  it('is the same for every region: reference data, not records', async () => {
    const res = await t.call(user, 'GET', url);
    expect(res.status).toBe(200);
  });
});

describe('code lists', () => {
  it("holds the brief's category tree", async () => {
    const res = await t.call(user, 'GET', '/api/v1/categories');
    const byCode = Object.fromEntries(res.body.items.map((c: { code: string }) => [c.code, c]));
    expect(byCode['energy-industry']).toMatchObject({ parentCode: 'industry', nameZh: '能源工业', path: 'industry/energy-industry/' });
    for (const code of ['industry', 'infrastructure', 'urban-renewal', 'social', 'rural-revitalization', 'old-communities', 'shantytowns', 'urban-villages', 'old-factories', 'old-blocks']) {
      expect(byCode[code]).toBeDefined();
    }
  });
  it('lists the provinces investors come from, including Hong Kong, Macao and Taiwan', async () => {
    const res = await t.call(user, 'GET', '/api/v1/provinces');
    expect(res.body.items).toHaveLength(34);
    expect(res.body.items.find((p: { code: string }) => p.code === '530000').name).toBe('云南省');
  });
  it('lists stages, kinds, levels, fund sources and attribute keys', async () => {
    const res = await t.call(user, 'GET', '/api/v1/code-lists');
    expect(res.body.fundSources).toEqual(['outOfProvince', 'inProvince', 'foreign', 'centralBudget', 'specialBonds', 'bankLoans', 'selfRaised']);
    expect(res.body.attributes.capacityKw.unit).toBe('kW');
  });
});
