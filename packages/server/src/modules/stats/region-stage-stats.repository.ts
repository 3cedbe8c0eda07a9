import { sql } from 'drizzle-orm';
import type { Grouping } from '@guatu/core';
import { inRegionCodes } from '../filters/filters.repository.js';
import { regionStageConditions, selectsWholeRegionStages } from '../filters/region-stage.repository.js';
import { FUND_COLUMNS, MANAGED_BY_KEY, regionKey, summedRangesCte, type ProjectStatsInput, type SummedRange } from './project-stats.repository.js';
import type { AggregatePlan } from './stats.repository.js';

/**
 * The same statistics as projectStatsPlan, read from the region-and-stage totals when a request
 * names nothing finer than a project's region and stage: its filter, groupings and measures are
 * all among these. Then last year's set is this year's (no dates in the filter), and one row per
 * region and stage stands for all its projects.
 */
const GROUPINGS = new Set<Grouping>(['region', 'stage', 'managedBy']);
const MEASURES = new Set(['count', 'totalInvestment', 'agreementAmount', 'plannedInvestment', 'completedInvestment', 'fundsInPlace']);

function answersFromRegionStage(input: ProjectStatsInput): boolean {
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
    const key = g === 'region' ? regionKey(bases) : g === 'stage' ? sql`t.stage` : MANAGED_BY_KEY;
    return sql`${key} as ${sql.raw(`g${i}`)}`;
  });
  const sel = sql`select null::bigint as id, true as cur, t.region_code, t.stage, t.projects, t.total_investment, t.agreement_amount
      ${keys.length ? sql`, ${sql.join(keys, sql`, `)}` : sql``}
    from region_stage_totals t ${needsRegion ? sql`join regions r on r.code = t.region_code` : sql``}
    where ${regionStageConditions(filter, regionCodes)}`;

  const yearly: SummedRange[] = [];
  const values = input.specs.map(({ base: b }) => {
    switch (b.kind) {
      case 'count':
        return sql`coalesce(sum(sel.projects), 0)::int`;
      case 'totalInvestment':
        return sql`coalesce(sum(sel.total_investment), 0)::text`;
      case 'agreementAmount':
        return sql`coalesce(sum(sel.agreement_amount), 0)::text`;
      case 'plannedInvestment':
        // A year's plan is held as twelve equal running totals: the range over its whole year reads element 12.
        yearly.push({ figures: ['planned_investment'], from: `${b.year}-01`, to: `${b.year}-12` });
        break;
      case 'completedInvestment':
        yearly.push({ figures: ['completed_investment'], from: b.from, to: b.to });
        break;
      case 'fundsInPlace':
        yearly.push({ figures: b.source ? [FUND_COLUMNS[b.source]] : Object.values(FUND_COLUMNS), from: b.from, to: b.to });
        break;
      default:
        throw new Error(`not a region-and-stage measure: ${b.kind}`);
    }
    return sql`coalesce(sum(rsy.${sql.raw(`v${yearly.length - 1}`)}), 0)::text`;
  });
  if (!yearly.length) return { sel, groupCount: input.groupBy.length, joins: [], values, drill: false };
  return {
    sel,
    groupCount: input.groupBy.length,
    ctes: [summedRangesCte('rsy', 'region_stage_year_figures', ['region_code', 'stage'], yearly, inRegionCodes(sql`region_code`, regionCodes))],
    joins: [sql`left join rsy on rsy.region_code = sel.region_code and rsy.stage = sel.stage`],
    values,
    drill: false,
  };
}
