import { roles, type AccessTable } from '../../test/access/types.js';

export const access: AccessTable = {
  'GET /api/v1/enterprises': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => w.enterprise(), request: () => ({}) },
    { label: 'searching for one', scope: 'list', ok: 200, setup: (w) => w.enterprise(), request: (f) => ({ query: { q: f.name } }) },
  ],
  'POST /api/v1/enterprises': {
    scope: 'region',
    may: roles('reporter', 'admin'),
    denies: 'role-first',
    ok: 201,
    setup: async (w) => ({ creditCode: w.creditCode(), name: w.fresh('新引进企业') }),
    request: (f) => ({ body: { creditCode: f.creditCode, name: f.name, regionCode: '530302' } }),
  },
  'GET /api/v1/enterprises/{id}': { scope: 'record', ok: 200, setup: (w) => w.enterprise(), request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/enterprises/{id}': {
    scope: 'record',
    may: roles('reporter', 'admin'),
    denies: 'role-first',
    ok: 200,
    setup: async (w) => ({ ...(await w.enterprise()), version: 1 }),
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, kind: 'target', programmes: ['enterprise-visits'] } }),
  },
};
