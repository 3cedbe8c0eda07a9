import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectMilestones, projects, regions } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';

export type MilestoneRow = typeof projectMilestones.$inferSelect;

/** Milestones of a project the caller has already found inside the actor's scope. */
export async function listMilestones(db: Db, projectId: number): Promise<MilestoneRow[]> {
  return db
    .select()
    .from(projectMilestones)
    .where(eq(projectMilestones.projectId, projectId))
    .orderBy(sql`${projectMilestones.plannedOn} asc nulls last`, asc(projectMilestones.id));
}

export async function findMilestone(db: Db, projectId: number, id: number, options: { lock?: boolean } = {}): Promise<MilestoneRow | null> {
  const query = db.select().from(projectMilestones).where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function kindTaken(db: Db, projectId: number, kind: string): Promise<boolean> {
  const [row] = await db.select({ id: projectMilestones.id }).from(projectMilestones).where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.kind, kind as MilestoneRow['kind'])));
  return !!row;
}

export async function insertMilestone(tx: Db, values: typeof projectMilestones.$inferInsert): Promise<number> {
  const [row] = await tx.insert(projectMilestones).values(values).returning({ id: projectMilestones.id });
  return row!.id;
}

export async function updateMilestoneIfVersion(tx: Db, id: number, version: number, set: Partial<typeof projectMilestones.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(projectMilestones)
    .set({ ...set, version: sql`${projectMilestones.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projectMilestones.id, id), eq(projectMilestones.version, version)))
    .returning({ id: projectMilestones.id });
  return rows.length === 1;
}

/** Milestones past their planned date without an actual one, in projects inside the actor's region. */
export async function listOverdueMilestones(db: Db, actor: Actor, q: { region?: string | undefined; asOf: string; page: number; pageSize: number }) {
  const where = and(
    scopeToRegion(projects.regionCode, actor),
    q.region ? inRegionSubtree(projects.regionCode, q.region) : undefined,
    isNull(projectMilestones.actualOn),
    lt(projectMilestones.plannedOn, q.asOf),
  );
  const [items, [count]] = await Promise.all([
    db
      .select({ milestone: projectMilestones, projectCode: projects.code, projectName: projects.name, regionCode: projects.regionCode, regionName: regions.name })
      .from(projectMilestones)
      .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
      .innerJoin(regions, eq(regions.code, projects.regionCode))
      .where(where)
      .orderBy(asc(projectMilestones.plannedOn), asc(projectMilestones.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(projectMilestones)
      .innerJoin(projects, eq(projects.id, projectMilestones.projectId))
      .where(where),
  ]);
  return { items, total: count!.n };
}
