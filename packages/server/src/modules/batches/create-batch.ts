import type { Database } from '../../db/client.js';
import { forbidden, invalid } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { regionForWrite } from '../regions/check-region.js';
import { memberIssues } from '../projects/check-members.js';
import { findBatch, insertBatch, replaceBatchProjects } from './batches.repository.js';
import { auditView, presentBatch } from './present-batch.js';
import type { CreateBatchInput } from './batches.schemas.js';

/** Records a concentrated start (集中开工): its date, place and the projects started at it. */
export async function createBatch(database: Database, actor: Actor, input: CreateBatchInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  const region = await regionForWrite(database.db, actor, input.regionCode);
  const issues = await memberIssues(database.db, actor, input.projectIds, region, 'projectIds');
  if (issues.length) throw invalid(issues);
  return database.db.transaction(async (tx) => {
    const id = await insertBatch(tx, {
      name: input.name,
      regionCode: input.regionCode,
      heldOn: input.heldOn,
      place: input.place ?? null,
      description: input.description ?? null,
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await replaceBatchProjects(tx, actor, id, input.projectIds);
    const created = presentBatch(actor, (await findBatch(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'batch.create', entity: 'batch', entityId: id, changes: diff(null, auditView(created)) });
    return created;
  });
}
