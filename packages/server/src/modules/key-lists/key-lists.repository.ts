import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyListProjects, keyListRevisions, keyLists, projects, regions, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';
import type { ListKeyListsQuery } from './key-lists.schemas.js';

const columns = { list: keyLists, regionName: regions.name, regionPath: regions.path, publishedByName: users.displayName };

export type KeyListRow = { list: typeof keyLists.$inferSelect; regionName: string; regionPath: string; publishedByName: string | null; projectIds: number[] };

function selectLists(db: Db) {
  return db.select(columns).from(keyLists).innerJoin(regions, eq(regions.code, keyLists.regionCode)).leftJoin(users, eq(users.id, keyLists.publishedBy));
}

async function memberIds(db: Db, actor: Actor, listIds: number[]): Promise<Map<number, number[]>> {
  if (!listIds.length) return new Map();
  const rows = await db
    .select({ listId: keyListProjects.keyListId, projectId: keyListProjects.projectId })
    .from(keyListProjects)
    .innerJoin(projects, eq(projects.id, keyListProjects.projectId))
    .where(and(sql`${keyListProjects.keyListId} in ${listIds}`, scopeToRegion(projects.regionCode, actor)))
    .orderBy(asc(keyListProjects.projectId));
  const out = new Map<number, number[]>();
  for (const r of rows) out.set(r.listId, [...(out.get(r.listId) ?? []), r.projectId]);
  return out;
}

export async function findKeyList(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}): Promise<KeyListRow | null> {
  const query = selectLists(db).where(and(eq(keyLists.id, id), scopeToRegion(keyLists.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: keyLists }) : await query;
  if (!row) return null;
  return { ...row, projectIds: (await memberIds(db, actor, [id])).get(id) ?? [] };
}

export async function listKeyLists(db: Db, actor: Actor, q: ListKeyListsQuery) {
  const where = and(
    scopeToRegion(keyLists.regionCode, actor),
    q.region ? inRegionSubtree(keyLists.regionCode, q.region) : undefined,
    q.year ? eq(keyLists.year, q.year) : undefined,
    q.status ? eq(keyLists.status, q.status) : undefined,
    q.q ? ilike(keyLists.name, `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    selectLists(db)
      .where(where)
      .orderBy(desc(keyLists.year), desc(keyLists.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(keyLists).where(where),
  ]);
  const members = await memberIds(db, actor, rows.map((r) => r.list.id));
  return { items: rows.map((r) => ({ ...r, projectIds: members.get(r.list.id) ?? [] })), total: count!.n };
}

export async function insertKeyList(tx: Db, values: typeof keyLists.$inferInsert): Promise<number> {
  const [row] = await tx.insert(keyLists).values(values).returning({ id: keyLists.id });
  return row!.id;
}

export async function updateKeyListIfVersion(tx: Db, id: number, version: number, set: Partial<typeof keyLists.$inferInsert>): Promise<boolean> {
  const rows = await tx
    .update(keyLists)
    .set({ ...set, version: sql`${keyLists.version} + 1`, updatedAt: new Date() })
    .where(and(eq(keyLists.id, id), eq(keyLists.version, version)))
    .returning({ id: keyLists.id });
  return rows.length === 1;
}

export async function addToKeyList(tx: Db, keyListId: number, projectIds: number[]): Promise<void> {
  if (projectIds.length) await tx.insert(keyListProjects).values([...new Set(projectIds)].map((projectId) => ({ keyListId, projectId }))).onConflictDoNothing();
}

export async function removeFromKeyList(tx: Db, keyListId: number, projectIds: number[]): Promise<void> {
  if (projectIds.length) await tx.delete(keyListProjects).where(and(eq(keyListProjects.keyListId, keyListId), sql`${keyListProjects.projectId} in ${projectIds}`));
}

/** Removes the projects of a draft list that the actor may see (others stay). */
export async function clearVisibleMembers(tx: Db, actor: Actor, keyListId: number): Promise<void> {
  await tx.delete(keyListProjects).where(and(eq(keyListProjects.keyListId, keyListId), sql`${keyListProjects.projectId} in (select id from projects where ${scopeToRegion(sql`region_code`, actor)})`));
}

export async function insertRevision(tx: Db, values: typeof keyListRevisions.$inferInsert): Promise<void> {
  await tx.insert(keyListRevisions).values(values);
}

export async function listRevisions(db: Db, keyListId: number) {
  return db
    .select({ revision: keyListRevisions, revisedByName: users.displayName })
    .from(keyListRevisions)
    .leftJoin(users, eq(users.id, keyListRevisions.revisedBy))
    .where(eq(keyListRevisions.keyListId, keyListId))
    .orderBy(asc(keyListRevisions.revisedAt), asc(keyListRevisions.id));
}

/** Code and name of projects the actor may see; others are named by id only. */
export async function projectNames(db: Db, actor: Actor, ids: number[]): Promise<Map<number, { code: string; name: string }>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: projects.id, code: projects.code, name: projects.name })
    .from(projects)
    .where(and(sql`${projects.id} in ${ids}`, scopeToRegion(projects.regionCode, actor)));
  return new Map(rows.map((r) => [r.id, { code: r.code, name: r.name }]));
}
