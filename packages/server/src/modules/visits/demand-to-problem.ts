import type { Database } from '../../db/client.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProblem, insertProblem, insertProblemEvent } from '../problems/problems.repository.js';
import { auditFields, presentProblem } from '../problems/present-problem.js';
import { findVisit, linkDemandToProblem } from './visits.repository.js';
import type { DemandToProblemInput } from './visits.schemas.js';

/**
 * Turns an enterprise's demand into a problem: it gets a responsible unit, a leader and a due date,
 * stays on the battle map until ticked off, and keeps its link to the enterprise and the demand.
 */
export async function demandToProblem(database: Database, actor: Actor, visitId: number, demandId: number, input: DemandToProblemInput) {
  if (!may.raiseProblems(actor)) throw forbidden('role');
  return database.db.transaction(async (tx) => {
    const visit = await findVisit(tx, actor, visitId, { lock: true });
    const demand = visit?.demands.find((d) => d.id === demandId);
    if (!visit || !demand) throw notFound('demand');
    if (demand.problemId) throw conflict('demandId', 'demand.alreadyProblem', { value: demand.problemId });
    const id = await insertProblem(tx, {
      regionCode: visit.visit.regionCode,
      projectId: null,
      enterpriseId: visit.visit.enterpriseId,
      title: input.title ?? demand.content.slice(0, 200),
      description: input.description ?? `${visit.enterpriseName}（${visit.visit.visitedOn}走访）：${demand.content}`,
      responsibleUnit: input.responsibleUnit ?? null,
      responsibleLeader: input.responsibleLeader ?? null,
      dueOn: input.dueOn ?? null,
      raisedBy: actor.userId,
      updatedBy: actor.userId,
    });
    await insertProblemEvent(tx, { problemId: id, action: 'raise', fromStatus: null, toStatus: 'open', note: `visit ${visitId} demand ${demandId}`, actorId: actor.userId });
    await linkDemandToProblem(tx, demandId, id);
    const created = presentProblem(actor, (await findProblem(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'problem.raise', entity: 'problem', entityId: id, changes: { ...diff(null, auditFields(created)), demandId: [null, demandId] } });
    return created;
  });
}
