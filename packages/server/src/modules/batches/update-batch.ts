import type { Database } from '../../db/client.js';
import { forbidden, invalid, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { memberIssues } from '../projects/check-members.js';
import { findBatch, replaceBatchProjects, updateBatchIfVersion } from './batches.repository.js';
import { auditView, presentBatch } from './present-batch.js';
import type { UpdateBatchInput } from './batches.schemas.js';

/** Changes a batch against the version read; its projects, when given, replace the ones the user may see. */
export async function updateBatch(database: Database, actor: Actor, id: number, input: UpdateBatchInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  const current = await findBatch(database.db, actor, id);
  if (!current) throw notFound('batch');
  if (input.projectIds) {
    const issues = await memberIssues(database.db, actor, input.projectIds, { code: current.batch.regionCode, path: current.regionPath }, 'projectIds');
    if (issues.length) throw invalid(issues);
  }
  const before = presentBatch(actor, current);
  const stale = () => staleVersion({ version: current.batch.version, updatedAt: current.batch.updatedAt, updatedByName: null });
  if (input.version !== current.batch.version) throw stale();
  return database.db.transaction(async (tx) => {
    const { version, projectIds, ...fields } = input;
    if (!(await updateBatchIfVersion(tx, id, version, { ...fields, updatedBy: actor.userId || null }))) throw stale();
    if (projectIds) await replaceBatchProjects(tx, actor, id, projectIds);
    const after = presentBatch(actor, (await findBatch(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'batch.update', entity: 'batch', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}
