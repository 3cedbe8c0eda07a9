import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import type { GroupRow } from './groups.repository.js';
import type { GroupBody } from './groups.schemas.js';

export function presentGroup(actor: Actor, row: GroupRow): GroupBody {
  const g = row.group;
  return {
    id: g.id,
    name: g.name,
    regionCode: g.regionCode,
    regionName: row.regionName,
    leader: { name: g.leaderName, title: g.leaderTitle },
    members: g.members.map((m) => ({ name: m.name, title: m.title ?? null, unit: m.unit ?? null })),
    coveredRegions: row.covered,
    version: g.version,
    updatedAt: g.updatedAt.toISOString(),
    abilities: { update: may.manageProgrammes(actor) },
  };
}

export function auditView(body: GroupBody): Record<string, unknown> {
  const { abilities: _a, updatedAt: _u, regionName: _r, ...rest } = body;
  return { ...rest, coveredRegions: rest.coveredRegions.map((c) => c.code) };
}
