import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../test/harness.js';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/health', () => {
  it('reports the database reachable, without a session', async () => {
    const res = await t.call(null, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { kind: t.kind, reachable: true } });
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route from its schemas', async () => {
    const res = await t.call(null, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/projects', '/api/v1/projects/{id}/transitions', '/api/v1/reports/{id}/approve']));
    const create = res.body.paths['/api/v1/projects'].post;
    expect(create.requestBody.content['application/json'].schema.properties.totalInvestment.type).toBe('string');
  });

  it('serves a browsable page at /api/docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });
});

describe('unknown API routes', () => {
  it('answer 404 in JSON', async () => {
    const res = await t.call(null, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(401);
    const signedIn = await t.user('530000', 'leader');
    expect((await t.call(signedIn, 'GET', '/api/v1/nothing-here')).status).toBe(404);
  });
});
