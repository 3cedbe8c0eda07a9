import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { batchProjects, batches, projects, regions } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';
import type { ListBatchesQuery } from './batches.schemas.js';

const columns = { batch: batches, regionName: regions.name, regionPath: regions.path };

export type BatchRow = { batch: typeof batches.$inferSelect; regionName: string; regionPath: string; projectIds: number[] };

/** The batch's projects that the actor may see: a province batch shows a county officer only their own. */
async function memberIds(db: Db, actor: Actor, batchIds: number[]): Promise<Map<number, number[]>> {
  if (!batchIds.length) return new Map();
  const rows = await db
    .select({ batchId: batchProjects.batchId, projectId: batchProjects.projectId })
    .from(batchProjects)
    .innerJoin(projects, eq(projects.id, batchProjects.projectId))
    .where(and(sql`${batchProjects.batchId} in ${batchIds}`, scopeToRegion(projects.regionCode, actor)))
    .orderBy(asc(batchProjects.projectId));
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.batchId, [...(out.get(r.batchId) ?? []), r.projectId]);
  return out;
}

export async function findBatch(db: Db, actor: Actor, id: number): Promise<BatchRow | null> {
  const [row] = await db
    .select(columns)
    .from(batches)
    .innerJoin(regions, eq(regions.code, batches.regionCode))
    .where(and(eq(batches.id, id), scopeToRegion(batches.regionCode, actor)));
  if (!row) return null;
  return { ...row, projectIds: (await memberIds(db, actor, [id])).get(id) ?? [] };
}

export async function listBatches(db: Db, actor: Actor, q: ListBatchesQuery) {
  const where = and(
    scopeToRegion(batches.regionCode, actor),
    q.region ? inRegionSubtree(batches.regionCode, q.region) : undefined,
    q.year ? sql`extract(year from ${batches.heldOn}) = ${q.year}` : undefined,
    q.q ? ilike(batches.name, `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select(columns)
      .from(batches)
      .innerJoin(regions, eq(regions.code, batches.regionCode))
      .where(where)
      .orderBy(desc(batches.heldOn), desc(batches.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(batches).where(where),
  ]);
  const members = await memberIds(db, actor, rows.map((r) => r.batch.id));
  return { items: rows.map((r) => ({ ...r, projectIds: members.get(r.batch.id) ?? [] })), total: count!.n };
}

export async function insertBatch(tx: Db, values: typeof batches.$inferInsert): Promise<number> {
  const [row] = await tx.insert(batches).values(values).returning({ id: batches.id });
  return row!.id;
}

export async function updateBatchIfVersion(tx: Db, id: number, version: number, set: Partial<typeof batches.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(batches)
    .set({ ...set, version: sql`${batches.version} + 1`, updatedAt: new Date() })
    .where(and(eq(batches.id, id), eq(batches.version, version)))
    .returning({ id: batches.id });
  return rows.length === 1;
}

/** Replaces the batch's projects. Projects outside the actor's scope stay on it untouched. */
export async function replaceBatchProjects(tx: Db, actor: Actor, batchId: number, projectIds: number[]): Promise<void> {
  await tx.delete(batchProjects).where(and(eq(batchProjects.batchId, batchId), sql`${batchProjects.projectId} in (select id from projects where ${scopeToRegion(sql`region_code`, actor)})`));
  if (projectIds.length) await tx.insert(batchProjects).values([...new Set(projectIds)].map((projectId) => ({ batchId, projectId }))).onConflictDoNothing();
}
