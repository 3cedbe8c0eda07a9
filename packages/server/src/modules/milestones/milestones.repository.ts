import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { projectMilestones } from '../../db/schema/index.js';

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
