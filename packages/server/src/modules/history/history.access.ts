import { roles, type AccessTable } from '../../test/access/types.js';

export const access: AccessTable = {
  'GET /api/v1/history/{entity}/{id}': [
    { label: 'of a project', scope: 'record', ok: 200, setup: (w) => w.project(), request: (f) => ({ params: { entity: 'project', id: f.id } }) },
    { label: 'of a report', scope: 'record', ok: 200, setup: (w) => w.report('approved'), request: (f) => ({ params: { entity: 'monthly_report', id: f.id } }) },
    { label: 'of a problem', scope: 'record', ok: 200, setup: (w) => w.problem(), request: (f) => ({ params: { entity: 'problem', id: f.id } }) },
    { label: 'of an enterprise', scope: 'record', ok: 200, setup: (w) => w.enterprise(), request: (f) => ({ params: { entity: 'enterprise', id: f.id } }) },
    {
      label: 'of a user',
      scope: 'record',
      may: roles('admin'),
      denies: 'role-first',
      ok: 200,
      setup: (w) => w.lockedUser(),
      request: (f) => ({ params: { entity: 'user', id: f.id } }),
    },
  ],
};
