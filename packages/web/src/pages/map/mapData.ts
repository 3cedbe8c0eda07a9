import { chinaDate, chinaPeriod, percentOf } from '@guatu/core';
import { get } from '../../api/client';
import { queryStats, type StatsFilter, type StatsQuery } from '../../api/stats';
import type { Region } from '../../api/types';
import { loadRegionChildren } from '../../lib/codeLists';

export const METRICS = ['count', 'totalInvestment', 'rate', 'red'] as const;
export type Metric = (typeof METRICS)[number];

export interface RegionFigure {
  code: string;
  name: string;
  count: number;
  totalInvestment: string;
  rate: number | null;
  red: number;
  /** The filter that selects this region's projects, for the drill-through. */
  filter: StatsFilter;
  /** The day its lights are judged on. */
  asOf: string;
}

export interface ProjectPoint {
  id: number;
  name: string;
  longitude: string;
  latitude: string;
  stage: string;
  light: 'red' | 'yellow' | 'green' | null;
}

/**
 * The figures of each sub-region of `region` from the engine: projects, total investment,
 * completion against this year's plan, and red lights. Regions without projects show as zero.
 */
export async function loadRegionFigures(region: string, year: number, viewerPath: string): Promise<RegionFigure[]> {
  const { asOf } = yearEnd(year);
  const query = regionFiguresQuery(region, year);
  const [completed, planned] = query.measures.slice(2) as [string, string];
  const children = await loadRegionChildren(region);
  // A viewer at or below one of the sub-regions sees only that one, and the engine groups a region
  // above the viewer one level below the viewer's own: ask for that sub-region's total instead.
  const own = ownSubRegion(children, viewerPath);
  const redQuery: StatsQuery = { filter: { region, lights: ['red'], asOf }, measures: ['count'], groupBy: ['region'] };
  const ask = async (q: StatsQuery) => {
    if (!own) return (await queryStats(q)).rows;
    const { total } = await queryStats(ownTotal(q, own));
    return [{ ...total, region: own.code }];
  };
  const [all, red] = await Promise.all([ask(query), ask(redQuery)]);
  return children.map((r: Region) => {
    const row = all.find((x) => x.region === r.code);
    const redRow = red.find((x) => x.region === r.code);
    const rate = row && row[planned] && String(row[planned]) !== '0' ? percentOf(String(row[completed] ?? '0'), String(row[planned]), 1) : null;
    return {
      code: r.code,
      name: r.name,
      count: Number(row?.count ?? 0),
      totalInvestment: String(row?.totalInvestment ?? '0'),
      rate: rate === null ? null : Number(rate),
      red: Number(redRow?.count ?? 0),
      filter: { region: r.code },
      asOf,
    };
  });
}

/**
 * What a ranking table's export asks for: the table's own request, or, for a viewer inside one of
 * the sub-regions (the only row the table fills for them), that sub-region's total, as the table
 * shows it; grouped by region the engine would list the regions below the viewer instead.
 */
export async function regionFiguresExport(region: string, year: number, viewerPath: string): Promise<StatsQuery> {
  const query = regionFiguresQuery(region, year);
  const own = ownSubRegion(await loadRegionChildren(region), viewerPath);
  return own ? ownTotal(query, own) : query;
}

/** The sub-region the viewer is at or below, if any: the one row a ranking table fills for them. */
const ownSubRegion = (children: Region[], viewerPath: string) => children.find((r) => viewerPath.startsWith(r.path));

/** `query` asked for the viewer's own sub-region as one total, not grouped by the regions below it. */
const ownTotal = (query: StatsQuery, own: Region): StatsQuery => ({ ...query, filter: { ...query.filter, region: own.code }, groupBy: [] });

/** The engine request behind the ranking table. */
export function regionFiguresQuery(region: string, year: number): StatsQuery {
  const { lastMonth } = yearEnd(year);
  return { filter: { region }, measures: ['count', 'totalInvestment', `completedInvestment:${year}-01..${lastMonth}`, `plannedInvestment:${year}`], groupBy: ['region'] };
}

export function loadPoints(region: string, year: number): Promise<{ items: ProjectPoint[] }> {
  return get<{ items: ProjectPoint[] }>('/projects/points', { region, asOf: yearEnd(year).asOf });
}

/** The map shows a year: its last day (or today, for the year under way) and its last month begun. */
export function yearEnd(year: number): { asOf: string; lastMonth: string } {
  const today = chinaDate();
  const end = `${year}-12-31`;
  return end < today ? { asOf: end, lastMonth: `${year}-12` } : { asOf: today, lastMonth: chinaPeriod() };
}

export function metricValue(f: RegionFigure, metric: Metric): number {
  if (metric === 'totalInvestment') return Number(f.totalInvestment) / 1e8;
  if (metric === 'rate') return f.rate ?? 0;
  return f[metric];
}
