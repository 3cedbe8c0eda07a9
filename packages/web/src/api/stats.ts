import { PROJECT_FILTERS } from '@guatu/core';
/**
 * The statistics engine's public contract (POST /api/v1/stats): one engine behind every number
 * on every screen. A filter here is also the project list's filter, so any figure can be opened
 * as the exact list of projects behind it.
 */
import { post } from './client';

export interface StatsFilter {
  region?: string;
  regions?: string[];
  managedBy?: 'prefecture' | 'county';
  categories?: string[];
  stages?: string[];
  levels?: string[];
  kinds?: string[];
  startedFrom?: string;
  startedTo?: string;
  signedFrom?: string;
  signedTo?: string;
  completedFrom?: string;
  completedTo?: string;
  batch?: number;
  keyList?: number;
  group?: number;
  minTotalInvestment?: string;
  maxTotalInvestment?: string;
  sizeBands?: string[];
  /** Warning lights (red, yellow, green) as of `asOf`. */
  lights?: string[];
  /** Warning reasons (investment-red, milestone-overdue, …). */
  warnings?: string[];
  asOf?: string;
  ids?: number[];
  q?: string;
}

/** Group values under their grouping names, each measure under its own text; `labels` names the group values. */
export type StatsRow = Record<string, unknown> & { ids?: number[]; labels?: Record<string, string | null> };

export interface StatsResult {
  rows: StatsRow[];
  total: StatsRow;
}

export interface StatsQuery {
  filter: StatsFilter;
  measures: string[];
  groupBy?: string[];
  drill?: boolean;
}

export function queryStats(query: StatsQuery): Promise<StatsResult> {
  return post<StatsResult>('/stats', query);
}

/** Keys of a filter that hold lists; everything else is a single value. */
export const LIST_FILTER_KEYS = ['regions', 'categories', 'stages', 'levels', 'kinds', 'sizeBands', 'lights', 'warnings', 'ids'] as const;
/** The rest of the engine's project filters hold one value each. */
export const SCALAR_FILTER_KEYS = PROJECT_FILTERS.filter(
  (k): k is Exclude<(typeof PROJECT_FILTERS)[number], (typeof LIST_FILTER_KEYS)[number]> => !(LIST_FILTER_KEYS as readonly string[]).includes(k),
);

/** Filters that name a record (a batch, a key list, a 包保 group) by its id. */
const RECORD_KEYS: ReadonlySet<string> = new Set(['batch', 'keyList', 'group']);

/** A filter → URL search params, so the project list can show the projects behind a figure. */
export function filterToSearch(filter: StatsFilter): string {
  const params = new URLSearchParams();
  for (const key of SCALAR_FILTER_KEYS) {
    const v = filter[key];
    if (v) params.set(key, String(v));
  }
  for (const key of LIST_FILTER_KEYS) {
    const v = filter[key] as (string | number)[] | undefined;
    if (v?.length) params.set(key, v.join(','));
  }
  return params.toString();
}

export function searchToFilter(params: URLSearchParams): StatsFilter {
  const filter: StatsFilter = {};
  // A bulletin's Markdown and printable page link a figure as /projects?filter=<the engine's filter as JSON>.
  const json = params.get('filter');
  if (json) {
    params = new URLSearchParams(params);
    try {
      for (const [k, v] of Object.entries(JSON.parse(json) as Record<string, unknown>)) if (v !== null && v !== undefined && !params.has(k)) params.set(k, Array.isArray(v) ? v.join(',') : String(v));
    } catch {
      // A mangled link lists every project, as one without a filter would.
    }
  }
  for (const key of SCALAR_FILTER_KEYS) {
    const v = params.get(key);
    if (!v) continue;
    if (RECORD_KEYS.has(key)) {
      if (/^\d+$/.test(v)) (filter as Record<string, number>)[key] = Number(v);
    } else (filter as Record<string, string>)[key] = v;
  }
  for (const key of LIST_FILTER_KEYS) {
    const v = params.get(key);
    if (!v) continue;
    const items = v.split(',').filter(Boolean);
    (filter as Record<string, unknown>)[key] = key === 'ids' ? items.map(Number).filter(Number.isInteger) : items;
  }
  return filter;
}

/** The project list URL for the projects behind a figure. */
export function projectsHref(filter: StatsFilter): string {
  const search = filterToSearch(filter);
  return search ? `/projects?${search}` : '/projects';
}
