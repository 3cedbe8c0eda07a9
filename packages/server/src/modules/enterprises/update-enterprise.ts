import type { Database } from '../../db/client.js';
import { badRequest, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProvince } from '../catalog/catalog.repository.js';
import { findEnterprise, updateEnterpriseIfVersion } from './enterprises.repository.js';

export interface UpdateEnterpriseInput {
  version: number;
  name?: string | undefined;
  kind?: string | null | undefined;
  homeProvinceCode?: string | null | undefined;
  programmes?: string[] | undefined;
}

/** Changes an enterprise's name, kind, home province or programmes (e.g. enrols it in 招商服务进万企). */
export async function updateEnterprise(database: Database, actor: Actor, id: number, input: UpdateEnterpriseInput) {
  if (!may.editEnterprises(actor)) throw forbidden('role');
  if (input.homeProvinceCode && !(await findProvince(database.db, input.homeProvinceCode))) {
    throw badRequest('homeProvinceCode', 'region.unknown', { value: input.homeProvinceCode });
  }
  return database.db.transaction(async (tx) => {
    const before = await findEnterprise(tx, actor, id, { lock: true });
    if (!before) throw notFound('enterprise');
    if (input.version !== before.version) throw staleVersion({ version: before.version, updatedAt: new Date(), updatedByName: null });
    const { version, ...fields } = input;
    const set = Object.fromEntries(Object.entries({ ...fields, programmes: fields.programmes && [...new Set(fields.programmes)] }).filter(([, v]) => v !== undefined));
    await updateEnterpriseIfVersion(tx, id, version, { ...set, updatedBy: actor.userId || null });
    const after = (await findEnterprise(tx, actor, id))!;
    await recordAudit(tx, actor, { action: 'enterprise.update', entity: 'enterprise', entityId: id, changes: diff(before, after) });
    return after;
  });
}
