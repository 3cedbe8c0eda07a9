import { MILESTONE_KIND_LABELS, chinaDate } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject } from '../projects/projects.repository.js';
import { findMilestone, insertMilestone, kindTaken } from './milestones.repository.js';
import { presentMilestone } from './present-milestone.js';
import { milestoneIssues } from './milestone-rules.js';
import type { CreateMilestoneInput } from './milestones.schemas.js';

/** Adds a node to a project's schedule. Standard kinds appear once per project; `other` nodes may repeat. */
export async function addMilestone(database: Database, actor: Actor, projectId: number, input: CreateMilestoneInput) {
  if (!may.editProjects(actor)) throw forbidden('role');
  const project = await findProject(database.db, actor, projectId);
  if (!project) throw notFound('project');
  const issues = milestoneIssues(input);
  if (issues.length) throw invalid(issues);
  if (input.kind !== 'other' && (await kindTaken(database.db, projectId, input.kind))) {
    throw conflict('kind', 'milestone.duplicateKind', { value: MILESTONE_KIND_LABELS[input.kind]!.zh });
  }
  return database.db.transaction(async (tx) => {
    const id = await insertMilestone(tx, {
      projectId,
      kind: input.kind,
      name: input.name ?? null,
      plannedOn: input.plannedOn ?? null,
      actualOn: input.actualOn ?? null,
      note: input.note ?? null,
      updatedBy: actor.userId || null,
    });
    const created = presentMilestone((await findMilestone(tx, projectId, id))!, chinaDate(), actor.locale);
    const { updatedAt: _u, overdue: _o, kindName: _k, ...audited } = created;
    await recordAudit(tx, actor, { action: 'milestone.create', entity: 'project_milestone', entityId: id, changes: diff(null, audited) });
    return created;
  });
}
