import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import type { KeyListRow } from './key-lists.repository.js';
import type { KeyListBody } from './key-lists.schemas.js';

export function presentKeyList(actor: Actor, row: KeyListRow): KeyListBody {
  const l = row.list;
  const manage = may.manageProgrammes(actor);
  return {
    id: l.id,
    name: l.name,
    year: l.year,
    regionCode: l.regionCode,
    regionName: row.regionName,
    description: l.description,
    status: l.status,
    publishedAt: l.publishedAt?.toISOString() ?? null,
    publishedByName: row.publishedByName,
    projectCount: row.projectIds.length,
    projectIds: row.projectIds,
    version: l.version,
    updatedAt: l.updatedAt.toISOString(),
    abilities: { update: manage, publish: manage && l.status === 'draft', revise: manage && l.status === 'published' },
  };
}

export function auditView(body: KeyListBody): Record<string, unknown> {
  const { abilities: _a, updatedAt: _u, regionName: _r, projectCount: _c, publishedByName: _p, ...rest } = body;
  return rest;
}
