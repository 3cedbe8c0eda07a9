import { and, asc, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { meetings, problemEvents, problems, projects, regions, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../projects/projects.repository.js';
import type { ListProblemsQuery } from './problems.schemas.js';

const raisers = alias(users, 'raiser');
const updaters = alias(users, 'updater');

function selectProblems(db: Db) {
  return db
    .select({
      problem: problems,
      regionName: regions.name,
      projectCode: projects.code,
      projectName: projects.name,
      raisedByName: raisers.displayName,
      updatedByName: updaters.displayName,
      meetingTitle: meetings.title,
      meetingHeldOn: meetings.heldOn,
    })
    .from(problems)
    .innerJoin(regions, eq(regions.code, problems.regionCode))
    .innerJoin(raisers, eq(raisers.id, problems.raisedBy))
    .leftJoin(updaters, eq(updaters.id, problems.updatedBy))
    .leftJoin(projects, eq(projects.id, problems.projectId))
    .leftJoin(meetings, eq(meetings.id, problems.meetingId));
}
export type ProblemRow = Awaited<ReturnType<typeof findProblem>> & {};

export async function findProblem(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}) {
  const query = selectProblems(db).where(and(eq(problems.id, id), scopeToRegion(problems.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: problems }) : await query;
  return row ?? null;
}

export async function listProblems(db: Db, actor: Actor, q: ListProblemsQuery, today: string) {
  const where = and(
    scopeToRegion(problems.regionCode, actor),
    q.region ? inRegionSubtree(problems.regionCode, q.region) : undefined,
    q.projectId ? eq(problems.projectId, q.projectId) : undefined,
    q.statuses?.length ? inArray(problems.status, q.statuses) : undefined,
    q.open === 'true' ? ne(problems.status, 'closed') : q.open === 'false' ? eq(problems.status, 'closed') : undefined,
    q.overdue === 'true' ? and(inArray(problems.status, ['open', 'in_progress', 'escalated']), lt(problems.dueOn, today)) : undefined,
  );
  const [items, [count]] = await Promise.all([
    selectProblems(db)
      .where(where)
      .orderBy(sql`${problems.dueOn} asc nulls last`, desc(problems.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(problems).where(where),
  ]);
  return { items, total: count!.n };
}

export async function insertProblem(tx: Db, values: typeof problems.$inferInsert): Promise<number> {
  const [row] = await tx.insert(problems).values(values).returning({ id: problems.id });
  return row!.id;
}

export async function updateProblemIfVersion(tx: Db, id: number, version: number, set: Partial<typeof problems.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(problems)
    .set({ ...set, version: sql`${problems.version} + 1`, updatedAt: new Date() })
    .where(and(eq(problems.id, id), eq(problems.version, version)))
    .returning({ id: problems.id });
  return rows.length === 1;
}

export async function insertMeeting(tx: Db, values: typeof meetings.$inferInsert): Promise<number> {
  const [row] = await tx.insert(meetings).values(values).returning({ id: meetings.id });
  return row!.id;
}

export async function insertProblemEvent(tx: Db, values: typeof problemEvents.$inferInsert): Promise<void> {
  await tx.insert(problemEvents).values(values);
}

export async function listProblemEvents(db: Db, problemId: number) {
  return db
    .select({
      id: problemEvents.id,
      action: problemEvents.action,
      fromStatus: problemEvents.fromStatus,
      toStatus: problemEvents.toStatus,
      note: problemEvents.note,
      actorName: users.displayName,
      at: problemEvents.at,
    })
    .from(problemEvents)
    .leftJoin(users, eq(users.id, problemEvents.actorId))
    .where(eq(problemEvents.problemId, problemId))
    .orderBy(asc(problemEvents.at), asc(problemEvents.id));
}
