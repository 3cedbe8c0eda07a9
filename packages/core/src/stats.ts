/**
 * The vocabulary of the statistics engine (POST /api/v1/stats): what it can count or sum over which
 * records, how it may group them, and how a measure is written ("fundsInPlace:2022-01..2022-01:outOfProvince").
 * Parsing is pure so the server, the CLI and the web app read a measure the same way.
 */
import { ATTRIBUTE_KEY_LIST, FUND_SOURCES, type AttributeKey, type FundSource } from './catalog.js';
import { PERIOD_PATTERN, shiftPeriod } from './report-workflow.js';

/** What a statistics request counts: projects (the default), enterprises, or 包保 groups. */
export const STAT_SUBJECTS = ['projects', 'enterprises', 'groups'] as const;
export type StatSubject = (typeof STAT_SUBJECTS)[number];

export const PROJECT_FILTERS = [
  'region',
  'regions',
  'managedBy',
  'categories',
  'stages',
  'levels',
  'kinds',
  'startedFrom',
  'startedTo',
  'signedFrom',
  'signedTo',
  'completedFrom',
  'completedTo',
  'batch',
  'keyList',
  'group',
  'minTotalInvestment',
  'maxTotalInvestment',
  'sizeBands',
  'lights',
  'warnings',
  'asOf',
  'ids',
  'q',
] as const;
export const ENTERPRISE_FILTERS = ['region', 'regions', 'ids', 'enterpriseKinds', 'programmes', 'homeProvinces', 'visitedFrom', 'visitedTo', 'q'] as const;
export const GROUP_FILTERS = ['region', 'ids'] as const;

export const STAT_FILTERS: Record<StatSubject, readonly string[]> = {
  projects: PROJECT_FILTERS,
  enterprises: ENTERPRISE_FILTERS,
  groups: GROUP_FILTERS,
};

export const PROJECT_GROUPINGS = ['region', 'category', 'stage', 'level', 'kind', 'sizeBand', 'startMonth', 'startQuarter', 'light', 'managedBy'] as const;
export const ENTERPRISE_GROUPINGS = ['region', 'enterpriseKind', 'homeProvince'] as const;
export const GROUP_GROUPINGS = ['region'] as const;
export const ALL_GROUPINGS = [...new Set([...PROJECT_GROUPINGS, ...ENTERPRISE_GROUPINGS, ...GROUP_GROUPINGS])] as const;
export type Grouping = (typeof PROJECT_GROUPINGS)[number] | (typeof ENTERPRISE_GROUPINGS)[number] | (typeof GROUP_GROUPINGS)[number];

export const STAT_GROUPINGS: Record<StatSubject, readonly Grouping[]> = {
  projects: PROJECT_GROUPINGS,
  enterprises: ENTERPRISE_GROUPINGS,
  groups: GROUP_GROUPINGS,
};

/** The forms a measure may take, per subject: what an error lists as the valid ones. */
export const STAT_MEASURE_FORMS: Record<StatSubject, readonly string[]> = {
  projects: [
    'count',
    'totalInvestment',
    'agreementAmount',
    'plannedInvestment:YYYY',
    'completedInvestment:YYYY-MM..YYYY-MM',
    'fundsInPlace:YYYY-MM..YYYY-MM[:source]',
    `attr:KEY (${ATTRIBUTE_KEY_LIST.join('|')})`,
    'yoy:MEASURE',
    'lastYear:MEASURE',
  ],
  enterprises: ['count', 'visits', 'demands', 'demandsAsProblems'],
  groups: ['count', 'coveredRegions'],
};

/** A month range; `from` null means "since the first report". */
export interface PeriodRange {
  from: string | null;
  to: string;
}

export type BaseMeasure =
  | { kind: 'count' }
  | { kind: 'totalInvestment' }
  | { kind: 'agreementAmount' }
  | { kind: 'plannedInvestment'; year: number }
  | ({ kind: 'completedInvestment' } & PeriodRange)
  | ({ kind: 'fundsInPlace'; source: FundSource | null } & PeriodRange)
  | { kind: 'attr'; key: AttributeKey }
  | { kind: 'visits' }
  | { kind: 'demands' }
  | { kind: 'demandsAsProblems' }
  | { kind: 'coveredRegions' };

export type Measure = BaseMeasure | { kind: 'yoy'; of: BaseMeasure } | { kind: 'lastYear'; of: BaseMeasure };

/** How a measure's value is written: a whole number, yuan, a decimal, or a percentage (null when undefined). */
export type MeasureValueKind = 'integer' | 'yuan' | 'decimal' | 'percent';

export type MeasureParse = { ok: true; measure: Measure } | { ok: false; rule: 'stats.unknownMeasure' | 'stats.rangeOrder' };

const SIMPLE: Record<StatSubject, readonly string[]> = {
  projects: ['count', 'totalInvestment', 'agreementAmount'],
  enterprises: ['count', 'visits', 'demands', 'demandsAsProblems'],
  groups: ['count', 'coveredRegions'],
};

