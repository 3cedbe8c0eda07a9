import type { Database } from '../../db/client.js';
import { forbidden, invalid } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { regionForWrite } from '../regions/check-region.js';
import { memberIssues } from '../projects/check-members.js';
import { addToKeyList, findKeyList, insertKeyList } from './key-lists.repository.js';
import { auditView, presentKeyList } from './present-key-list.js';
import type { CreateKeyListInput } from './key-lists.schemas.js';

/** Starts a key list as a draft: its projects may change freely until it is published. */
export async function createKeyList(database: Database, actor: Actor, input: CreateKeyListInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  const region = await regionForWrite(database.db, actor, input.regionCode);
  const issues = await memberIssues(database.db, actor, input.projectIds, region, 'projectIds');
  if (issues.length) throw invalid(issues);
  return database.db.transaction(async (tx) => {
    const id = await insertKeyList(tx, {
      name: input.name,
      year: input.year,
      regionCode: input.regionCode,
      description: input.description ?? null,
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await addToKeyList(tx, id, input.projectIds);
    const created = presentKeyList(actor, (await findKeyList(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'keyList.create', entity: 'key_list', entityId: id, changes: diff(null, auditView(created)) });
    return created;
  });
}
