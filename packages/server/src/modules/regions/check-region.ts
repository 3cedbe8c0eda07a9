import type { Db } from '../../db/client.js';
import { badRequest, outOfScope } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { findRegion, type RegionRow } from './regions.repository.js';

/** The region a write names: 400 when the code does not exist, 403 when it lies outside the actor's area. */
export async function regionForWrite(db: Db, actor: Actor, code: string, field = 'regionCode'): Promise<RegionRow> {
  const region = await findRegion(db, code);
  if (!region) throw badRequest(field, 'region.unknown', { value: code });
  if (!region.path.startsWith(actor.regionPath)) throw outOfScope(field, code);
  return region;
}
