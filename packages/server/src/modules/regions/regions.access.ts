import type { AccessTable } from '../../test/access/types.js';

/** Regions are reference data: users see their own subtree and the regions above it. */
export const access: AccessTable = {
  'GET /api/v1/regions': { scope: 'global', ok: 200, request: () => ({}) },
  'GET /api/v1/regions/{code}': {
    scope: 'record',
    ok: 200,
    request: () => ({ params: { code: '530302' } }),
    missing: () => ({ params: { code: '539999' } }),
  },
};
