import { roles, type AccessTable } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';

const managers = roles('reviewer', 'admin');

/** A 麒麟区 包保 group covering the county itself. */
async function group(w: World) {
  const name = w.marker('矩阵包保组');
  const res = await w.t.call(w.admin, 'POST', '/api/v1/accountability-groups', {
    name,
    regionCode: '530302',
    leader: { name: w.marker('矩阵组长'), title: '区委副书记' },
    members: [{ name: w.marker('矩阵成员'), unit: '区发改局' }],
    coveredRegions: ['530302'],
  });
  if (res.status !== 201) throw new Error(`fixture group: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, version: res.body.version as number };
}

export const access: AccessTable = {
  'GET /api/v1/accountability-groups': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: group, request: () => ({}) },
    // Groups have no name search; a whole page of 麒麟区's shows the new one.
    { label: 'of one region', scope: 'list', ok: 200, setup: group, request: () => ({ query: { region: '530302', pageSize: '500' } }) },
  ],
  'POST /api/v1/accountability-groups': {
    scope: 'region',
    may: managers,
    denies: 'role-first',
    ok: 201,
    request: () => ({ body: { name: '麒麟区重大项目包保组', regionCode: '530302', leader: { name: '王组长' }, members: [], coveredRegions: ['530302'] } }),
  },
  'GET /api/v1/accountability-groups/{id}': { scope: 'record', ok: 200, setup: group, request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/accountability-groups/{id}': {
    scope: 'record',
    may: managers,
    denies: 'role-first',
    ok: 200,
    setup: group,
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, members: [{ name: '赵成员', title: '副局长', unit: '区工信局' }] } }),
  },
};
