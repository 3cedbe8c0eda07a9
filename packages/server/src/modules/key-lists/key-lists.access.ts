import { roles, type AccessTable } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';

const managers = roles('reviewer', 'admin');

async function must(w: World, method: 'POST' | 'PATCH', url: string, body: unknown) {
  const res = await w.t.call(w.admin, method, url, body);
  if (res.status >= 300) throw new Error(`fixture ${method} ${url}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A 麒麟区 key list of one project; once published it may carry a revision that added a second
 * project, and `spare` is a project not on it yet.
 */
async function keyList(w: World, status: 'draft' | 'published' | 'revised' = 'draft') {
  const project = await w.project();
  const name = w.marker('矩阵清单');
  let body = await must(w, 'POST', '/api/v1/key-lists', { name, year: 2022, regionCode: '530302', description: w.marker('矩阵说明'), projectIds: [project.id] });
  if (status !== 'draft') body = await must(w, 'POST', `/api/v1/key-lists/${body.id}/publish`, { version: body.version });
  const spare = await w.project();
  if (status === 'revised') body = await must(w, 'POST', `/api/v1/key-lists/${body.id}/revisions`, { version: body.version, reason: w.marker('矩阵调整'), add: [spare.id] });
  return { id: body.id as number, version: body.version as number, name, projectId: project.id, spareId: spare.id };
}

export const access: AccessTable = {
  'GET /api/v1/key-lists': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => keyList(w), request: () => ({}) },
    { label: 'searching for one', scope: 'list', ok: 200, setup: (w) => keyList(w), request: (f) => ({ query: { q: f.name } }) },
  ],
  'POST /api/v1/key-lists': {
    scope: 'region',
    may: managers,
    denies: 'role-first',
    ok: 201,
    setup: (w) => w.project(),
    request: (f) => ({ body: { name: '2022年麒麟区重点项目清单', year: 2022, regionCode: '530302', projectIds: [f.id] } }),
  },
  'GET /api/v1/key-lists/{id}': { scope: 'record', ok: 200, setup: (w) => keyList(w), request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/key-lists/{id}': [
    {
      label: 'a draft’s projects',
      scope: 'record',
      may: managers,
      denies: 'role-first',
      ok: 200,
      setup: (w) => keyList(w),
      request: (f) => ({ params: { id: f.id }, body: { version: f.version, projectIds: [f.projectId, f.spareId] } }),
    },
    {
      label: 'a published list’s name',
      scope: 'record',
      may: managers,
      denies: 'role-first',
      ok: 200,
      setup: (w) => keyList(w, 'published'),
      request: (f) => ({ params: { id: f.id }, body: { version: f.version, name: '2022年麒麟区重点项目清单（修订）' } }),
    },
  ],
  'POST /api/v1/key-lists/{id}/publish': {
    scope: 'record',
    may: managers,
    denies: 'role-first',
    ok: 200,
    setup: (w) => keyList(w),
    request: (f) => ({ params: { id: f.id }, body: { version: f.version } }),
  },
  'GET /api/v1/key-lists/{id}/revisions': { scope: 'record', ok: 200, setup: (w) => keyList(w, 'revised'), request: (f) => ({ params: { id: f.id } }) },
  'POST /api/v1/key-lists/{id}/revisions': [
    {
      label: 'adding',
      scope: 'record',
      may: managers,
      denies: 'role-first',
      ok: 200,
      setup: (w) => keyList(w, 'published'),
      request: (f) => ({ params: { id: f.id }, body: { version: f.version, reason: '项目已纳入省级重点', add: [f.spareId] } }),
    },
    {
      label: 'removing',
      scope: 'record',
      may: managers,
      denies: 'role-first',
      ok: 200,
      setup: (w) => keyList(w, 'published'),
      request: (f) => ({ params: { id: f.id }, body: { version: f.version, reason: '项目终止', remove: [f.projectId] } }),
    },
  ],
};
