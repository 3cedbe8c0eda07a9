import type { Database } from '../../db/client.js';
import { conflict, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findKeyList, updateKeyListIfVersion } from './key-lists.repository.js';
import { auditView, presentKeyList } from './present-key-list.js';

/** Publishes a key list: from now on it is frozen, and its projects change only through recorded revisions. */
export async function publishKeyList(database: Database, actor: Actor, id: number, version: number) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  return database.db.transaction(async (tx) => {
    const current = await findKeyList(tx, actor, id, { lock: true });
    if (!current) throw notFound('key list');
    const l = current.list;
    if (version !== l.version) throw staleVersion({ version: l.version, updatedAt: l.updatedAt, updatedByName: null });
    if (l.status === 'published') throw conflict('status', 'keyList.alreadyPublished');
    const before = presentKeyList(actor, current);
    await updateKeyListIfVersion(tx, id, version, { status: 'published', publishedAt: new Date(), publishedBy: actor.userId || null, updatedBy: actor.userId || null });
    const after = presentKeyList(actor, (await findKeyList(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'keyList.publish', entity: 'key_list', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}
