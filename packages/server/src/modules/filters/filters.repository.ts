import { and, gte, ilike, inArray, lt, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { SIZE_BANDS } from '@guatu/core';
import { projects } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import type { Db } from '../../db/client.js';
import type { ProjectFilter } from './filters.schemas.js';
import { projectWarnings } from './warnings.repository.js';

/** Regions in the subtree of `code`. */
export const inRegionSubtree = (column: SQL | AnyColumn, code: string) =>
  sql`${column} in (select r.code from regions r join regions f on r.path like f.path || '%' where f.code = ${code})`;

/** Regions in the subtree of any of `codes`. */
export const inRegionSubtrees = (column: SQL | AnyColumn, codes: string[]) =>
  sql`${column} in (select r.code from regions r join regions f on r.path like f.path || '%' where f.code in ${codes})`;

/** Categories equal to or below any of `codes`. */
export const inCategoryTree = (codes: string[], column: SQL | AnyColumn = projects.categoryCode) =>
  sql`${column} in (select c.code from categories c join categories f on c.path like f.path || '%' where f.code in ${codes})`;

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * The regions a filter's `region` and `regions` select inside the actor's scope, resolved before
 * the main query: the planner estimates `region_code in (<codes>)` from its statistics, whereas it
 * takes the path-prefix joins for one row and then chooses nested loops over tens of thousands.
 */
export async function regionCodesFor(db: Db, actor: Pick<Actor, 'regionPath'>, f: Pick<ProjectFilter, 'region' | 'regions'>): Promise<string[]> {
  const result = await db.execute(sql`select r.code from regions r where r.path like ${escapeLike(actor.regionPath) + '%'}
    ${f.region ? sql`and exists (select 1 from regions f where f.code = ${f.region} and r.path like f.path || '%')` : sql``}
    ${f.regions?.length ? sql`and exists (select 1 from regions f where f.code in ${f.regions} and r.path like f.path || '%')` : sql``}`);
  return (result as unknown as { rows: { code: string }[] }).rows.map((r) => r.code);
}

/** `column` is one of `codes` (never true for none). */
export const inRegionCodes = (column: SQL | AnyColumn, codes: string[]) => (codes.length ? sql`${column} in ${codes}` : sql`false`);

/**
 * The WHERE condition for a project filter, always inside the actor's scope. `asOf` is the day
 * warning lights are judged on (the filter's own `asOf`, else today). `regionCodes`, from
 * regionCodesFor with the same actor and filter, stands for the scope and region conditions.
 */
export function projectConditions(actor: Actor, f: ProjectFilter, asOf: string, regionCodes?: string[]): SQL {
  const p = projects;
  const warned = (condition: SQL) => sql`${p.id} in (select w.project_id from ${projectWarnings(actor, asOf, undefined, regionCodes)} w where ${condition})`;
  return and(
    ...(regionCodes
      ? [inRegionCodes(p.regionCode, regionCodes)]
      : [
          scopeToRegion(p.regionCode, actor),
          f.region ? inRegionSubtree(p.regionCode, f.region) : undefined,
          f.regions?.length ? inRegionSubtrees(p.regionCode, f.regions) : undefined,
        ]),
    f.managedBy
      ? sql`${p.regionCode} ${f.managedBy === 'prefecture' ? sql`in` : sql`not in`} (select code from regions where level = 'prefecture')`
      : undefined,
    f.categories?.length ? inCategoryTree(f.categories) : undefined,
    f.stages?.length ? inArray(p.stage, f.stages) : undefined,
    f.levels?.length ? inArray(p.level, f.levels) : undefined,
    f.kinds?.length ? inArray(p.kind, f.kinds) : undefined,
    f.startedFrom ? gte(p.startedOn, f.startedFrom) : undefined,
    f.startedTo ? lte(p.startedOn, f.startedTo) : undefined,
    f.signedFrom ? gte(p.signedOn, f.signedFrom) : undefined,
    f.signedTo ? lte(p.signedOn, f.signedTo) : undefined,
    f.completedFrom ? gte(p.completedOn, f.completedFrom) : undefined,
    f.completedTo ? lte(p.completedOn, f.completedTo) : undefined,
    f.batch ? sql`${p.id} in (select project_id from batch_projects where batch_id = ${f.batch})` : undefined,
    f.keyList ? sql`${p.id} in (select project_id from key_list_projects where key_list_id = ${f.keyList})` : undefined,
    f.group
      ? sql`${p.regionCode} in (select r.code from regions r join accountability_group_regions g on r.path like (select path from regions where code = g.region_code) || '%' where g.group_id = ${f.group})`
      : undefined,
    f.minTotalInvestment ? gte(p.totalInvestment, f.minTotalInvestment) : undefined,
    f.maxTotalInvestment ? lte(p.totalInvestment, f.maxTotalInvestment) : undefined,
    f.sizeBands?.length
      ? or(
          ...SIZE_BANDS.filter((b) => f.sizeBands!.includes(b.code)).map((b) =>
            and(gte(p.totalInvestment, b.min), b.max === null ? undefined : lt(p.totalInvestment, b.max)),
          ),
        )
      : undefined,
    f.lights?.length ? warned(sql`w.light in ${f.lights}`) : undefined,
    f.warnings?.length ? warned(or(...f.warnings.map(reasonCondition))!) : undefined,
    f.ids?.length ? inArray(p.id, f.ids) : undefined,
    f.q ? or(ilike(p.name, `%${escapeLike(f.q)}%`), ilike(p.code, `${escapeLike(f.q)}%`)) : undefined,
  )!;
}

function reasonCondition(reason: NonNullable<ProjectFilter['warnings']>[number]): SQL {
  switch (reason) {
    case 'investment-red':
      return sql`w.investment_light = 'red'`;
    case 'investment-yellow':
      return sql`w.investment_light = 'yellow'`;
    case 'milestone-overdue':
      return sql`w.overdue_milestones > 0`;
    case 'problem-overdue':
      return sql`w.overdue_problems > 0`;
  }
}
