import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises, provinces } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';

const columns = {
  id: enterprises.id,
  creditCode: enterprises.creditCode,
  name: enterprises.name,
  kind: enterprises.kind,
  homeProvinceCode: enterprises.homeProvinceCode,
  homeProvinceName: provinces.name,
  regionCode: enterprises.regionCode,
  programmes: enterprises.programmes,
  version: enterprises.version,
};

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterprise>> & {};

export async function findEnterprise(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}) {
  const query = db
    .select(columns)
    .from(enterprises)
    .leftJoin(provinces, eq(provinces.code, enterprises.homeProvinceCode))
    .where(and(eq(enterprises.id, id), scopeToRegion(enterprises.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: enterprises }) : await query;
  return row ?? null;
}

export interface EnterpriseListFilter {
  q?: string | undefined;
  region?: string | undefined;
  kinds?: string[] | undefined;
  programme?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listEnterprises(db: Db, actor: Actor, filter: EnterpriseListFilter) {
  const where = and(
    scopeToRegion(enterprises.regionCode, actor),
    filter.region ? inRegionSubtree(enterprises.regionCode, filter.region) : undefined,
    filter.kinds?.length ? inArray(enterprises.kind, filter.kinds) : undefined,
    filter.programme ? sql`${filter.programme} = any(${enterprises.programmes})` : undefined,
    filter.q ? or(ilike(enterprises.name, `%${filter.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`), eq(enterprises.creditCode, filter.q.toUpperCase())) : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select(columns)
      .from(enterprises)
      .leftJoin(provinces, eq(provinces.code, enterprises.homeProvinceCode))
      .where(where)
      .orderBy(asc(enterprises.name))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(enterprises).where(where),
  ]);
  return { items, total: count!.n };
}

export async function creditCodeExists(db: Db, creditCode: string) {
  const [row] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, creditCode));
  return !!row;
}

export async function insertEnterprise(tx: Db, values: typeof enterprises.$inferInsert) {
  const [row] = await tx.insert(enterprises).values(values).returning({ id: enterprises.id });
  return row!.id;
}

export async function updateEnterpriseIfVersion(tx: Db, id: number, version: number, set: Partial<typeof enterprises.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(enterprises)
    .set({ ...set, version: sql`${enterprises.version} + 1`, updatedAt: new Date() })
    .where(and(eq(enterprises.id, id), eq(enterprises.version, version)))
    .returning({ id: enterprises.id });
  return rows.length === 1;
}
