import { roles, type AccessTable } from '../../test/access/types.js';
import { projectCode, projectInput } from '../../test/fixtures.js';

const editors = roles('reporter', 'admin');

export const access: AccessTable = {
  'GET /api/v1/projects': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => w.project(), request: () => ({}) },
    { label: 'searching for one', scope: 'list', ok: 200, setup: (w) => w.project(), request: (f) => ({ query: { q: f.code } }) },
  ],
  'POST /api/v1/projects': {
    scope: 'region',
    may: editors,
    denies: 'role-first',
    ok: 201,
    setup: async (w) => ({ input: projectInput({ name: w.fresh('新录入项目'), code: projectCode('530302') }) }),
    request: (f) => ({ body: f.input }),
  },
  'GET /api/v1/projects/{id}': { scope: 'record', ok: 200, setup: (w) => w.project(), request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/projects/{id}': {
    scope: 'record',
    may: editors,
    denies: 'role-first',
    ok: 200,
    setup: (w) => w.project(),
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, workingTeam: '市发改委、麒麟区政府' } }),
  },
  'POST /api/v1/projects/{id}/transitions': {
    scope: 'record',
    may: editors,
    denies: 'role-first',
    ok: 200,
    setup: (w) => w.project(),
    request: (f) => ({ params: { id: f.id }, body: { to: 'suspended', note: '资金未到位', version: f.version } }),
  },
  'GET /api/v1/projects/points': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => w.project(), request: () => ({}) },
    { label: 'searching for one', scope: 'list', ok: 200, setup: (w) => w.project(), request: (f) => ({ query: { q: f.code } }) },
  ],
  // A search that reads: it sends its filter as JSON, and writes nothing.
  'POST /api/v1/projects/search': [
    { label: 'searching for one', scope: 'list', readOnly: true, ok: 200, setup: (w) => w.project(), request: (f) => ({ body: { filter: { q: f.code } } }) },
    { label: 'naming its region', scope: 'list', readOnly: true, ok: 200, setup: (w) => w.project(), request: (f) => ({ body: { filter: { region: '530302', ids: [f.id] } } }) },
  ],
  'GET /api/v1/projects/{id}/stage-history': { scope: 'record', ok: 200, shows: false, setup: (w) => w.project(), request: (f) => ({ params: { id: f.id } }) },
};
