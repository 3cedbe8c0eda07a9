import type { AccessTable } from '../../test/access/types.js';

export const access: AccessTable = {
  'GET /api/health': { scope: 'global', public: true, ok: 200, request: () => ({}) },
};
