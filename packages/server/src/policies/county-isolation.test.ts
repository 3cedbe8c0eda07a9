import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '@guatu/core';
import { startTestApp, type Method, type TestContext, type TestUser } from '../test/harness.js';
import { createProjectVia, projectInput } from '../test/fixtures.js';

/**
 * A user of 沾益区 (530303) holding every role, against every route of the API, aimed at the
 * records of 麒麟区 (530302) with requests that would succeed on their own records. The routes come
 * from the OpenAPI document, so a new route is covered the day it is added: the test fails until
 * it knows how to aim at that route.
 */
let t: TestContext;
let owner: TestUser;
let intruder: TestUser;
const ids: Record<string, number> = {};
const SECRET = '麒麟区保密';

const credit = (n: number) => {
  const first17 = `91530302MA6K${String(n).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

async function must(res: Promise<{ status: number; body: any }>, status = 201) {
  const r = await res;
  if (r.status !== status) throw new Error(`setup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.user('530302', ['reporter', 'admin']);
  intruder = await t.user('530303', ['reporter', 'reviewer', 'admin', 'leader', 'press']);
  const project = await createProjectVia(t, owner, { name: `${SECRET}项目甲` });
  ids.project = project.id;
  ids.report = (await must(t.call(owner, 'POST', `/api/v1/projects/${project.id}/reports`, { period: '2022-01', completedInvestment: '1' }))).id;
  ids.problem = (await must(t.call(owner, 'POST', `/api/v1/projects/${project.id}/problems`, { title: `${SECRET}问题` }))).id;
  ids.enterprise = (await must(t.call(owner, 'POST', '/api/v1/enterprises', { creditCode: credit(1), name: `${SECRET}企业`, regionCode: '530302' }))).id;
  ids.user = owner.id;
  ids.milestone = (await must(t.call(owner, 'POST', `/api/v1/projects/${project.id}/milestones`, { kind: 'land', plannedOn: '2022-01-31' }))).id;
  ids.batch = (await must(t.call(owner, 'POST', '/api/v1/batches', { name: `${SECRET}集中开工`, regionCode: '530302', heldOn: '2022-02-25', projectIds: [project.id] }))).id;
  ids.keyList = (await must(t.call(owner, 'POST', '/api/v1/key-lists', { name: `${SECRET}重点清单`, year: 2022, regionCode: '530302', projectIds: [project.id] }))).id;
  ids.group = (await must(t.call(owner, 'POST', '/api/v1/accountability-groups', { name: `${SECRET}包保组`, regionCode: '530302', leader: { name: '李组长' }, members: [], coveredRegions: ['530302'] }))).id;
  const visit = await must(t.call(owner, 'POST', `/api/v1/enterprises/${ids.enterprise}/visits`, { visitedOn: '2022-02-10', visitors: ['张三'], summary: `${SECRET}走访`, demands: [{ content: `${SECRET}诉求` }] }));
  ids.visit = visit.id;
  ids.demand = visit.demands?.[0]?.id ?? 0;
  // A package that would record a new project in 麒麟区.
  const exported = (await t.call(owner, 'GET', '/api/v1/oc4ids/package')).body;
  pkg = { ...exported, projects: exported.projects.slice(0, 1).map((p: any) => ({ ...p, id: 'oc4ids-isolation-1', title: '冒名导入的项目', identifiers: [{ id: 'X-1', scheme: 'internal' }] })) };
  ids.bulletinTemplate = (await must(t.call(owner, 'POST', '/api/v1/bulletin-templates', templateInput('530302', `${SECRET}开工情况`)))).id;
  ids.bulletin = (await must(t.call(owner, 'POST', '/api/v1/bulletins', { templateId: ids.bulletinTemplate, regionCode: '530302', period: '2022-Q1' }))).id;
});
let pkg: unknown;

/** A bulletin template of one figure: the region's projects started in the period. */
function templateInput(regionCode: string, name: string) {
  return {
    code: 'starts',
    name,
    regionCode,
    body: {
      title: `${name}{{started}}个`,
      paragraphs: [{ text: `${SECRET}{{region}}{{periodFull}}开工项目{{started}}个。` }],
      figures: { started: { label: '开工项目数', filter: { region: '${region}', startedFrom: '${from}', startedTo: '${to}' }, measure: 'count', format: 'count' } },
    },
  };
}
afterAll(() => t.close());

