import { sql, type SQL } from 'drizzle-orm';
import type { Grouping } from '@guatu/core';
import { inRegionCodes } from '../filters/filters.repository.js';
import { regionStageConditions, selectsWholeRegionStages } from '../filters/region-stage.repository.js';
import { FUND_COLUMNS, rangeSum, type ProjectStatsInput } from './project-stats.repository.js';
import type { AggregatePlan } from './stats.repository.js';

/**
 * The same statistics as projectStatsPlan, read from the region-and-stage totals when a request
 * names nothing finer than a project's region and stage: its filter, groupings and measures are
 * all among these. Then last year's set is this year's (no dates in the filter), and one row per
 * region and stage stands for all its projects.
 */
const GROUPINGS = new Set<Grouping>(['region', 'stage', 'managedBy']);
const MEASURES = new Set(['count', 'totalInvestment', 'agreementAmount', 'plannedInvestment', 'completedInvestment', 'fundsInPlace']);

export function answersFromRegionStage(input: ProjectStatsInput): boolean {
  return (
    !input.drill &&
    selectsWholeRegionStages(input.filter) &&
    input.groupBy.every((g) => GROUPINGS.has(g)) &&
    input.specs.every((s) => MEASURES.has(s.base.kind))
  );
}

export function regionStagePlan(input: ProjectStatsInput): AggregatePlan | null {
  if (!answersFromRegionStage(input)) return null;
  const { filter, regionCodes, bases } = input;
  const needsRegion = input.groupBy.includes('region') || input.groupBy.includes('managedBy');
  const keys = input.groupBy.map((g, i) => {
    const key =
      g === 'region'
        ? sql`coalesce(nullif(split_part(r.path, '/', ${bases.region.depth + 1}), ''), ${bases.region.code})`
        : g === 'stage'
          ? sql`t.stage`
          : sql`case when r.level = 'prefecture' then 'prefecture' else 'county' end`;
    return sql`${key} as ${sql.raw(`g${i}`)}`;
  });
  const sel = sql`select null::bigint as id, true as cur, t.region_code, t.stage, t.projects, t.total_investment, t.agreement_amount
      ${keys.length ? sql`, ${sql.join(keys, sql`, `)}` : sql``}
    from region_stage_totals t ${needsRegion ? sql`join regions r on r.code = t.region_code` : sql``}
    where ${regionStageConditions(filter, regionCodes)}`;

  const yearly: { figures: string[]; from: string | null; to: string; sum: SQL }[] = [];
  const values = input.specs.map(({ base: b }) => {
    switch (b.kind) {
      case 'count':
        return sql`coalesce(sum(sel.projects), 0)::int`;
      case 'totalInvestment':
        return sql`coalesce(sum(sel.total_investment), 0)::text`;
      case 'agreementAmount':
        return sql`coalesce(sum(sel.agreement_amount), 0)::text`;
      case 'plannedInvestment':
        yearly.push({ figures: ['planned_investment'], from: `${b.year}-01`, to: `${b.year}-12`, sum: sql`totals[12]` });
        break;
      case 'completedInvestment':
        yearly.push({ figures: ['completed_investment'], from: b.from, to: b.to, sum: rangeSum(b.from, b.to) });
        break;
      case 'fundsInPlace':
        yearly.push({ figures: b.source ? [FUND_COLUMNS[b.source]] : Object.values(FUND_COLUMNS), from: b.from, to: b.to, sum: rangeSum(b.from, b.to) });
        break;
      default:
        throw new Error(`not a region-and-stage measure: ${b.kind}`);
    }
    return sql`coalesce(sum(rsy.${sql.raw(`v${yearly.length - 1}`)}), 0)::text`;
  });
  if (!yearly.length) return { sel, groupCount: input.groupBy.length, joins: [], values, drill: false };

  const yearOf = (period: string) => Number(period.slice(0, 4));
  const inYears = (from: string | null, to: string) => (from ? sql`year between ${yearOf(from)} and ${yearOf(to)}` : sql`year <= ${yearOf(to)}`);
  const figures = [...new Set(yearly.flatMap((y) => y.figures))];
  const first = yearly.some((y) => y.from === null) ? null : `${Math.min(...yearly.map((y) => yearOf(y.from!)))}-01`;
  const last = `${Math.max(...yearly.map((y) => yearOf(y.to)))}-12`;
  const sums = yearly.map((y, k) => sql`sum(${y.sum}) filter (where figure in ${y.figures} and ${inYears(y.from, y.to)}) as ${sql.raw(`v${k}`)}`);
  const cte = sql`rsy as materialized (
    select region_code, stage, ${sql.join(sums, sql`, `)} from region_stage_year_figures
    where figure in ${figures} and ${inYears(first, last)} and ${inRegionCodes(sql`region_code`, regionCodes)}
    group by region_code, stage
  )`;
  return {
    sel,
    groupCount: input.groupBy.length,
    ctes: [cte],
    joins: [sql`left join rsy on rsy.region_code = sel.region_code and rsy.stage = sel.stage`],
    values,
    drill: false,
  };
}
