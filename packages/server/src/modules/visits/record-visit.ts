import { chinaDate } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { badRequest, forbidden, notFound } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { findVisit, insertDemands, insertVisit } from './visits.repository.js';
import { auditView, presentVisit } from './present-visit.js';
import type { RecordVisitInput } from './visits.schemas.js';

/** Records a visit to an enterprise (招商服务进万企) and the demands it raised. */
export async function recordVisit(database: Database, actor: Actor, enterpriseId: number, input: RecordVisitInput) {
  if (!may.recordVisits(actor)) throw forbidden('role');
  const enterprise = await findEnterprise(database.db, actor, enterpriseId);
  if (!enterprise) throw notFound('enterprise');
  if (input.visitedOn > chinaDate()) throw badRequest('visitedOn', 'stage.dateInFuture');
  return database.db.transaction(async (tx) => {
    const id = await insertVisit(tx, {
      enterpriseId,
      regionCode: enterprise.regionCode,
      visitedOn: input.visitedOn,
      visitors: input.visitors,
      summary: input.summary ?? null,
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await insertDemands(tx, id, input.demands.map((d) => d.content));
    const created = presentVisit((await findVisit(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'visit.create', entity: 'enterprise_visit', entityId: id, changes: diff(null, auditView(created)) });
    return created;
  });
}