/** Fills a path's parameters with the owner's records. */
function fill(path: string): string {
  const byResource: Record<string, string> = {
    projects: 'project',
    reports: 'report',
    problems: 'problem',
    enterprises: 'enterprise',
    users: 'user',
    batches: 'batch',
    'key-lists': 'keyList',
    'accountability-groups': 'group',
    visits: 'visit',
    'bulletin-templates': 'bulletinTemplate',
    bulletins: 'bulletin',
  };
  const first = path.split('/')[3]!;
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (name === 'code') return '530302';
    if (name === 'kind') return 'projects';
    if (name === 'entity') return 'project';
    if (first === 'history' && name === 'id') return String(ids.project);
    if (name === 'key') return 'started';
    const kind = name === 'id' ? byResource[first] : name.replace(/Id$/, '');
    const id = kind ? ids[kind] : undefined;
    if (!id) throw new Error(`no record to aim ${path} at: teach county-isolation.test.ts about "${name}" in "${first}"`);
    return String(id);
  });
}

/** Bodies that would succeed on the intruder's own records. Keyed by "METHOD path". */
const BODY: Record<string, () => unknown> = {
  'POST /api/v1/projects': () => projectInput({ regionCode: '530302' }),
  'POST /api/v1/projects/search': () => ({ filter: { region: '530302' }, pageSize: 500 }),
  'PATCH /api/v1/projects/{id}': () => ({ version: 1, name: '被篡改的项目名称' }),
  'POST /api/v1/projects/{id}/transitions': () => ({ to: 'suspended' }),
  'POST /api/v1/projects/{id}/reports': () => ({ period: '2022-02', completedInvestment: '1' }),
  'POST /api/v1/projects/{id}/problems': () => ({ title: '冒名提出的问题' }),
  'POST /api/v1/projects/{id}/milestones': () => ({ kind: 'environmental-assessment', plannedOn: '2022-03-01' }),
  'PATCH /api/v1/projects/{id}/milestones/{milestoneId}': () => ({ version: 1, actualOn: '2022-01-15' }),
  'PATCH /api/v1/reports/{id}': () => ({ version: 1, completedInvestment: '999' }),
  'POST /api/v1/reports/bulk-approve': () => ({ ids: [ids.report] }),
  'PATCH /api/v1/problems/{id}': () => ({ version: 1, title: '被篡改的问题' }),
  'POST /api/v1/problems/{id}/resolve': () => ({ resolution: '冒名办结' }),
  'POST /api/v1/problems/{id}/reject': () => ({ comment: '冒名' }),
  'POST /api/v1/problems/{id}/escalate': () => ({ meeting: { title: '冒名会议', heldOn: '2022-01-01' } }),
  'POST /api/v1/problems/{id}/decide': () => ({ decision: '冒名决定' }),
  'POST /api/v1/reports/{id}/return': () => ({ comment: '冒名' }),
  'POST /api/v1/reports/{id}/reopen': () => ({ comment: '冒名' }),
  'POST /api/v1/enterprises': () => ({ creditCode: credit(2), name: '冒名企业', regionCode: '530302' }),
  'PATCH /api/v1/enterprises/{id}': () => ({ version: 1, name: '被篡改的企业' }),
  'POST /api/v1/enterprises/{id}/visits': () => ({ visitedOn: '2022-02-11', visitors: ['冒名'], demands: [] }),
  'PATCH /api/v1/visits/{id}': () => ({ version: 1, summary: '被篡改的走访' }),
  'POST /api/v1/visits/{id}/demands/{demandId}/problem': () => ({ title: '冒名转办的问题' }),
  'POST /api/v1/users': () => ({ username: 'intruder.user', displayName: '冒名', regionCode: '530302', roles: ['admin'], password: 'Intruder-2022!' }),
  'POST /api/v1/stats': () => ({ filter: { region: '530302' }, measures: ['count', 'totalInvestment'], groupBy: ['stage'], drill: true }),
  'POST /api/v1/exports/stats': () => ({ filter: { region: '530302' }, measures: ['count', 'totalInvestment'], groupBy: ['stage'], format: 'csv' }),
  'POST /api/v1/batches': () => ({ name: '冒名批次', regionCode: '530302', heldOn: '2022-02-25', projectIds: [ids.project] }),
  'PATCH /api/v1/batches/{id}': () => ({ version: 1, name: '被篡改的批次' }),
  'POST /api/v1/key-lists': () => ({ name: '冒名清单', year: 2022, regionCode: '530302', projectIds: [ids.project] }),
  'PATCH /api/v1/key-lists/{id}': () => ({ version: 1, name: '被篡改的清单' }),
  'POST /api/v1/key-lists/{id}/publish': () => ({ version: 1 }),
  'POST /api/v1/key-lists/{id}/revisions': () => ({ version: 1, reason: '冒名', add: [], remove: [ids.project] }),
  'POST /api/v1/accountability-groups': () => ({ name: '冒名包保组', regionCode: '530302', leader: { name: '冒名' }, members: [], coveredRegions: ['530302'] }),
  'PATCH /api/v1/accountability-groups/{id}': () => ({ version: 1, name: '被篡改的包保组' }),
  'PUT /api/v1/warning-thresholds': () => ({ regionCode: '530302', yellow: 1, red: 2 }),
  'POST /api/v1/oc4ids/import': () => pkg,
  'POST /api/v1/bulletin-templates': () => templateInput('530302', '冒名模板'),
  'PATCH /api/v1/bulletin-templates/{id}': () => ({ version: 1, name: '被篡改的模板' }),
  'POST /api/v1/bulletins': () => ({ templateId: ids.bulletinTemplate, regionCode: '530302', period: '2022-Q1' }),
  'POST /api/v1/bulletins/check': () => ({ text: '麒麟区一季度开工项目1个，总投资12亿元。' }),
};

