import { chinaDate, measureValueKind, parseMeasure, shiftMeasureYear, type Grouping, type Locale, type Measure } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { invalid, type Issue } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { regionCodesFor } from '../filters/filters.repository.js';
import { projectStatsPlan, type GroupingBases, type ValueSpec } from './project-stats.repository.js';
import { regionStagePlan } from './region-stage-stats.repository.js';
import { enterpriseStatsPlan, groupStatsPlan } from './enterprise-stats.repository.js';
import { categoriesByCode, provinceNames, regionsByCode, runAggregate, type AggregatePlan, type RegionInfo } from './stats.repository.js';
import { presentRow, sortRows, type MeasureOutput } from './present-stats.js';
import type { StatsRequest, StatsResponse } from './stats.schemas.js';

const depthOf = (path: string) => path.split('/').filter(Boolean).length;

/**
 * Answers a statistics request: every figure is computed in one SQL statement inside the actor's
 * scope, so a total never includes a record the actor may not see, and rows add up to the total.
 */
export interface RunStatsOptions {
  /** Read the region-and-stage totals when they can answer (the default); false reads the projects. */
  regionStageTotals?: boolean;
}

export async function runStats(db: Db, actor: Actor, request: StatsRequest, locale: Locale, options: RunStatsOptions = {}): Promise<StatsResponse> {
  const { subject, filter, drill } = request;
  // The schema has checked each grouping against the subject's vocabulary.
  const groupBy = request.groupBy as Grouping[];
  const measures = [...new Set(request.measures)];
  const asOf = filter.asOf ?? chinaDate();
  const references = await checkReferences(db, filter);
  const regionBase = baseRegion(actor, references.region);
  const categoryBase = filter.categories?.length === 1 ? references.categories.get(filter.categories[0]!)! : null;
  const bases: GroupingBases = {
    region: { code: regionBase.code, depth: depthOf(regionBase.path) },
    category: { code: categoryBase?.code ?? '', depth: categoryBase ? depthOf(categoryBase.path) : 0 },
  };

  let plan: AggregatePlan;
  let outputs: MeasureOutput[];
  if (subject === 'projects') {
    const compiled = compileProjectMeasures(measures);
    outputs = compiled.outputs;
    const regionCodes = await regionCodesFor(db, actor, filter);
    const input = { actor, filter, asOf, groupBy, specs: compiled.specs, drill, bases, regionCodes };
    plan = (options.regionStageTotals !== false && regionStagePlan(input)) || projectStatsPlan(input);
  } else {
    outputs = measures.map((key, i) => ({ key, kind: 'integer', value: i }));
    const input = { actor, filter, groupBy, measures, drill, regionBase: bases.region };
    plan = subject === 'enterprises' ? enterpriseStatsPlan(input) : groupStatsPlan(input);
  }

  const result = await runAggregate(db, plan);
  const lookups = await labelLookups(db, result, groupBy, regionBase.code, locale);
  const total = result.find((r) => r.total)!;
  const rows = sortRows(
    result.filter((r) => !r.total),
    groupBy,
    lookups,
  );
  return {
    subject,
    asOf,
    rows: rows.map((r) => presentRow(r, groupBy, outputs, lookups)),
    total: presentRow(total, groupBy, outputs, lookups),
  };
}

/**
 * Each measure becomes one or two values: over this year's set, and (for yoy and lastYear) the
 * same measure shifted a year back over last year's set. Equal values are computed once.
 */
export function compileProjectMeasures(measures: string[]): { specs: ValueSpec[]; outputs: MeasureOutput[] } {
  const specs: ValueSpec[] = [];
  const index = (spec: ValueSpec) => {
    const key = JSON.stringify(spec);
    const found = specs.findIndex((s) => JSON.stringify(s) === key);
    if (found >= 0) return found;
    specs.push(spec);
    return specs.length - 1;
  };
  const outputs = measures.map((key): MeasureOutput => {
    const parsed = parseMeasure(key, 'projects');
    if (!parsed.ok) throw invalid([{ field: 'measures', rule: parsed.rule, params: { value: key } }]);
    const m: Measure = parsed.measure;
    const kind = measureValueKind(m);
    if (m.kind === 'yoy') {
      return {
        key,
        kind,
        baseKind: measureValueKind(m.of),
        current: index({ base: m.of, set: 'cur' }),
        previous: index({ base: shiftMeasureYear(m.of), set: 'prev' }),
      };
    }
    if (m.kind === 'lastYear') return { key, kind, value: index({ base: shiftMeasureYear(m.of), set: 'prev' }) };
    return { key, kind, value: index({ base: m, set: 'cur' }) };
  });
  return { specs, outputs };
}

/** Region, category and province codes in a filter must exist: a typo answers 400, not a silent zero. */
async function checkReferences(db: Db, filter: StatsRequest['filter']) {
  const regionCodes = [...new Set([...(filter.region ? [filter.region] : []), ...(filter.regions ?? [])])];
  const [regions, categories, provinces] = await Promise.all([
    regionsByCode(db, regionCodes),
    categoriesByCode(db, filter.categories ?? []),
    provinceNames(db, filter.homeProvinces ?? []),
  ]);
  const issues: Issue[] = [];
  if (filter.region && !regions.has(filter.region)) issues.push({ field: 'filter.region', rule: 'region.unknown', params: { value: filter.region } });
  filter.regions?.forEach((c, i) => {
    if (!regions.has(c)) issues.push({ field: `filter.regions.${i}`, rule: 'region.unknown', params: { value: c } });
  });
  filter.categories?.forEach((c, i) => {
    if (!categories.has(c)) issues.push({ field: `filter.categories.${i}`, rule: 'category.unknown', params: { value: c } });
  });
  filter.homeProvinces?.forEach((c, i) => {
    if (!provinces.has(c)) issues.push({ field: `filter.homeProvinces.${i}`, rule: 'region.unknown', params: { value: c } });
  });
  if (issues.length) throw invalid(issues);
  return { region: filter.region ? regions.get(filter.region)! : null, categories };
}

/**
 * Where region rows start: the filter's region, or the actor's own when the filter names a region
 * above it (a Qujing officer asking for 530000 sees Qujing's counties), or when there is none.
 */
function baseRegion(actor: Actor, region: RegionInfo | null): { code: string; path: string } {
  if (!region || actor.regionPath.startsWith(region.path)) return { code: actor.regionCode, path: actor.regionPath };
  return { code: region.code, path: region.path };
}

async function labelLookups(db: Db, rows: Awaited<ReturnType<typeof runAggregate>>, groupBy: Grouping[], regionBase: string, locale: Locale) {
  const keysOf = (g: string) => {
    const i = groupBy.indexOf(g as Grouping);
    return i < 0 ? [] : [...new Set(rows.map((r) => r.keys[i]).filter((k): k is string => k !== null))];
  };
  const [regions, categories, provinces] = await Promise.all([
    regionsByCode(db, [...keysOf('region'), regionBase]),
    categoriesByCode(db, keysOf('category')),
    provinceNames(db, keysOf('homeProvince')),
  ]);
  return { regions, categories, provinces, regionBase, locale };
}
