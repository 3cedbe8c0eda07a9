import type { Database } from '../../db/client.js';
import { forbidden } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { regionForWrite } from '../regions/check-region.js';
import { findGroup, insertGroup, replaceCoveredRegions } from './groups.repository.js';
import { checkCovered } from './check-covered.js';
import { auditView, presentGroup } from './present-group.js';
import type { CreateGroupInput } from './groups.schemas.js';

/** Sets up a 包保 group: its leader, members and the counties and zones it answers for. */
export async function createGroup(database: Database, actor: Actor, input: CreateGroupInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  const region = await regionForWrite(database.db, actor, input.regionCode);
  await checkCovered(database.db, region.path, input.coveredRegions);
  return database.db.transaction(async (tx) => {
    const id = await insertGroup(tx, {
      name: input.name,
      regionCode: input.regionCode,
      leaderName: input.leader.name,
      leaderTitle: input.leader.title ?? null,
      members: input.members,
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await replaceCoveredRegions(tx, id, input.coveredRegions);
    const created = presentGroup(actor, (await findGroup(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'group.create', entity: 'accountability_group', entityId: id, changes: diff(null, auditView(created)) });
    return created;
  });
}
