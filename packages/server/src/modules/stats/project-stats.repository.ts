import { sql, type SQL } from 'drizzle-orm';
import { SIZE_BANDS, shiftDateYears, type BaseMeasure, type FundSource, type Grouping } from '@guatu/core';
import { projects } from '../../db/schema/index.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionCodes, projectConditions } from '../filters/filters.repository.js';
import { DATED_FILTERS, type ProjectFilter } from '../filters/filters.schemas.js';
import { projectWarnings } from '../filters/warnings.repository.js';
import type { AggregatePlan } from './stats.repository.js';

/** A value to compute: a base measure over the current set, or (already shifted a year back) over last year's. */
export interface ValueSpec {
  base: BaseMeasure;
  set: 'cur' | 'prev';
}

/** Where region and category groupings start: rows are the next level below these. */
export interface GroupingBases {
  region: { code: string; depth: number };
  category: { code: string; depth: number };
}

export interface ProjectStatsInput {
  actor: Actor;
  filter: ProjectFilter;
  asOf: string;
  groupBy: Grouping[];
  specs: ValueSpec[];
  drill: boolean;
  bases: GroupingBases;
  /** The filter's regions inside the actor's scope (regionCodesFor). */
  regionCodes: string[];
}

export const FUND_COLUMNS: Record<FundSource, string> = {
  outOfProvince: 'funds_out_of_province',
  inProvince: 'funds_in_province',
  foreign: 'funds_foreign',
  centralBudget: 'funds_central_budget',
  specialBonds: 'funds_special_bonds',
  bankLoans: 'funds_bank_loans',
  selfRaised: 'funds_self_raised',
};

/** The same filter a year earlier: every date in it moves back one year. */
export function shiftFilterYear(filter: ProjectFilter): ProjectFilter {
  const shifted: ProjectFilter = { ...filter };
  for (const key of DATED_FILTERS) if (filter[key]) shifted[key] = shiftDateYears(filter[key]!, -1);
  return shifted;
}

export function projectStatsPlan(input: ProjectStatsInput): AggregatePlan {
  const withPrev = input.specs.some((s) => s.set === 'prev');
  const selects = [selectSet(input, input.filter, input.asOf, true)];
  if (withPrev) selects.push(selectSet(input, shiftFilterYear(input.filter), shiftDateYears(input.asOf, -1), false));

  const joins: SQL[] = [];
  const ctes: SQL[] = [];
  const summed: SummedRange[] = [];
  const values = input.specs.map((spec, j) => {
    const only = spec.set === 'cur' ? sql`sel.cur` : sql`not sel.cur`;
    const alias = sql.raw(`m${j}`);
    const b = spec.base;
    switch (b.kind) {
      case 'count':
        return sql`(count(*) filter (where ${only}))::int`;
      case 'totalInvestment':
        return sql`coalesce(sum(sel.total_investment) filter (where ${only}), 0)::text`;
      case 'agreementAmount':
        return sql`coalesce(sum(sel.agreement_amount) filter (where ${only}), 0)::text`;
      case 'attr':
        return sql`coalesce(sum((sel.attributes ->> ${b.key})::numeric) filter (where ${only}), 0)::text`;
      case 'plannedInvestment':
        joins.push(sql`left join project_annual_plans ${alias} on ${alias}.project_id = sel.id and ${alias}.year = ${b.year}`);
        return sql`coalesce(sum(${alias}.amount) filter (where ${only}), 0)::text`;
      case 'completedInvestment':
      case 'fundsInPlace':
        summed.push({ figures: b.kind === 'completedInvestment' ? ['completed_investment'] : fundsColumns(b.source), from: b.from, to: b.to });
        return sql`coalesce(sum(pyf.${sql.raw(`v${summed.length - 1}`)}) filter (where ${only}), 0)::text`;
      default:
        throw new Error(`not a project measure: ${b.kind}`);
    }
  });

  if (summed.length) {
    // The rows are limited to the filter's regions (or ids), which the planner can estimate, not to
    // `sel`, whose size a CTE hides from it; the join keeps exactly the selected projects.
    const among = input.filter.ids?.length ? sql`project_id in ${input.filter.ids}` : sql`project_id in (select id from projects where ${inRegionCodes(sql`region_code`, input.regionCodes)})`;
    ctes.push(summedRangesCte('pyf', 'project_year_figures', ['project_id'], summed, among));
    joins.push(sql`left join pyf on pyf.project_id = sel.id`);
  }

  return { sel: sql.join(selects, sql` union all `), groupCount: input.groupBy.length, ctes, joins, values, drill: input.drill };
}

/** A month range of some summed figures: `figures` added up over from..to. */
export interface SummedRange {
  figures: string[];
  from: string | null;
  to: string;
}

/**
 * A materialized CTE over a table of running totals (figure, year, totals[12], and `keys`): per
 * group of `keys`, one column v<k> per range, all from one pass over the figures and years they
 * need: at most two array reads per row instead of a scan of the reports. `among` limits the rows.
 */
