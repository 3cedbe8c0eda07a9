import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { annualPlans, categories, enterprises, projects, provinces, regions, stageChanges, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import type { ListProjectsQuery, ProjectPointsQuery } from './projects.schemas.js';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectInsert = typeof projects.$inferInsert;

const locations = alias(regions, 'location');
const updaters = alias(users, 'updater');

const detailColumns = {
  project: projects,
  regionName: regions.name,
  regionLevel: regions.level,
  locationRegionName: locations.name,
  categoryName: categories.nameZh,
  investorName: enterprises.name,
  investorCreditCode: enterprises.creditCode,
  investorProvinceCode: enterprises.homeProvinceCode,
  investorProvinceName: provinces.name,
  updatedByName: updaters.displayName,
};

function selectProjectDetail(db: Db) {
  return db
    .select(detailColumns)
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(categories, eq(categories.code, projects.categoryCode))
    .leftJoin(locations, eq(locations.code, projects.locationRegionCode))
    .leftJoin(enterprises, eq(enterprises.id, projects.investorEnterpriseId))
    .leftJoin(provinces, eq(provinces.code, enterprises.homeProvinceCode))
    .leftJoin(updaters, eq(updaters.id, projects.updatedBy));
}

export type ProjectDetailRow = Awaited<ReturnType<typeof selectProjectDetail>>[number] & { annualPlans: { year: number; amount: string }[] };

/** One project inside the actor's region, with the names a screen needs. */
export async function findProject(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}): Promise<ProjectDetailRow | null> {
  const query = selectProjectDetail(db).where(and(eq(projects.id, id), scopeToRegion(projects.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: projects }) : await query;
  if (!row) return null;
  const plans = await db
    .select({ year: annualPlans.year, amount: annualPlans.amount })
    .from(annualPlans)
    .where(eq(annualPlans.projectId, id))
    .orderBy(asc(annualPlans.year));
  return { ...row, annualPlans: plans };
}

/** Regions in the subtree of `code`. */
export const inRegionSubtree = (column: SQL | AnyColumn, code: string) =>
  sql`${column} in (select r.code from regions r join regions f on r.path like f.path || '%' where f.code = ${code})`;

/** Categories equal to or below any of `codes`. */
export const inCategoryTree = (codes: string[]) =>
  sql`${projects.categoryCode} in (select c.code from categories c join categories f on c.path like f.path || '%' where f.code in ${codes})`;

function filterConditions(actor: Actor, q: ProjectPointsQuery): SQL {
  return and(
    scopeToRegion(projects.regionCode, actor),
    q.region ? inRegionSubtree(projects.regionCode, q.region) : undefined,
    q.categories?.length ? inCategoryTree(q.categories) : undefined,
    q.stages?.length ? inArray(projects.stage, q.stages) : undefined,
    q.levels?.length ? inArray(projects.level, q.levels) : undefined,
    q.kinds?.length ? inArray(projects.kind, q.kinds) : undefined,
    q.startedFrom ? gte(projects.startedOn, q.startedFrom) : undefined,
    q.startedTo ? lte(projects.startedOn, q.startedTo) : undefined,
    q.signedFrom ? gte(projects.signedOn, q.signedFrom) : undefined,
    q.signedTo ? lte(projects.signedOn, q.signedTo) : undefined,
    q.completedFrom ? gte(projects.completedOn, q.completedFrom) : undefined,
    q.completedTo ? lte(projects.completedOn, q.completedTo) : undefined,
    q.managedBy === 'prefecture' ? sql`${projects.regionCode} in (select code from regions where level = 'prefecture')` : undefined,
    q.ids?.length ? inArray(projects.id, q.ids) : undefined,
    q.minTotalInvestment ? gte(projects.totalInvestment, q.minTotalInvestment) : undefined,
    q.maxTotalInvestment ? lte(projects.totalInvestment, q.maxTotalInvestment) : undefined,
    q.q ? or(ilike(projects.name, `%${escapeLike(q.q)}%`), ilike(projects.code, `${escapeLike(q.q)}%`)) : undefined,
  )!;
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => '\\' + c);

const SORT_COLUMNS = {
  code: projects.code,
  name: projects.name,
  totalInvestment: projects.totalInvestment,
  startedOn: projects.startedOn,
  stage: projects.stage,
  updatedAt: projects.updatedAt,
} as const;

export async function listProjects(db: Db, actor: Actor, q: ListProjectsQuery) {
  const where = filterConditions(actor, q);
  const column = SORT_COLUMNS[q.sort];
  const order = q.order === 'asc' ? [asc(column), asc(projects.id)] : [sql`${column} desc nulls last`, desc(projects.id)];
  const [items, [count]] = await Promise.all([
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        kind: projects.kind,
        regionCode: projects.regionCode,
        regionName: regions.name,
        regionLevel: regions.level,
        categoryCode: projects.categoryCode,
        categoryName: categories.nameZh,
        level: projects.level,
        stage: projects.stage,
        startedOn: projects.startedOn,
        totalInvestment: projects.totalInvestment,
        version: projects.version,
      })
      .from(projects)
      .innerJoin(regions, eq(regions.code, projects.regionCode))
      .innerJoin(categories, eq(categories.code, projects.categoryCode))
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where),
  ]);
  return { items, total: count!.n };
}

export async function projectCodeExists(db: Db, code: string, exceptId?: number): Promise<boolean> {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.code, code));
  return !!row && row.id !== exceptId;
}

export async function insertProject(tx: Db, values: ProjectInsert): Promise<number> {
  const [row] = await tx.insert(projects).values(values).returning({ id: projects.id });
  return row!.id;
}

/** Compare-and-set on the version: false when someone else changed the row first. */
export async function updateProjectIfVersion(tx: Db, id: number, version: number, set: Partial<ProjectInsert>): Promise<boolean> {
  const rows = await tx
    .update(projects)
    .set({ ...set, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning({ id: projects.id });
  return rows.length === 1;
}

export async function replaceAnnualPlans(tx: Db, projectId: number, plans: { year: number; amount: string }[]): Promise<void> {
  await tx.delete(annualPlans).where(eq(annualPlans.projectId, projectId));
  if (plans.length) await tx.insert(annualPlans).values(plans.map((p) => ({ projectId, ...p })));
}

export async function insertStageChange(tx: Db, values: typeof stageChanges.$inferInsert): Promise<void> {
  await tx.insert(stageChanges).values(values);
}

export async function listStageChanges(db: Db, projectId: number) {
  return db
    .select({
      id: stageChanges.id,
      fromStage: stageChanges.fromStage,
      toStage: stageChanges.toStage,
      effectiveOn: stageChanges.effectiveOn,
      note: stageChanges.note,
      changedByName: users.displayName,
      changedAt: stageChanges.changedAt,
    })
    .from(stageChanges)
    .leftJoin(users, eq(users.id, stageChanges.changedBy))
    .where(eq(stageChanges.projectId, projectId))
    .orderBy(asc(stageChanges.changedAt), asc(stageChanges.id));
}

/** Where the projects are: every filtered project in the actor's region that has coordinates. */
export async function listProjectPoints(db: Db, actor: Actor, q: ProjectPointsQuery, limit: number) {
  return db
    .select({ id: projects.id, name: projects.name, longitude: projects.longitude, latitude: projects.latitude, stage: projects.stage, regionCode: projects.regionCode })
    .from(projects)
    .where(and(filterConditions(actor, q), isNotNull(projects.longitude), isNotNull(projects.latitude)))
    .orderBy(asc(projects.id))
    .limit(limit);
}
