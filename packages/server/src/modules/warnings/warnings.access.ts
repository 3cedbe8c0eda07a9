import { roles, type AccessTable } from '../../test/access/types.js';

export const access: AccessTable = {
  'GET /api/v1/warning-thresholds': [
    // A region outside the caller's area answers like one that does not exist.
    { label: 'of 麒麟区', scope: 'record', ok: 200, request: () => ({ query: { region: '530302' } }), missing: () => ({ query: { region: '999999' } }) },
    { label: 'of the caller’s own region', scope: 'global', ok: 200, request: () => ({}) },
  ],
  'PUT /api/v1/warning-thresholds': {
    scope: 'region',
    may: roles('admin'),
    denies: 'role-first',
    ok: 200,
    request: () => ({ body: { regionCode: '530302', yellow: 10, red: 30 } }),
  },
};