export function summedRangesCte(name: string, table: string, keys: string[], ranges: SummedRange[], among: SQL): SQL {
  const figures = [...new Set(ranges.flatMap((m) => m.figures))];
  const first = ranges.some((m) => m.from === null) ? null : `${Math.min(...ranges.map((m) => yearOf(m.from!)))}-01`;
  const last = `${Math.max(...ranges.map((m) => yearOf(m.to)))}-12`;
  const sums = ranges.map((m, k) => sql`sum(${rangeSum(m.from, m.to)}) filter (where figure in ${m.figures} and ${yearRange(m.from, m.to)}) as ${sql.raw(`v${k}`)}`);
  const keyList = sql.raw(keys.join(', '));
  return sql`${sql.raw(name)} as materialized (
    select ${keyList}, ${sql.join(sums, sql`, `)} from ${sql.raw(table)}
    where figure in ${figures} and ${yearRange(first, last)} and ${among}
    group by ${keyList}
  )`;
}

function fundsColumns(source: FundSource | null): string[] {
  return source ? [FUND_COLUMNS[source]] : Object.values(FUND_COLUMNS);
}

const monthOf = (period: string) => Number(period.slice(5, 7));
const yearOf = (period: string) => Number(period.slice(0, 4));

function yearRange(from: string | null, to: string): SQL {
  return from ? sql`year between ${yearOf(from)} and ${yearOf(to)}` : sql`year <= ${yearOf(to)}`;
}

/**
 * The approved sum over the months from..to that fall in this row's year: the running total at the
 * range's last month in this year, less the running total before its first month.
 */
export function rangeSum(from: string | null, to: string): SQL {
  const upTo = sql`totals[case when year = ${yearOf(to)} then ${monthOf(to)}::int else 12 end]`;
  if (!from || monthOf(from) === 1) return upTo;
  return sql`(${upTo} - case when year = ${yearOf(from)} then totals[${monthOf(from) - 1}::int] else 0 end)`;
}

function selectSet(input: ProjectStatsInput, filter: ProjectFilter, asOf: string, cur: boolean): SQL {
  const needsLight = input.groupBy.includes('light');
  // Only the groupings read the region and category rows; every project has both (foreign keys).
  const needsRegion = input.groupBy.includes('region') || input.groupBy.includes('managedBy');
  const keys = input.groupBy.map((g, i) => sql`${groupKey(g, input.bases, cur)} as ${sql.raw(`g${i}`)}`);
  return sql`select ${projects.id} as id, ${sql.raw(cur ? 'true' : 'false')} as cur,
      ${projects.totalInvestment} as total_investment, ${projects.agreementAmount} as agreement_amount, ${projects.attributes} as attributes
      ${keys.length ? sql`, ${sql.join(keys, sql`, `)}` : sql``}
    from ${projects}
    ${needsRegion ? sql`join regions r on r.code = ${projects.regionCode}` : sql``}
    ${input.groupBy.includes('category') ? sql`join categories c on c.code = ${projects.categoryCode}` : sql``}
    ${needsLight ? sql`left join ${projectWarnings(input.actor, asOf, undefined, input.regionCodes)} w on w.project_id = ${projects.id}` : sql``}
    where ${projectConditions(input.actor, filter, asOf, input.regionCodes)}`;
}

/** A region row's key (regions alias `r`): the next level below the base; the base itself (a prefecture's 市直 projects) is a row of its own. */
export const regionKey = (bases: GroupingBases) => sql`coalesce(nullif(split_part(r.path, '/', ${bases.region.depth + 1}), ''), ${bases.region.code})`;

/** 市直 or 县区 (regions alias `r`). */
export const MANAGED_BY_KEY = sql`case when r.level = 'prefecture' then 'prefecture' else 'county' end`;

/** The value a project takes in a grouping. Last year's start months are moved forward to line up with this year's rows. */
function groupKey(g: Grouping, bases: GroupingBases, cur: boolean): SQL {
  const started = cur ? sql`${projects.startedOn}` : sql`(${projects.startedOn} + interval '1 year')`;
  switch (g) {
    case 'region':
      return regionKey(bases);
    case 'category':
      return sql`coalesce(nullif(split_part(c.path, '/', ${bases.category.depth + 1}), ''), ${bases.category.code})`;
    case 'stage':
      return sql`${projects.stage}`;
    case 'level':
      return sql`${projects.level}`;
    case 'kind':
      return sql`${projects.kind}`;
    case 'managedBy':
      return MANAGED_BY_KEY;
    case 'light':
      return sql`coalesce(w.light, 'green')`;
    case 'startMonth':
      return sql`to_char(${started}, 'YYYY-MM')`;
    case 'startQuarter':
      return sql`to_char(${started}, 'YYYY-"Q"Q')`;
    case 'sizeBand':
      return sql`case ${sql.join(
        SIZE_BANDS.map((b) => (b.max === null ? sql`else ${b.code}` : sql`when ${projects.totalInvestment} < ${b.max} then ${b.code}`)),
        sql` `,
      )} end`;
    default:
      throw new Error(`not a project grouping: ${g}`);
  }
}
