import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterpriseVisits, enterprises, visitDemands } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';
import type { ListVisitsQuery } from './visits.schemas.js';

const columns = { visit: enterpriseVisits, enterpriseName: enterprises.name, enterpriseCreditCode: enterprises.creditCode };
export type DemandRow = typeof visitDemands.$inferSelect;
export type VisitRow = { visit: typeof enterpriseVisits.$inferSelect; enterpriseName: string; enterpriseCreditCode: string; demands: DemandRow[] };

async function demandsOf(db: Db, visitIds: number[]): Promise<Map<number, DemandRow[]>> {
  if (!visitIds.length) return new Map();
  const rows = await db.select().from(visitDemands).where(sql`${visitDemands.visitId} in ${visitIds}`).orderBy(asc(visitDemands.id));
  const out = new Map<number, DemandRow[]>();
  for (const d of rows) out.set(d.visitId, [...(out.get(d.visitId) ?? []), d]);
  return out;
}

export async function findVisit(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}): Promise<VisitRow | null> {
  const query = db
    .select(columns)
    .from(enterpriseVisits)
    .innerJoin(enterprises, eq(enterprises.id, enterpriseVisits.enterpriseId))
    .where(and(eq(enterpriseVisits.id, id), scopeToRegion(enterpriseVisits.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: enterpriseVisits }) : await query;
  if (!row) return null;
  return { ...row, demands: (await demandsOf(db, [id])).get(id) ?? [] };
}

export async function listVisits(db: Db, actor: Actor, q: ListVisitsQuery) {
  const where = and(
    scopeToRegion(enterpriseVisits.regionCode, actor),
    q.enterpriseId ? eq(enterpriseVisits.enterpriseId, q.enterpriseId) : undefined,
    q.region ? inRegionSubtree(enterpriseVisits.regionCode, q.region) : undefined,
    q.from ? gte(enterpriseVisits.visitedOn, q.from) : undefined,
    q.to ? lte(enterpriseVisits.visitedOn, q.to) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(enterpriseVisits)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseVisits.enterpriseId))
      .where(where)
      .orderBy(desc(enterpriseVisits.visitedOn), desc(enterpriseVisits.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(enterpriseVisits).where(where),
  ]);
  const demands = await demandsOf(db, rows.map((r) => r.visit.id));
  return { items: rows.map((r) => ({ ...r, demands: demands.get(r.visit.id) ?? [] })), total: count!.n };
}

export async function insertVisit(tx: Db, values: typeof enterpriseVisits.$inferInsert): Promise<number> {
  const [row] = await tx.insert(enterpriseVisits).values(values).returning({ id: enterpriseVisits.id });
  return row!.id;
}

export async function insertDemands(tx: Db, visitId: number, contents: string[]): Promise<void> {
  if (contents.length) await tx.insert(visitDemands).values(contents.map((content) => ({ visitId, content })));
}

export async function updateVisitIfVersion(tx: Db, id: number, version: number, set: Partial<typeof enterpriseVisits.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(enterpriseVisits)
    .set({ ...set, version: sql`${enterpriseVisits.version} + 1`, updatedAt: new Date() })
    .where(and(eq(enterpriseVisits.id, id), eq(enterpriseVisits.version, version)))
    .returning({ id: enterpriseVisits.id });
  return rows.length === 1;
}

export async function linkDemandToProblem(tx: Db, demandId: number, problemId: number): Promise<void> {
  await tx.update(visitDemands).set({ problemId }).where(eq(visitDemands.id, demandId));
}
