import type { AccessTable } from '../../test/access/types.js';
import { TEST_PASSWORD } from '../../test/harness.js';

export const access: AccessTable = {
  'POST /api/v1/auth/login': {
    scope: 'global',
    public: true,
    ok: 200,
    endsSession: true,
    request: (_f, c) => ({ body: { username: c.user?.username ?? 'matrix.owner', password: TEST_PASSWORD } }),
  },
  'POST /api/v1/auth/logout': { scope: 'global', ok: 204, endsSession: true, request: () => ({}) },
  'GET /api/v1/auth/me': { scope: 'global', ok: 200, request: () => ({}) },
};
