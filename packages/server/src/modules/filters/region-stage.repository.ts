import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inRegionCodes } from './filters.repository.js';
import type { ProjectFilter } from './filters.schemas.js';

/**
 * A project filter that names nothing finer than a project's responsible region and stage selects
 * whole rows of the region-and-stage totals (region_stage_totals, region_stage_year_figures):
 * those rows then stand for its projects.
 */
const REGION_STAGE_FILTERS = new Set(['region', 'regions', 'stages', 'managedBy', 'asOf']);

/** A filter field that selects something: projectConditions ignores empty lists and strings. */
const selects = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

export function selectsWholeRegionStages(filter: ProjectFilter): boolean {
  return Object.entries(filter).every(([key, value]) => REGION_STAGE_FILTERS.has(key) || !selects(value));
}

/** The condition on a region-and-stage row (alias `t`); `regionCodes` from regionCodesFor. */
export function regionStageConditions(filter: ProjectFilter, regionCodes: string[]): SQL {
  const conditions: SQL[] = [sql`t.projects > 0`, inRegionCodes(sql`t.region_code`, regionCodes)];
  if (filter.stages?.length) conditions.push(sql`t.stage in ${filter.stages}`);
  if (filter.managedBy) {
    conditions.push(sql`t.region_code ${filter.managedBy === 'prefecture' ? sql`in` : sql`not in`} (select code from regions where level = 'prefecture')`);
  }
  return sql.join(conditions, sql` and `);
}

/** How many projects such a filter selects, from the totals. */
export async function countProjectsByRegionStage(db: Db, filter: ProjectFilter, regionCodes: string[]): Promise<number> {
  const result = await db.execute(sql`select coalesce(sum(t.projects), 0)::int as n from region_stage_totals t where ${regionStageConditions(filter, regionCodes)}`);
  return (result as unknown as { rows: { n: number }[] }).rows[0]!.n;
}
