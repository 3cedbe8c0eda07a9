import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions } from '../../db/schema/index.js';
import type { Actor } from '../../policies/actor.js';

export type RegionRow = typeof regions.$inferSelect;

/**
 * Regions a user may see: their own subtree, and the ancestors above it (so a county officer's
 * screens can name the prefecture and province they sit in).
 */
function visibleTo(actor: Pick<Actor, 'regionPath'>): SQL {
  return or(sql`${regions.path} like ${actor.regionPath + '%'}`, sql`${actor.regionPath} like ${regions.path} || '%'`)!;
}

export async function listRegions(db: Db, actor: Actor, filter: { parent?: string | undefined; level?: string | undefined }) {
  const conditions = [visibleTo(actor)];
  if (filter.parent) conditions.push(eq(regions.parentCode, filter.parent));
  if (filter.level) conditions.push(eq(regions.level, filter.level as RegionRow['level']));
  return db
    .select()
    .from(regions)
    .where(and(...conditions))
    .orderBy(asc(regions.sort));
}

export async function findVisibleRegion(db: Db, actor: Actor, code: string): Promise<RegionRow | null> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.code, code), visibleTo(actor)));
  return row ?? null;
}

/** Any region by code, regardless of who asks: for validating a code a user typed. */
export async function findRegion(db: Db, code: string): Promise<RegionRow | null> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code));
  return row ?? null;
}

export async function countChildren(db: Db, codes: string[]): Promise<Map<string, number>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ parent: regions.parentCode, n: sql<number>`count(*)::int` })
    .from(regions)
    .where(sql`${regions.parentCode} in ${codes}`)
    .groupBy(regions.parentCode);
  return new Map(rows.map((r) => [r.parent!, r.n]));
}
