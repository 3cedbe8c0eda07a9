import { chinaDate } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { forbidden, invalid, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject } from '../projects/projects.repository.js';
import { findMilestone, updateMilestoneIfVersion } from './milestones.repository.js';
import { presentMilestone } from './present-milestone.js';
import { milestoneIssues } from './milestone-rules.js';
import type { UpdateMilestoneInput } from './milestones.schemas.js';

/** Records a node's actual date, or moves its plan, against the version read. */
export async function updateMilestone(database: Database, actor: Actor, projectId: number, id: number, input: UpdateMilestoneInput) {
  if (!may.editProjects(actor)) throw forbidden('role');
  const project = await findProject(database.db, actor, projectId);
  if (!project) throw notFound('project');
  return database.db.transaction(async (tx) => {
    const current = await findMilestone(tx, projectId, id, { lock: true });
    if (!current) throw notFound('milestone');
    if (input.version !== current.version) throw staleVersion({ version: current.version, updatedAt: current.updatedAt, updatedByName: null });
    const issues = milestoneIssues({ kind: current.kind, name: input.name === undefined ? current.name : input.name, actualOn: input.actualOn });
    if (issues.length) throw invalid(issues);
    const today = chinaDate();
    const before = presentMilestone(current, today);
    const set: Record<string, unknown> = { updatedBy: actor.userId || null };
    for (const key of ['name', 'plannedOn', 'actualOn', 'note'] as const) if (input[key] !== undefined) set[key] = input[key];
    await updateMilestoneIfVersion(tx, id, input.version, set);
    const after = presentMilestone((await findMilestone(tx, projectId, id))!, today, actor.locale);
    const view = ({ updatedAt: _u, overdue: _o, kindName: _k, ...rest }: typeof after) => rest;
    await recordAudit(tx, actor, { action: 'milestone.update', entity: 'project_milestone', entityId: id, changes: diff(view(before), view(after)) });
    return after;
  });
}
