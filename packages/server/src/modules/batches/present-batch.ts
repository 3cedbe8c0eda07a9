import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import type { BatchRow } from './batches.repository.js';
import type { BatchBody } from './batches.schemas.js';

export function presentBatch(actor: Actor, row: BatchRow): BatchBody {
  const b = row.batch;
  return {
    id: b.id,
    name: b.name,
    regionCode: b.regionCode,
    regionName: row.regionName,
    heldOn: b.heldOn,
    place: b.place,
    description: b.description,
    projectCount: row.projectIds.length,
    projectIds: row.projectIds,
    version: b.version,
    updatedAt: b.updatedAt.toISOString(),
    abilities: { update: may.manageProgrammes(actor) },
  };
}

export function auditView(body: BatchBody): Record<string, unknown> {
  const { abilities: _a, updatedAt: _u, regionName: _r, projectCount: _c, ...rest } = body;
  return rest;
}
