import { roles, type AccessTable, type OperationAccess } from '../../test/access/types.js';

const handlers = roles('reporter', 'reviewer', 'admin');

/** Only the raiser ticks a problem off or sends it back, whatever their role. */
const raiserOnly = (body: Record<string, unknown>): OperationAccess<any>[] => [
  { label: 'by its raiser', scope: 'record', ok: 200, setup: (w, c) => w.problem('resolved', c.user), request: (f) => ({ params: { id: f.id }, body }) },
  { label: 'by anyone else', scope: 'record', may: () => false, ok: 200, setup: (w) => w.problem('resolved'), request: (f) => ({ params: { id: f.id }, body }) },
];

export const access: AccessTable = {
  'GET /api/v1/problems': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => w.problem(), request: () => ({}) },
    { label: 'of one project', scope: 'list', ok: 200, setup: (w) => w.problem(), request: (f) => ({ query: { projectId: String(f.projectId) } }) },
  ],
  'POST /api/v1/projects/{id}/problems': {
    scope: 'record',
    may: roles('reporter', 'reviewer', 'admin', 'leader'),
    denies: 'role-first',
    ok: 201,
    setup: (w) => w.project(),
    request: (f) => ({ params: { id: f.id }, body: { title: '施工许可办理滞后', dueOn: '2022-05-31' } }),
  },
  'GET /api/v1/problems/{id}': { scope: 'record', ok: 200, setup: (w) => w.problem(), request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/problems/{id}': {
    scope: 'record',
    may: handlers,
    ok: 200,
    setup: (w) => w.problem(),
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, responsibleUnit: '市自然资源和规划局' } }),
  },
  'POST /api/v1/problems/{id}/accept': { scope: 'record', may: handlers, ok: 200, setup: (w) => w.problem(), request: (f) => ({ params: { id: f.id }, body: {} }) },
  'POST /api/v1/problems/{id}/resolve': {
    scope: 'record',
    may: handlers,
    ok: 200,
    setup: (w) => w.problem(),
    request: (f) => ({ params: { id: f.id }, body: { resolution: '已调整用地指标' } }),
  },
  'POST /api/v1/problems/{id}/confirm': raiserOnly({}),
  'POST /api/v1/problems/{id}/reject': raiserOnly({ comment: '用地手续仍未办结' }),
  'POST /api/v1/problems/{id}/escalate': {
    scope: 'record',
    may: handlers,
    ok: 200,
    setup: (w) => w.problem(),
    request: (f) => ({ params: { id: f.id }, body: { meeting: { title: '重大项目协商会办', heldOn: '2022-03-15' } } }),
  },
  'POST /api/v1/problems/{id}/decide': {
    scope: 'record',
    may: roles('reviewer', 'admin', 'leader'),
    ok: 200,
    setup: (w) => w.problem('escalated'),
    request: (f) => ({ params: { id: f.id }, body: { decision: '由市自然资源局牵头解决' } }),
  },
  'GET /api/v1/problems/{id}/events': { scope: 'record', ok: 200, shows: false, setup: (w) => w.problem(), request: (f) => ({ params: { id: f.id } }) },
};
