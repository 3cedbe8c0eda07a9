import { roles, type AccessTable } from '../../test/access/types.js';

const admins = roles('admin');

export const access: AccessTable = {
  'GET /api/v1/users': { scope: 'list', may: admins, ok: 200, setup: (w) => w.lockedUser(), request: () => ({}) },
  'POST /api/v1/users': {
    scope: 'region',
    may: admins,
    denies: 'role-first',
    ok: 201,
    setup: async (w) => ({ username: `matrix.new.${w.fresh('n')}` }),
    request: (f) => ({ body: { username: f.username, displayName: '新用户', regionCode: '530302', roles: ['reporter'], password: 'New-password-1' } }),
  },
  'POST /api/v1/users/{id}/unlock': { scope: 'record', may: admins, ok: 200, setup: (w) => w.lockedUser(), request: (f) => ({ params: { id: f.id } }) },
};
