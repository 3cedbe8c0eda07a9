import { chinaDate } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { badRequest, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findVisit, insertDemands, updateVisitIfVersion } from './visits.repository.js';
import { auditView, presentVisit } from './present-visit.js';
import type { UpdateVisitInput } from './visits.schemas.js';

/** Corrects a visit's date, visitors or summary, or adds demands raised on it. */
export async function updateVisit(database: Database, actor: Actor, id: number, input: UpdateVisitInput) {
  if (!may.recordVisits(actor)) throw forbidden('role');
  if (input.visitedOn && input.visitedOn > chinaDate()) throw badRequest('visitedOn', 'stage.dateInFuture');
  return database.db.transaction(async (tx) => {
    const current = await findVisit(tx, actor, id, { lock: true });
    if (!current) throw notFound('visit');
    if (input.version !== current.visit.version) throw staleVersion({ version: current.visit.version, updatedAt: current.visit.updatedAt, updatedByName: null });
    const before = presentVisit(current);
    const { version, addDemands, ...fields } = input;
    await updateVisitIfVersion(tx, id, version, { ...fields, updatedBy: actor.userId || null });
    await insertDemands(tx, id, (addDemands ?? []).map((d) => d.content));
    const after = presentVisit((await findVisit(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'visit.update', entity: 'enterprise_visit', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}
