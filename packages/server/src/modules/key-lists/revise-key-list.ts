import type { Database } from '../../db/client.js';
import { badRequest, conflict, forbidden, invalid, notFound, staleVersion, type Issue } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { memberIssues } from '../projects/check-members.js';
import { addToKeyList, findKeyList, insertRevision, removeFromKeyList, updateKeyListIfVersion } from './key-lists.repository.js';
import { auditView, presentKeyList } from './present-key-list.js';
import type { ReviseKeyListInput } from './key-lists.schemas.js';

/** Changes a published list's projects, keeping who, when, why and what in a revision. */
export async function reviseKeyList(database: Database, actor: Actor, id: number, input: ReviseKeyListInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  const add = [...new Set(input.add)];
  const remove = [...new Set(input.remove)];
  if (!add.length && !remove.length) throw badRequest('add', 'keyList.emptyRevision');
  return database.db.transaction(async (tx) => {
    const current = await findKeyList(tx, actor, id, { lock: true });
    if (!current) throw notFound('key list');
    const l = current.list;
    if (input.version !== l.version) throw staleVersion({ version: l.version, updatedAt: l.updatedAt, updatedByName: null });
    if (l.status !== 'published') throw conflict('status', 'keyList.notPublished');
    const issues: Issue[] = [...(await memberIssues(tx, actor, [...add, ...remove], { code: l.regionCode, path: current.regionPath }, 'add'))];
    const on = new Set(current.projectIds);
    const already = add.filter((p) => on.has(p));
    const missing = remove.filter((p) => !on.has(p));
    if (already.length) issues.push({ field: 'add', rule: 'keyList.alreadyOn', params: { values: already } });
    if (missing.length) issues.push({ field: 'remove', rule: 'keyList.notOn', params: { values: missing } });
    if (issues.length) throw invalid(issues);
    const before = presentKeyList(actor, current);
    await addToKeyList(tx, id, add);
    await removeFromKeyList(tx, id, remove);
    await insertRevision(tx, { keyListId: id, reason: input.reason, added: add, removed: remove, revisedBy: actor.userId || null });
    await updateKeyListIfVersion(tx, id, l.version, { updatedBy: actor.userId || null });
    const after = presentKeyList(actor, (await findKeyList(tx, actor, id))!);
    await recordAudit(tx, actor, {
      action: 'keyList.revise',
      entity: 'key_list',
      entityId: id,
      changes: { ...diff(auditView(before), auditView(after)), reason: [null, input.reason] },
    });
    return after;
  });
}