/** Routes that answer with the intruder's own data (lists, statistics): they must answer, but without 麒麟区 in them. */
const OWN_DATA =
  /^GET \/api\/v1\/[a-z-]+$|^GET \/api\/v1\/(stats\/vocabulary|warning-thresholds|exchange\/templates\/\{kind\}|exports\/projects|oc4ids\/package|projects\/points|reports\/worklist|milestones\/overdue)$|^POST \/api\/v1\/(stats|exports\/stats|projects\/search|bulletins\/check)$/;

/** Imports answer with a result that says nothing was committed; uploads are multipart (their own tests cover workbooks). */
const IMPORTS = /^POST \/api\/v1\/(imports|imports\/annotated|oc4ids\/import)$/;

describe('a user of another county, with every role', () => {
  it('can neither read nor change any record of 麒麟区 through any route', async () => {
    const spec = (await t.call(null, 'GET', '/api/openapi.json')).body;
    let cases = 0;
    for (const [path, ops] of Object.entries<Record<string, { requestBody?: any }>>(spec.paths)) {
      if (!path.startsWith('/api/v1/') || path.startsWith('/api/v1/auth/')) continue;
      for (const [verb, op] of Object.entries(ops)) {
        const method = verb.toUpperCase() as Method;
        const key = `${method} ${path}`;
        const takesBody = Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}).length > 0;
        if (takesBody && !BODY[key] && !/\/(accept|submit|approve|confirm)$/.test(path)) throw new Error(`teach county-isolation.test.ts a body for ${key}`);
        const query = method === 'GET' && !path.includes('{') && !/code-lists|categories|provinces|vocabulary/.test(path) ? regionQuery(path) : '';
        const res = await t.call(intruder, method, fill(path) + query, BODY[key]?.());
        cases++;
        const where = `${key} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        expect(res.status, where).toBeLessThan(500);
        if (OWN_DATA.test(key)) expect(res.status, where).toBe(200);
        else if (IMPORTS.test(key)) expect(res.status === 200 ? res.body.committed : false, where).toBe(false);
        else expect([403, 404], where).toContain(res.status);
        const text = JSON.stringify(res.body ?? '');
        expect(text.includes(SECRET), `${where} leaks a 麒麟区 record`).toBe(false);
        expect(new RegExp(`"ids":\\[[^\\]]*\\b${ids.project}\\b`).test(text), `${where} leaks a 麒麟区 project id`).toBe(false);
      }
    }
    expect(cases).toBeGreaterThan(60);
    const project = await t.call(owner, 'GET', `/api/v1/projects/${ids.project}`);
    expect(project.body).toMatchObject({ name: `${SECRET}项目甲`, stage: 'construction', version: 1 });
    expect((await t.call(owner, 'GET', `/api/v1/reports/${ids.report}`)).body).toMatchObject({ status: 'draft', completedInvestment: '1', version: 1 });
    expect((await t.call(owner, 'GET', `/api/v1/problems/${ids.problem}`)).body).toMatchObject({ status: 'open', version: 1 });
    expect((await t.call(owner, 'GET', `/api/v1/enterprises/${ids.enterprise}`)).body).toMatchObject({ version: 1 });
  });
});

/** List routes are asked for 麒麟区 by name where they take a region. */
function regionQuery(path: string): string {
  if (path.endsWith('/exports/projects')) return '?format=csv&region=530302';
  return /\/(projects|reports|problems|enterprises|batches|key-lists|accountability-groups|visits|bulletins|points|worklist|overdue)$/.test(path) ? '?region=530302' : '';
}
