import { queryStats, type StatsFilter, type StatsResult } from '../../api/stats';
import { chinaDate } from '@guatu/core';
import type { PeriodRange } from './period';

/** The measure names the dashboard asks the engine for, for one period. */
export function measures(year: number, r: PeriodRange) {
  const month = `${r.lastMonth}..${r.lastMonth}`;
  return {
    completedYtd: `completedInvestment:${r.ytdMonths}`,
    planned: `plannedInvestment:${year}`,
    fundsMonth: `fundsInPlace:${month}:outOfProvince`,
    fundsYtd: `fundsInPlace:${r.ytdMonths}:outOfProvince`,
    fundsMonthYoy: `yoy:fundsInPlace:${month}:outOfProvince`,
    fundsYtdYoy: `yoy:fundsInPlace:${r.ytdMonths}:outOfProvince`,
  };
}

export interface DashboardData {
  region: string;
  construction: { filter: StatsFilter; result: StatsResult };
  money: { filter: StatsFilter; result: StatsResult };
  started: { filter: StatsFilter; result: StatsResult };
  warnings: { filter: StatsFilter; result: StatsResult };
  startedYtd: { filter: StatsFilter; byCategory: StatsResult; byMonth: StatsResult; byRegion: StatsResult };
}

/** Every figure on the dashboard, each with the filter that selects the projects behind it. */
export async function loadDashboard(region: string, year: number, r: PeriodRange, hasSubRegions: boolean): Promise<DashboardData> {
  const m = measures(year, r);
  const base: StatsFilter = { region };
  const construction: StatsFilter = { region, stages: ['construction'] };
  // Lights as they stood at the end of the period (or today, for the period under way).
  const today = chinaDate();
  const lit: StatsFilter = { region, asOf: r.to < today ? r.to : today };
  const started: StatsFilter = { region, startedFrom: r.from, startedTo: r.to };
  const startedYtd: StatsFilter = { region, startedFrom: `${year}-01-01`, startedTo: r.to };
  const [c, money, s, w, byCategory, byMonth, byRegion] = await Promise.all([
    queryStats({ filter: construction, measures: ['count', 'totalInvestment'] }),
    queryStats({ filter: base, measures: Object.values(m) }),
    queryStats({ filter: started, measures: ['count', 'totalInvestment'] }),
    queryStats({ filter: lit, measures: ['count'], groupBy: ['light'] }),
    queryStats({ filter: startedYtd, measures: ['count', 'totalInvestment'], groupBy: ['category'] }),
    queryStats({ filter: startedYtd, measures: ['count', 'totalInvestment'], groupBy: ['startMonth'] }),
    hasSubRegions ? queryStats({ filter: startedYtd, measures: ['count', 'totalInvestment'], groupBy: ['region'] }) : Promise.resolve({ rows: [], total: {} }),
  ]);
  return {
    region,
    construction: { filter: construction, result: c },
    money: { filter: base, result: money },
    started: { filter: started, result: s },
    warnings: { filter: lit, result: w },
    startedYtd: { filter: startedYtd, byCategory, byMonth, byRegion },
  };
}

export const str = (v: unknown): string => (v === null || v === undefined ? '0' : String(v));