export function parseMeasure(text: string, subject: StatSubject = 'projects'): MeasureParse {
  const wrapper = /^(yoy|lastYear):(.+)$/.exec(text);
  if (wrapper) {
    if (subject !== 'projects') return { ok: false, rule: 'stats.unknownMeasure' };
    const inner = parseBase(wrapper[2]!, subject);
    if (!inner.ok) return inner;
    const of = inner.measure as BaseMeasure;
    return { ok: true, measure: wrapper[1] === 'yoy' ? { kind: 'yoy', of } : { kind: 'lastYear', of } };
  }
  return parseBase(text, subject);
}

function parseBase(text: string, subject: StatSubject): MeasureParse {
  const unknown = { ok: false, rule: 'stats.unknownMeasure' } as const;
  if (SIMPLE[subject].includes(text)) return { ok: true, measure: { kind: text } as BaseMeasure };
  if (subject !== 'projects') return unknown;
  const parts = text.split(':');
  const [name, arg, extra] = parts;
  if (name === 'plannedInvestment' && parts.length === 2 && /^\d{4}$/.test(arg!)) {
    const year = Number(arg);
    return year >= 2000 && year <= 2100 ? { ok: true, measure: { kind: 'plannedInvestment', year } } : unknown;
  }
  if (name === 'attr' && parts.length === 2 && (ATTRIBUTE_KEY_LIST as string[]).includes(arg!)) {
    return { ok: true, measure: { kind: 'attr', key: arg as AttributeKey } };
  }
  if ((name === 'completedInvestment' && parts.length === 2) || (name === 'fundsInPlace' && (parts.length === 2 || parts.length === 3))) {
    const range = parseRange(arg!);
    if (!range) return unknown;
    if (range === 'order') return { ok: false, rule: 'stats.rangeOrder' };
    if (name === 'completedInvestment') return { ok: true, measure: { kind: 'completedInvestment', ...range } };
    if (extra !== undefined && !(FUND_SOURCES as readonly string[]).includes(extra)) return unknown;
    return { ok: true, measure: { kind: 'fundsInPlace', ...range, source: (extra as FundSource | undefined) ?? null } };
  }
  return unknown;
}

/** "2022-01..2022-03", "..2022-01" (everything up to January 2022) or "2022-01" (one month). */
export function parseRange(text: string): PeriodRange | 'order' | null {
  const m = /^(?:(\d{4}-\d{2})?\.\.)?(\d{4}-\d{2})$/.exec(text);
  if (!m) return null;
  const single = !text.includes('..');
  const from = single ? m[2]! : (m[1] ?? null);
  const to = m[2]!;
  if ((from && !PERIOD_PATTERN.test(from)) || !PERIOD_PATTERN.test(to)) return null;
  if (from && from > to) return 'order';
  return { from, to };
}

/** The same measure a year earlier: plans of the previous year, month ranges twelve months back. */
export function shiftMeasureYear(m: BaseMeasure, years = -1): BaseMeasure {
  switch (m.kind) {
    case 'plannedInvestment':
      return { ...m, year: m.year + years };
    case 'completedInvestment':
    case 'fundsInPlace':
      return { ...m, from: m.from && shiftPeriod(m.from, 12 * years), to: shiftPeriod(m.to, 12 * years) };
    default:
      return m;
  }
}

export function measureValueKind(m: Measure): MeasureValueKind {
  if (m.kind === 'yoy') return 'percent';
  const base = m.kind === 'lastYear' ? m.of : m;
  if (['count', 'visits', 'demands', 'demandsAsProblems', 'coveredRegions'].includes(base.kind)) return 'integer';
  if (base.kind === 'attr') return 'decimal';
  return 'yuan';
}

/** Size bands (规模): total investment in [min, max) yuan. "≥5亿" is minTotalInvestment, or the top two bands. */
export const SIZE_BANDS = [
  { code: 'under-100m', min: '0', max: '100000000', zh: '1亿元以下', en: 'under 100 million yuan' },
  { code: '100m-500m', min: '100000000', max: '500000000', zh: '1亿–5亿元', en: '100–500 million yuan' },
  { code: '500m-1b', min: '500000000', max: '1000000000', zh: '5亿–10亿元', en: '500 million–1 billion yuan' },
  { code: '1b-plus', min: '1000000000', max: null, zh: '10亿元及以上', en: '1 billion yuan and more' },
] as const;
export type SizeBand = (typeof SIZE_BANDS)[number]['code'];
export const SIZE_BAND_CODES = SIZE_BANDS.map((b) => b.code) as [SizeBand, ...SizeBand[]];

/** Who manages a project: the prefecture itself (市直) or a county or zone. */
export const MANAGED_BY = ['prefecture', 'county'] as const;
export type ManagedBy = (typeof MANAGED_BY)[number];

/** "2022-02-25" → "2022-Q1". */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Shifts an ISO date by whole years; 29 February becomes 28 February. */
export function shiftDateYears(date: string, years: number): string {
  const y = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
  const md = date.slice(5);
  const leap = (n: number) => (n % 4 === 0 && n % 100 !== 0) || n % 400 === 0;
  return md === '02-29' && !leap(Number(y)) ? `${y}-02-28` : `${y}-${md}`;
}
