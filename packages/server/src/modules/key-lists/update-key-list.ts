import type { Database } from '../../db/client.js';
import { conflict, forbidden, invalid, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { memberIssues } from '../projects/check-members.js';
import { addToKeyList, clearVisibleMembers, findKeyList, updateKeyListIfVersion } from './key-lists.repository.js';
import { auditView, presentKeyList } from './present-key-list.js';
import type { UpdateKeyListInput } from './key-lists.schemas.js';

/** Changes a key list. A published list is frozen: its year and projects change only through a revision. */
export async function updateKeyList(database: Database, actor: Actor, id: number, input: UpdateKeyListInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  return database.db.transaction(async (tx) => {
    const current = await findKeyList(tx, actor, id, { lock: true });
    if (!current) throw notFound('key list');
    const l = current.list;
    if (input.version !== l.version) throw staleVersion({ version: l.version, updatedAt: l.updatedAt, updatedByName: null });
    if (l.status === 'published' && (input.projectIds !== undefined || (input.year !== undefined && input.year !== l.year))) {
      throw conflict(input.projectIds !== undefined ? 'projectIds' : 'year', 'keyList.frozen');
    }
    if (input.projectIds) {
      const issues = await memberIssues(tx, actor, input.projectIds, { code: l.regionCode, path: current.regionPath }, 'projectIds');
      if (issues.length) throw invalid(issues);
    }
    const before = presentKeyList(actor, current);
    const { version, projectIds, ...fields } = input;
    await updateKeyListIfVersion(tx, id, version, { ...fields, updatedBy: actor.userId || null });
    if (projectIds) {
      await clearVisibleMembers(tx, actor, id);
      await addToKeyList(tx, id, projectIds);
    }
    const after = presentKeyList(actor, (await findKeyList(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'keyList.update', entity: 'key_list', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}
