import { roles, type AccessTable } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';

/** Visits are recorded by the officers who make them (may.recordVisits). */
const visitors = roles('reporter', 'reviewer', 'admin');
/** A demand turned into a problem is a problem raised (may.raiseProblems). */
const raisers = roles('reporter', 'reviewer', 'admin', 'leader');

/** A visit to a 麒麟区 enterprise that raised one demand. */
async function visit(w: World) {
  const enterprise = await w.enterprise();
  const res = await w.t.call(w.owner, 'POST', `/api/v1/enterprises/${enterprise.id}/visits`, {
    visitedOn: '2022-02-10',
    visitors: ['张伟'],
    summary: w.marker('矩阵走访'),
    demands: [{ content: w.marker('矩阵诉求') }],
  });
  if (res.status !== 201) throw new Error(`fixture visit: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, version: res.body.version as number, enterpriseId: enterprise.id, demandId: res.body.demands[0].id as number };
}

export const access: AccessTable = {
  'GET /api/v1/visits': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: visit, request: () => ({}) },
    { label: 'of one enterprise', scope: 'list', ok: 200, setup: visit, request: (f) => ({ query: { enterpriseId: String(f.enterpriseId) } }) },
  ],
  'POST /api/v1/enterprises/{id}/visits': {
    scope: 'record',
    may: visitors,
    denies: 'role-first',
    ok: 201,
    setup: (w) => w.enterprise(),
    request: (f) => ({ params: { id: f.id }, body: { visitedOn: '2022-03-01', visitors: ['李娜', '王强'], demands: [{ content: '希望协调解决用电增容' }] } }),
  },
  'GET /api/v1/visits/{id}': { scope: 'record', ok: 200, setup: visit, request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/visits/{id}': {
    scope: 'record',
    may: visitors,
    denies: 'role-first',
    ok: 200,
    setup: visit,
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, addDemands: [{ content: '希望开通货运班线' }] } }),
  },
  'POST /api/v1/visits/{id}/demands/{demandId}/problem': {
    scope: 'record',
    may: raisers,
    denies: 'role-first',
    ok: 201,
    setup: visit,
    request: (f) => ({ params: { id: f.id, demandId: f.demandId }, body: { responsibleUnit: '麒麟区供电局', dueOn: '2022-04-30' } }),
  },
};
