import { sql, type SQL } from 'drizzle-orm';
import { DEFAULT_WARNING_THRESHOLDS, WARNING_THRESHOLDS_SETTING, assessedPeriod } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionCodes } from './filters.repository.js';

/**
 * Warning lights in SQL, by the rule of @guatu/core's warnings.ts (investmentLight, projectLight):
 * investment lags the time-elapsed share of the year's plan by `yellow` points or more → yellow, by
 * more than `red` → red; an overdue milestone or problem → at least yellow. Compared as exact
 * numerics: plan·(10000·month − 12·threshold×100) ⋛ 120000·done.
 *
 * The result is a derived table, one row per project in the actor's scope (or in `regionCodes`,
 * already resolved inside it):
 *   project_id, light, investment_light, annual_plan, completed_ytd, yellow, red,
 *   overdue_milestones, overdue_problems.
 */
export function projectWarnings(actor: Pick<Actor, 'regionPath'>, asOf: string, onlyIds?: number[], regionCodes?: string[]): SQL {
  const period = assessedPeriod(asOf);
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  const lag = (threshold: SQL) => sql`ap.amount * (${10000 * month} - 12 * ${threshold})`;
  const done = sql`(120000 * coalesce(ytd.done, 0))`;
  const red = sql`(ap.amount > 0 and ${lag(sql`th.red`)} > ${done})`;
  const yellow = sql`(ap.amount > 0 and ${lag(sql`th.yellow`)} >= ${done})`;
  const only = onlyIds ? sql`and project_id in ${onlyIds}` : sql``;
  const investment = sql`case when coalesce(ap.amount, 0) = 0 then null when ${red} then 'red' when ${yellow} then 'yellow' else 'green' end`;
  return sql`(
    select p.id as project_id,
      case when ${red} then 'red'
           when ${yellow} or coalesce(ms.n, 0) > 0 or coalesce(pr.n, 0) > 0 then 'yellow'
           else 'green' end as light,
      ${investment} as investment_light,
      ap.amount::text as annual_plan,
      coalesce(ytd.done, 0)::text as completed_ytd,
      (th.yellow / 100.0)::text as yellow,
      (th.red / 100.0)::text as red,
      coalesce(ms.n, 0)::int as overdue_milestones,
      coalesce(pr.n, 0)::int as overdue_problems
    from projects p
    join ${effectiveThresholds()} th on th.region_code = p.region_code
    left join project_annual_plans ap on ap.project_id = p.id and ap.year = ${year}
    left join (
      -- The year's running total at the assessed month: approved reports from January to it.
      select project_id, totals[${month}::int] as done from project_year_figures
      where figure = 'completed_investment' and year = ${year} ${only}
    ) ytd on ytd.project_id = p.id
    left join (
      select project_id, count(*) as n from project_milestones
      where actual_on is null and planned_on < ${asOf}::date ${only} group by project_id
    ) ms on ms.project_id = p.id
    left join (
      select project_id, count(*) as n from problems
      where project_id is not null and status in ('open', 'in_progress', 'escalated') and due_on < ${asOf}::date ${only}
      group by project_id
    ) pr on pr.project_id = p.id
    where ${regionCodes ? inRegionCodes(sql`p.region_code`, regionCodes) : scopeToRegion(sql`p.region_code`, actor)} ${onlyIds ? sql`and p.id in ${onlyIds}` : sql``}
  )`;
}

/**
 * Each region's thresholds in hundredths of a point: its own setting, else the nearest ancestor's,
 * else the default. One row per region.
 */
function effectiveThresholds(): SQL {
  const d = DEFAULT_WARNING_THRESHOLDS;
  return sql`(
    select r.code as region_code,
      round(coalesce((s.value ->> 'yellow')::numeric, ${d.yellow}) * 100) as yellow,
      round(coalesce((s.value ->> 'red')::numeric, ${d.red}) * 100) as red
    from regions r
    left join lateral (
      select rs.value from region_settings rs join regions sr on sr.code = rs.region_code
      where rs.key = ${WARNING_THRESHOLDS_SETTING} and r.path like sr.path || '%'
      order by length(sr.path) desc limit 1
    ) s on true
  )`;
}

export interface WarningRow {
  project_id: string;
  light: 'red' | 'yellow' | 'green';
  investment_light: 'red' | 'yellow' | 'green' | null;
  annual_plan: string | null;
  completed_ytd: string;
  yellow: string;
  red: string;
  overdue_milestones: number;
  overdue_problems: number;
}

/** The warning rows of some projects (already known to be in scope). */
export async function warningsOf(db: Db, actor: Pick<Actor, 'regionPath'>, asOf: string, projectIds: number[]): Promise<Map<number, WarningRow>> {
  if (!projectIds.length) return new Map();
  const result = await db.execute(sql`select * from ${projectWarnings(actor, asOf, projectIds)} w`);
  const rows = (result as unknown as { rows: WarningRow[] }).rows;
  return new Map(rows.map((r) => [Number(r.project_id), r]));
}

/** The milestones and problems of one project that are past due on `asOf`. */
export async function overdueItems(db: Db, projectId: number, asOf: string) {
  const milestones = await db.execute(sql`
    select id::int as id, kind, name, planned_on::text as "plannedOn" from project_milestones
    where project_id = ${projectId} and actual_on is null and planned_on < ${asOf}::date order by planned_on, id`);
  const problems = await db.execute(sql`
    select id::int as id, title, due_on::text as "dueOn" from problems
    where project_id = ${projectId} and status in ('open', 'in_progress', 'escalated') and due_on < ${asOf}::date order by due_on, id`);
  return {
    milestones: (milestones as unknown as { rows: { id: number; kind: string; name: string | null; plannedOn: string }[] }).rows,
    problems: (problems as unknown as { rows: { id: number; title: string; dueOn: string }[] }).rows,
  };
}
