import type { Database } from '../../db/client.js';
import { badRequest, conflict, forbidden, outOfScope } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findRegion } from '../regions/regions.repository.js';
import { findProvince } from '../catalog/catalog.repository.js';
import { creditCodeExists, insertEnterprise } from './enterprises.repository.js';

export interface EnterpriseInput {
  creditCode: string;
  name: string;
  kind?: string | null | undefined;
  homeProvinceCode?: string | null | undefined;
  regionCode: string;
  programmes?: string[] | undefined;
}

export async function createEnterprise(database: Database, actor: Actor, input: EnterpriseInput): Promise<number> {
  if (!may.editEnterprises(actor)) throw forbidden('role');
  const region = await findRegion(database.db, input.regionCode);
  if (!region) throw badRequest('regionCode', 'region.unknown', { value: input.regionCode });
  if (!region.path.startsWith(actor.regionPath)) throw outOfScope('regionCode', input.regionCode);
  if (input.homeProvinceCode && !(await findProvince(database.db, input.homeProvinceCode))) {
    throw badRequest('homeProvinceCode', 'region.unknown', { value: input.homeProvinceCode });
  }
  if (await creditCodeExists(database.db, input.creditCode)) throw conflict('creditCode', 'creditCode.taken', { value: input.creditCode });
  return database.db.transaction(async (tx) => {
    const id = await insertEnterprise(tx, { ...input, programmes: [...new Set(input.programmes ?? [])], updatedBy: actor.userId || null });
    await recordAudit(tx, actor, {
      action: 'enterprise.create',
      entity: 'enterprise',
      entityId: id,
      changes: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, [null, v ?? null]])),
    });
    return id;
  });
}
