import { roles, type AccessTable } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';

/** Milestones are part of a project's record: its editors keep them (may.editProjects). */
const editors = roles('reporter', 'admin');

/** A named milestone of a project of its own, planned for `plannedOn` and not yet reached. */
async function milestone(w: World, plannedOn = '2022-06-30') {
  const project = await w.project();
  const res = await w.t.call(w.owner, 'POST', `/api/v1/projects/${project.id}/milestones`, { kind: 'other', name: w.marker('矩阵节点'), plannedOn, note: w.marker('矩阵备注') });
  if (res.status !== 201) throw new Error(`fixture milestone: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, version: res.body.version as number, projectId: project.id };
}

export const access: AccessTable = {
  'GET /api/v1/projects/{id}/milestones': { scope: 'record', ok: 200, setup: (w) => milestone(w), request: (f) => ({ params: { id: f.projectId } }) },
  'POST /api/v1/projects/{id}/milestones': {
    scope: 'record',
    may: editors,
    denies: 'role-first',
    ok: 201,
    setup: (w) => w.project(),
    request: (f) => ({ params: { id: f.id }, body: { kind: 'other', name: '供电线路接入', plannedOn: '2022-05-31' } }),
  },
  'GET /api/v1/milestones/overdue': [
    { label: 'all', scope: 'list', ok: 200, shows: false, setup: (w) => milestone(w), request: () => ({ query: { asOf: '2022-07-15' } }) },
    // Only milestones planned before 2001-01-02 are overdue on that day: the fixture's, and few others.
    { label: 'as of a day long ago', scope: 'list', ok: 200, setup: (w) => milestone(w, '2001-01-01'), request: () => ({ query: { asOf: '2001-01-02', region: '530302' } }) },
  ],
  'PATCH /api/v1/projects/{id}/milestones/{milestoneId}': {
    scope: 'record',
    may: editors,
    denies: 'role-first',
    ok: 200,
    setup: (w) => milestone(w),
    request: (f) => ({ params: { id: f.projectId, milestoneId: f.id }, body: { version: f.version, actualOn: '2022-06-20' } }),
  },
};
