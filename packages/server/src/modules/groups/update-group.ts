import type { Database } from '../../db/client.js';
import { forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findGroup, replaceCoveredRegions, updateGroupIfVersion } from './groups.repository.js';
import { checkCovered } from './check-covered.js';
import { auditView, presentGroup } from './present-group.js';
import type { UpdateGroupInput } from './groups.schemas.js';

/** Changes a group against the version read; covered regions, when given, replace the old ones. */
export async function updateGroup(database: Database, actor: Actor, id: number, input: UpdateGroupInput) {
  if (!may.manageProgrammes(actor)) throw forbidden('role');
  const current = await findGroup(database.db, actor, id);
  if (!current) throw notFound('group');
  const stale = () => staleVersion({ version: current.group.version, updatedAt: current.group.updatedAt, updatedByName: null });
  if (input.version !== current.group.version) throw stale();
  if (input.coveredRegions) await checkCovered(database.db, current.regionPath, input.coveredRegions);
  const before = presentGroup(actor, current);
  return database.db.transaction(async (tx) => {
    const set = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.leader ? { leaderName: input.leader.name, leaderTitle: input.leader.title ?? null } : {}),
      ...(input.members ? { members: input.members } : {}),
      updatedBy: actor.userId || null,
    };
    if (!(await updateGroupIfVersion(tx, id, input.version, set))) throw stale();
    if (input.coveredRegions) await replaceCoveredRegions(tx, id, input.coveredRegions);
    const after = presentGroup(actor, (await findGroup(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'group.update', entity: 'accountability_group', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}
