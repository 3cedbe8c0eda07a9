import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { accountabilityGroups, groupRegions, regions } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';
import type { ListGroupsQuery } from './groups.schemas.js';

const columns = { group: accountabilityGroups, regionName: regions.name, regionPath: regions.path };

export type GroupRow = { group: typeof accountabilityGroups.$inferSelect; regionName: string; regionPath: string; covered: { code: string; name: string }[] };

async function coveredOf(db: Db, groupIds: number[]): Promise<Map<number, { code: string; name: string }[]>> {
  if (!groupIds.length) return new Map();
  const rows = await db
    .select({ groupId: groupRegions.groupId, code: regions.code, name: regions.name })
    .from(groupRegions)
    .innerJoin(regions, eq(regions.code, groupRegions.regionCode))
    .where(sql`${groupRegions.groupId} in ${groupIds}`)
    .orderBy(asc(regions.sort));
  const out = new Map<number, { code: string; name: string }[]>();
  for (const r of rows) out.set(r.groupId, [...(out.get(r.groupId) ?? []), { code: r.code, name: r.name }]);
  return out;
}

export async function findGroup(db: Db, actor: Actor, id: number): Promise<GroupRow | null> {
  const [row] = await db
    .select(columns)
    .from(accountabilityGroups)
    .innerJoin(regions, eq(regions.code, accountabilityGroups.regionCode))
    .where(and(eq(accountabilityGroups.id, id), scopeToRegion(accountabilityGroups.regionCode, actor)));
  if (!row) return null;
  return { ...row, covered: (await coveredOf(db, [id])).get(id) ?? [] };
}

export async function listGroups(db: Db, actor: Actor, q: ListGroupsQuery) {
  const where = and(scopeToRegion(accountabilityGroups.regionCode, actor), q.region ? inRegionSubtree(accountabilityGroups.regionCode, q.region) : undefined);
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(accountabilityGroups)
      .innerJoin(regions, eq(regions.code, accountabilityGroups.regionCode))
      .where(where)
      .orderBy(asc(accountabilityGroups.regionCode), asc(accountabilityGroups.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(accountabilityGroups).where(where),
  ]);
  const covered = await coveredOf(db, rows.map((r) => r.group.id));
  return { items: rows.map((r) => ({ ...r, covered: covered.get(r.group.id) ?? [] })), total: count!.n };
}

export async function insertGroup(tx: Db, values: typeof accountabilityGroups.$inferInsert): Promise<number> {
  const [row] = await tx.insert(accountabilityGroups).values(values).returning({ id: accountabilityGroups.id });
  return row!.id;
}

export async function updateGroupIfVersion(tx: Db, id: number, version: number, set: Partial<typeof accountabilityGroups.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(accountabilityGroups)
    .set({ ...set, version: sql`${accountabilityGroups.version} + 1`, updatedAt: new Date() })
    .where(and(eq(accountabilityGroups.id, id), eq(accountabilityGroups.version, version)))
    .returning({ id: accountabilityGroups.id });
  return rows.length === 1;
}

export async function replaceCoveredRegions(tx: Db, groupId: number, codes: string[]): Promise<void> {
  await tx.delete(groupRegions).where(eq(groupRegions.groupId, groupId));
  await tx.insert(groupRegions).values([...new Set(codes)].map((regionCode) => ({ groupId, regionCode })));
}

/** The regions among `codes` that lie strictly below `path` and are counties or zones. */
export async function coverableRegions(db: Db, path: string, codes: string[]): Promise<Set<string>> {
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(sql`${regions.code} in ${codes}`, sql`${regions.path} like ${path + '%'}`, sql`${regions.level} in ('county', 'zone')`));
  return new Set(rows.map((r) => r.code));
}
