import type { AccessTable } from '../../test/access/types.js';

export const access: AccessTable = {
  'GET /api/v1/categories': { scope: 'global', ok: 200, request: () => ({}) },
  'GET /api/v1/provinces': { scope: 'global', ok: 200, request: () => ({}) },
  'GET /api/v1/code-lists': { scope: 'global', ok: 200, request: () => ({}) },
};
