import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Method, type TestContext, type TestUser } from '../test/harness.js';
import { createProjectVia, projectInput } from '../test/fixtures.js';

/**
 * A reporter of 沾益区 (530303) against every route of the API, aimed at the records of 麒麟区
 * (530302). The routes come from the OpenAPI document, so a new route is covered the day it is
 * added: its path parameter must be one this test knows how to fill, or the test fails.
 */
let t: TestContext;
let owner: TestUser;
let intruder: TestUser;
const targets: Record<string, string> = {};
let secret: { code: string; name: string };

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.user('530302', 'reporter');
  intruder = await t.user('530303', ['reporter', 'reviewer', 'admin', 'leader', 'press']);
  const project = await createProjectVia(t, owner, { name: '麒麟区保密测试项目甲' });
  secret = { code: project.code, name: '麒麟区保密测试项目甲' };
  const report = await t.call(owner, 'POST', `/api/v1/projects/${project.id}/reports`, { period: '2022-01', completedInvestment: '1' });
  const problem = await t.call(owner, 'POST', `/api/v1/projects/${project.id}/problems`, { title: '麒麟区保密问题' });
  const enterpriseBody = { creditCode: '91350100M000100Y43', name: '麒麟区保密企业', regionCode: '530302' };
  const admin = await t.user('530302', 'admin');
  const enterprise = await t.call(admin, 'POST', '/api/v1/enterprises', enterpriseBody);
  targets.project = String(project.id);
  targets.report = String(report.body.id);
  targets.problem = String(problem.body.id);
  targets.enterprise = String(enterprise.body.id);
  targets.user = String(owner.id);
  targets.region = '530302';
});
afterAll(() => t.close());

/** Which record a path's parameter names, by the path's first segment. */
function fill(path: string): string {
  const resource: Record<string, string> = { projects: 'project', reports: 'report', problems: 'problem', enterprises: 'enterprise', users: 'user', regions: 'region' };
  const first = path.split('/')[3]!;
  return path.replace(/\{(\w+)\}/g, () => {
    const kind = resource[first];
    if (!kind || !targets[kind]) throw new Error(`no record to aim ${path} at: teach county-isolation.test.ts about "${first}"`);
    return targets[kind]!;
  });
}

/** A body that would be accepted if the record were the intruder's own. */
const BODY: Record<string, unknown> = {
  '/api/v1/projects': projectInput({ regionCode: '530302' }),
  '/api/v1/enterprises': { creditCode: '91350100M000100Y43', name: '冒名企业', regionCode: '530302' },
  '/api/v1/users': { username: 'intruder.user', displayName: '冒名', regionCode: '530302', roles: ['admin'], password: 'Intruder-2022!' },
  '/api/v1/projects/{id}': { version: 1, name: '被篡改的项目名称' },
  '/api/v1/projects/{id}/transitions': { to: 'suspended' },
  '/api/v1/projects/{id}/reports': { period: '2022-02', completedInvestment: '1' },
  '/api/v1/projects/{id}/problems': { title: '冒名提出的问题' },
  '/api/v1/reports/{id}': { version: 1, completedInvestment: '999' },
  '/api/v1/reports/bulk-approve': { ids: [] },
  '/api/v1/problems/{id}': { version: 1, title: '被篡改的问题' },
};
const actionBody = { comment: '冒名', resolution: '冒名', decision: '冒名', meeting: { title: '冒名会议', heldOn: '2022-01-01' } };

describe('a reporter of another county', () => {
  it('cannot read or change any record of 麒麟区 through any route', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).body;
    let cases = 0;
    for (const [path, ops] of Object.entries<Record<string, { requestBody?: any }>>(spec.paths)) {
      if (!path.startsWith('/api/v1/') || path.startsWith('/api/v1/auth/')) continue;
      for (const [verb, op] of Object.entries(ops)) {
        const method = verb.toUpperCase() as Method;
        const url = fill(path);
        const takesBody = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}).length > 0;
        let body = BODY[path] ?? (takesBody ? actionBody : undefined);
        if (path === '/api/v1/reports/bulk-approve') body = { ids: [Number(targets.report)] };
        const res = await t.call(intruder, method, url, body);
        cases++;
        const where = `${method} ${path} → ${res.status}`;
        expect(res.status, where).toBeLessThan(500);
        if (path.includes('{')) expect([403, 404], where).toContain(res.status);
        else if (method !== 'GET') expect([403, 404], where).toContain(res.status);
        const text = JSON.stringify(res.body ?? '');
        expect(text.includes(secret.code) || text.includes(secret.name) || text.includes('麒麟区保密'), `${where} leaks a 麒麟区 record`).toBe(false);
      }
    }
    expect(cases).toBeGreaterThan(30);
    // And nothing changed.
    const project = await t.call(owner, 'GET', `/api/v1/projects/${targets.project}`);
    expect(project.body).toMatchObject({ name: secret.name, stage: 'construction', version: 1 });
    expect((await t.call(owner, 'GET', `/api/v1/reports/${targets.report}`)).body).toMatchObject({ status: 'draft', completedInvestment: '1', version: 1 });
    expect((await t.call(owner, 'GET', `/api/v1/problems/${targets.problem}`)).body).toMatchObject({ status: 'open', version: 1 });
  });
});
