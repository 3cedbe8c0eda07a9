import type { Database } from '../../db/client.js';
import { forbidden, notFound } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject } from '../projects/projects.repository.js';
import { findProblem, insertProblem, insertProblemEvent } from './problems.repository.js';
import { auditFields, presentProblem } from './present-problem.js';
import type { RaiseProblemInput } from './problems.schemas.js';

/** Raises a problem on a project. It belongs to the project's region and stays on the battle map until ticked off. */
export async function raiseProblem(database: Database, actor: Actor, projectId: number, input: RaiseProblemInput) {
  if (!may.raiseProblems(actor)) throw forbidden('role');
  const project = await findProject(database.db, actor, projectId);
  if (!project) throw notFound('project');
  return database.db.transaction(async (tx) => {
    const id = await insertProblem(tx, {
      regionCode: project.project.regionCode,
      projectId,
      title: input.title,
      description: input.description ?? null,
      responsibleUnit: input.responsibleUnit ?? null,
      responsibleLeader: input.responsibleLeader ?? null,
      dueOn: input.dueOn ?? null,
      raisedBy: actor.userId,
      updatedBy: actor.userId,
    });
    await insertProblemEvent(tx, { problemId: id, action: 'raise', fromStatus: null, toStatus: 'open', actorId: actor.userId });
    const created = presentProblem(actor, (await findProblem(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'problem.raise', entity: 'problem', entityId: id, changes: diff(null, auditFields(created)) });
    return created;
  });
}
