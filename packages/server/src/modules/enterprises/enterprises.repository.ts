import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises, provinces } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';

const columns = {
  id: enterprises.id,
  creditCode: enterprises.creditCode,
  name: enterprises.name,
  kind: enterprises.kind,
  homeProvinceCode: enterprises.homeProvinceCode,
  homeProvinceName: provinces.name,
  regionCode: enterprises.regionCode,
  version: enterprises.version,
};

export type EnterpriseRow = Awaited<ReturnType<typeof findEnterprise>> & {};

export async function findEnterprise(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select(columns)
    .from(enterprises)
    .leftJoin(provinces, eq(provinces.code, enterprises.homeProvinceCode))
    .where(and(eq(enterprises.id, id), scopeToRegion(enterprises.regionCode, actor)));
  return row ?? null;
}

export async function listEnterprises(db: Db, actor: Actor, filter: { q?: string | undefined; page: number; pageSize: number }) {
  const where = and(
    scopeToRegion(enterprises.regionCode, actor),
    filter.q ? or(ilike(enterprises.name, `%${filter.q}%`), eq(enterprises.creditCode, filter.q.toUpperCase())) : undefined,
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
