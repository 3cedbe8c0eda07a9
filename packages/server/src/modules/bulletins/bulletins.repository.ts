import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { VocabularyData } from '@guatu/core';
import { rowsOf, type Db } from '../../db/client.js';
import { LANE_LIST } from '../../audit/lane-list.js';
import { auditEvents, batches, bulletinTemplates, bulletins, categories, keyLists, regions, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../filters/filters.repository.js';
import type { ListBulletinsQuery } from './bulletins.schemas.js';

/** Audit entities that are not data the statistics read: accounts and sign-ins, and bulletins themselves. */
const NOT_DATA = ['user', 'bulletin', 'bulletin_template'];

/**
 * The data version: over the audit trail's lanes, the sum of each lane's seq of its latest event
 * on a record the statistics read. Within a lane events commit in order, so each term only grows:
 * equal versions mean equal data, and any change to the data raises the version.
 */
export async function dataVersion(db: Db): Promise<number> {
  const result = await db.execute(sql`${LANE_LIST}
    select coalesce(sum((
      select e.lane_seq from ${auditEvents} e where e.lane = lanes.lane and e.entity not in ${NOT_DATA} order by e.lane_seq desc limit 1
    )), 0)::text as version
    from lanes where lane is not null`);
  return Number(rowsOf<{ version: string }>(result)[0]?.version ?? 0);
}

const columns = { bulletin: bulletins, regionName: regions.name, templateName: bulletinTemplates.name, generatedByName: users.displayName };
export type BulletinRow = { bulletin: typeof bulletins.$inferSelect; regionName: string; templateName: string; generatedByName: string | null };

function selectBulletins(db: Db) {
  return db
    .select(columns)
    .from(bulletins)
    .innerJoin(regions, eq(regions.code, bulletins.regionCode))
    .innerJoin(bulletinTemplates, eq(bulletinTemplates.id, bulletins.templateId))
    .leftJoin(users, eq(users.id, bulletins.generatedBy));
}

export async function findBulletin(db: Db, actor: Actor, id: number): Promise<BulletinRow | null> {
  const [row] = await selectBulletins(db).where(and(eq(bulletins.id, id), scopeToRegion(bulletins.regionCode, actor)));
  return row ?? null;
}

export async function listBulletins(db: Db, actor: Actor, q: ListBulletinsQuery) {
  const where = and(
    scopeToRegion(bulletins.regionCode, actor),
    q.region ? inRegionSubtree(bulletins.regionCode, q.region) : undefined,
    q.templateId ? eq(bulletins.templateId, q.templateId) : undefined,
  );
  const [items, [count]] = await Promise.all([
    selectBulletins(db)
      .where(where)
      .orderBy(desc(bulletins.generatedAt), desc(bulletins.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(bulletins).where(where),
  ]);
  return { items, total: count!.n };
}

export async function insertBulletin(tx: Db, values: typeof bulletins.$inferInsert): Promise<number> {
  const [row] = await tx.insert(bulletins).values(values).returning({ id: bulletins.id });
  return row!.id;
}

/** The Markdown links to the bulletin's own figures, so it is written once the bulletin has its id. */
export async function setBulletinMarkdown(tx: Db, id: number, markdown: string): Promise<void> {
  await tx.update(bulletins).set({ markdown }).where(eq(bulletins.id, id));
}

/** Concentrated starts of the region (and below it) held within the period, inside the actor's scope. */
export async function batchesHeldIn(db: Db, actor: Actor, regionCode: string, from: string, to: string) {
  return db
    .select({ id: batches.id, name: batches.name, heldOn: batches.heldOn, place: batches.place })
    .from(batches)
    .where(and(scopeToRegion(batches.regionCode, actor), inRegionSubtree(batches.regionCode, regionCode), sql`${batches.heldOn} between ${from} and ${to}`))
    .orderBy(asc(batches.heldOn), asc(batches.id));
}

export async function findBatchIn(db: Db, actor: Actor, regionCode: string, id: number) {
  const [row] = await db
    .select({ id: batches.id, name: batches.name, heldOn: batches.heldOn, place: batches.place })
    .from(batches)
    .where(and(eq(batches.id, id), scopeToRegion(batches.regionCode, actor), inRegionSubtree(batches.regionCode, regionCode)));
  return row ?? null;
}

/** Key lists of the region (and below it) for a year, published ones first. */
export async function keyListsOf(db: Db, actor: Actor, regionCode: string, year: number | null, id?: number) {
  return db
    .select({ id: keyLists.id, name: keyLists.name, status: keyLists.status })
    .from(keyLists)
    .where(
      and(
        scopeToRegion(keyLists.regionCode, actor),
        inRegionSubtree(keyLists.regionCode, regionCode),
        year === null ? undefined : eq(keyLists.year, year),
        id === undefined ? undefined : eq(keyLists.id, id),
      ),
    )
    .orderBy(desc(sql`${keyLists.status} = 'published'`), asc(keyLists.id));
}

/** What the figure check reads words against: every region and category, and the batches and key lists the actor may see. */
export async function vocabularyData(db: Db, actor: Actor): Promise<VocabularyData> {
  const [regionRows, categoryRows, batchRows, listRows] = await Promise.all([
    db.select({ code: regions.code, name: regions.name, shortName: regions.shortName, level: regions.level, parentCode: regions.parentCode, path: regions.path }).from(regions),
    db.select({ code: categories.code, nameZh: categories.nameZh }).from(categories).where(eq(categories.active, true)),
    db.select({ id: batches.id, name: batches.name, regionCode: batches.regionCode, heldOn: batches.heldOn }).from(batches).where(scopeToRegion(batches.regionCode, actor)),
    db.select({ id: keyLists.id, name: keyLists.name, regionCode: keyLists.regionCode, year: keyLists.year }).from(keyLists).where(scopeToRegion(keyLists.regionCode, actor)),
  ]);
  return { regions: regionRows, categories: categoryRows, batches: batchRows, keyLists: listRows };
}
