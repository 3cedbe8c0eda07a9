import { prefectureReviewer, roles, type AccessTable } from '../../test/access/types.js';

const reporters = roles('reporter');

export const access: AccessTable = {
  'GET /api/v1/reports': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => w.report(), request: () => ({}) },
    { label: 'of one project', scope: 'list', ok: 200, setup: (w) => w.report(), request: (f) => ({ query: { projectId: String(f.projectId) } }) },
  ],
  // Every project of the area that must report is on the list: too many to find one on its first page.
  'GET /api/v1/reports/worklist': [
    { label: 'this month', scope: 'list', ok: 200, shows: false, setup: (w) => w.report(), request: () => ({}) },
    { label: 'of a month and region', scope: 'list', ok: 200, shows: false, setup: (w) => w.report(), request: () => ({ query: { period: '2022-03', region: '530302', pageSize: '500' } }) },
  ],
  'POST /api/v1/projects/{id}/reports': {
    scope: 'record',
    may: reporters,
    denies: 'role-first',
    ok: 201,
    setup: (w) => w.project(),
    request: (f) => ({ params: { id: f.id }, body: { period: '2022-04', completedInvestment: '2000000' } }),
  },
  'GET /api/v1/reports/{id}': { scope: 'record', ok: 200, setup: (w) => w.report(), request: (f) => ({ params: { id: f.id } }) },
  'PATCH /api/v1/reports/{id}': {
    scope: 'record',
    may: reporters,
    denies: 'role-first',
    ok: 200,
    setup: (w) => w.report('draft'),
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, workersOnSite: 120 } }),
  },
  'POST /api/v1/reports/{id}/submit': { scope: 'record', may: reporters, ok: 200, setup: (w) => w.report('draft'), request: (f) => ({ params: { id: f.id }, body: {} }) },
  'POST /api/v1/reports/{id}/approve': { scope: 'record', may: prefectureReviewer, ok: 200, setup: (w) => w.report('submitted'), request: (f) => ({ params: { id: f.id }, body: {} }) },
  'POST /api/v1/reports/{id}/return': {
    scope: 'record',
    may: prefectureReviewer,
    ok: 200,
    setup: (w) => w.report('submitted'),
    request: (f) => ({ params: { id: f.id }, body: { comment: '请补充到位资金来源' } }),
  },
  'POST /api/v1/reports/{id}/reopen': {
    scope: 'record',
    may: prefectureReviewer,
    ok: 200,
    setup: (w) => w.report('approved'),
    request: (f) => ({ params: { id: f.id }, body: { comment: '完成投资数据有误，重新填报' } }),
  },
  'POST /api/v1/reports/bulk-approve': {
    scope: 'record',
    may: prefectureReviewer,
    ok: 200,
    setup: (w) => w.report('submitted'),
    request: (f) => ({ body: { ids: [f.id], comment: '同意' } }),
    missing: () => ({ body: { ids: [999_999_999], comment: '同意' } }),
  },
  'GET /api/v1/reports/{id}/events': { scope: 'record', ok: 200, shows: false, setup: (w) => w.report('submitted'), request: (f) => ({ params: { id: f.id } }) },
};
