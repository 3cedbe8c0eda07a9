import { roles, type AccessTable } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';

/** Batches, key lists and 包保 groups are set up by schedulers and administrators (may.manageProgrammes). */
const managers = roles('reviewer', 'admin');

/** A concentrated start in 麒麟区 with one project of its own, recorded by the county administrator. */
async function batch(w: World) {
  const project = await w.project();
  const name = w.marker('矩阵批次');
  const res = await w.t.call(w.admin, 'POST', '/api/v1/batches', { name, regionCode: '530302', heldOn: '2022-02-25', place: w.marker('矩阵地点'), projectIds: [project.id] });
  if (res.status !== 201) throw new Error(`fixture batch: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, version: res.body.version as number, name, projectId: project.id };
}

export const access: AccessTable = {
  'GET /api/v1/batches': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: batch, request: () => ({}) },
    { label: 'searching for one', scope: 'list', ok: 200, setup: batch, request: (f) => ({ query: { q: f.name } }) },
  ],
  'POST /api/v1/batches': {
    scope: 'region',
    may: managers,
    denies: 'role-first',
    ok: 201,
    setup: (w) => w.project(),
    request: (f) => ({ body: { name: '2022年一季度集中开工', regionCode: '530302', heldOn: '2022-03-28', projectIds: [f.id] } }),
  },
  'GET /api/v1/batches/{id}': { scope: 'record', ok: 200, setup: batch, request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/batches/{id}': [
    {
      label: 'its place',
      scope: 'record',
      may: managers,
      denies: 'role-first',
      ok: 200,
      setup: batch,
      request: (f) => ({ params: { id: f.id }, body: { version: f.version, place: '麒麟区经济开发区' } }),
    },
    {
      label: 'its projects',
      scope: 'record',
      may: managers,
      denies: 'role-first',
      ok: 200,
      setup: async (w) => ({ ...(await batch(w)), other: (await w.project()).id }),
      request: (f) => ({ params: { id: f.id }, body: { version: f.version, projectIds: [f.projectId, f.other] } }),
    },
  ],
};
