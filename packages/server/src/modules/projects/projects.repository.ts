import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { annualPlans, categories, enterprises, projects, provinces, regions, stageChanges, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Light, Stage } from '@guatu/core';
import { projectConditions, regionCodesFor } from '../filters/filters.repository.js';
import { projectWarnings } from '../filters/warnings.repository.js';
import { countProjectsByRegionStage, selectsWholeRegionStages } from '../filters/region-stage.repository.js';
import type { ProjectFilter } from '../filters/filters.schemas.js';
import type { Actor } from '../../policies/actor.js';
import type { ProjectSort } from './projects.schemas.js';

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

export { inCategoryTree, inRegionSubtree } from '../filters/filters.repository.js';

const SORT_COLUMNS = {
  code: projects.code,
  name: projects.name,
  totalInvestment: projects.totalInvestment,
  startedOn: projects.startedOn,
  stage: projects.stage,
  updatedAt: projects.updatedAt,
} as const;

export interface ProjectPage {
  sort: ProjectSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** A page of the projects a filter selects: the same projects the statistics engine counts for it. */
export async function listProjects(db: Db, actor: Actor, filter: ProjectFilter, q: ProjectPage, asOf: string) {
  const regionCodes = await regionCodesFor(db, actor, filter);
  const where = projectConditions(actor, filter, asOf, regionCodes);
  const column = SORT_COLUMNS[q.sort];
  const order = q.order === 'asc' ? [asc(column), asc(projects.id)] : [sql`${column} desc nulls last`, desc(projects.id)];
  const [items, total] = await Promise.all([
    db
      .select({
        id: projects.id,
        code: projects.code,
        name: projects.name,
        kind: projects.kind,
        regionCode: projects.regionCode,
        regionName: regions.name,
        regionLevel: regions.level,
        locationRegionCode: projects.locationRegionCode,
        longitude: projects.longitude,
        latitude: projects.latitude,
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
    selectsWholeRegionStages(filter)
      ? countProjectsByRegionStage(db, filter, regionCodes)
      : db
          .select({ n: sql<number>`count(*)::int` })
          .from(projects)
          .where(where)
          .then(([row]) => row!.n),
  ]);
  return { items, total };
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

/** Of these ids, the projects the actor may see, with where each one sits. */
export async function projectsInScope(db: Db, actor: Actor, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: projects.id, code: projects.code, name: projects.name, regionCode: projects.regionCode, regionPath: regions.path })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(sql`${projects.id} in ${ids}`, scopeToRegion(projects.regionCode, actor)));
}

/**
 * Where the filtered projects are, with their warning lights: every project the filter selects
 * that has coordinates, up to `limit`.
 */
export async function listProjectPoints(db: Db, actor: Actor, filter: ProjectFilter, asOf: string, limit: number) {
  const result = await db.execute(sql`
    select ${projects.id} as id, ${projects.name} as name, ${projects.longitude}::text as longitude, ${projects.latitude}::text as latitude,
      ${projects.stage} as stage, ${projects.regionCode} as "regionCode", w.light as light
    from ${projects}
    join ${projectWarnings(actor, asOf)} w on w.project_id = ${projects.id}
    where ${projectConditions(actor, filter, asOf)} and ${projects.longitude} is not null and ${projects.latitude} is not null
    order by ${projects.id}
    limit ${limit}`);
  return (result as unknown as { rows: { id: number; name: string; longitude: string; latitude: string; stage: Stage; regionCode: string; light: Light }[] }).rows;
}
