import {
  ENTERPRISE_KINDS,
  ENTERPRISE_KIND_LABELS,
  KIND_LABELS,
  LEVEL_LABELS,
  LIGHTS,
  LIGHT_LABELS,
  MANAGED_BY,
  MANAGED_BY_LABELS,
  PROJECT_KINDS,
  PROJECT_LEVELS,
  SIZE_BANDS,
  STAGES,
  STAGE_LABELS,
  growthPercent,
  label,
  normalizeYuan,
  ratioPercent,
  type Grouping,
  type Locale,
  type MeasureValueKind,
} from '@guatu/core';
import type { AggregateRow, CategoryInfo, RegionInfo } from './stats.repository.js';
import type { StatsRow } from './stats.schemas.js';

/** How each requested measure is read from the aggregate values: one value, or a current/previous pair for yoy. */
export interface MeasureOutput {
  key: string;
  kind: MeasureValueKind;
  value?: number;
  current?: number;
  previous?: number;
  /** The kind of the values a yoy compares. */
  baseKind?: MeasureValueKind;
}

export interface Lookups {
  regions: Map<string, RegionInfo>;
  categories: Map<string, CategoryInfo>;
  provinces: Map<string, string>;
  regionBase: string;
  locale: Locale;
}

export function presentRow(row: AggregateRow, groupBy: Grouping[], outputs: MeasureOutput[], lookups: Lookups): StatsRow {
  const out: StatsRow = {};
  if (!row.total) {
    const labels: Record<string, string | null> = {};
    groupBy.forEach((g, i) => {
      out[g] = row.keys[i]!;
      labels[g] = labelOf(g, row.keys[i]!, lookups);
    });
    out.labels = labels;
  }
  for (const o of outputs) {
    if (o.kind === 'percent') {
      out[o.key] = growth(row.values[o.current!] ?? null, row.values[o.previous!] ?? null, o.baseKind!);
    } else {
      out[o.key] = formatValue(row.values[o.value!] ?? null, o.kind);
    }
  }
  if (row.ids) out.ids = row.ids;
  return out;
}

function formatValue(v: string | number | null, kind: MeasureValueKind): string | number | null {
  if (v === null) return kind === 'integer' ? 0 : '0';
  if (kind === 'integer') return Number(v);
  if (kind === 'yuan') return normalizeYuan(String(v));
  return trimDecimal(String(v));
}

/** Growth in percent with 2 decimals; null when last year's figure is zero. */
function growth(current: string | number | null, previous: string | number | null, kind: MeasureValueKind): string | null {
  const cur = String(current ?? '0');
  const prev = String(previous ?? '0');
  if (kind === 'decimal') {
    const scaled = (v: string) => {
      const [whole, frac = ''] = v.split('.');
      return BigInt(whole!) * 10_000n + BigInt((frac + '0000').slice(0, 4));
    };
    return ratioPercent(scaled(cur) - scaled(prev), scaled(prev));
  }
  return growthPercent(normalizeYuan(cur)!, normalizeYuan(prev)!);
}

/** "832000.0000" → "832000", "12.5000" → "12.5". */
export function trimDecimal(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

function labelOf(g: Grouping, key: string | null, l: Lookups): string | null {
  if (key === null) return null;
  const zh = l.locale === 'zh';
  switch (g) {
    case 'region': {
      const r = l.regions.get(key);
      if (!r) return key;
      return key === l.regionBase && r.level === 'prefecture' ? `${r.name}${zh ? '（市直）' : ' (prefecture-managed)'}` : r.name;
    }
    case 'category': {
      const c = l.categories.get(key);
      return c ? (zh ? c.nameZh : c.nameEn) : key;
    }
    case 'stage':
      return label(STAGE_LABELS, key, l.locale);
    case 'level':
      return label(LEVEL_LABELS, key, l.locale);
    case 'kind':
      return label(KIND_LABELS, key, l.locale);
    case 'light':
      return label(LIGHT_LABELS, key, l.locale);
    case 'managedBy':
      return label(MANAGED_BY_LABELS, key, l.locale);
    case 'enterpriseKind':
      return label(ENTERPRISE_KIND_LABELS, key, l.locale);
    case 'homeProvince':
      return l.provinces.get(key) ?? key;
    case 'sizeBand': {
      const b = SIZE_BANDS.find((s) => s.code === key);
      return b ? b[l.locale] : key;
    }
    case 'startMonth':
      return zh ? `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月` : key;
    case 'startQuarter':
      return zh ? `${key.slice(0, 4)}年第${key.slice(6)}季度` : key;
  }
}

const ORDERS: Partial<Record<Grouping, readonly string[]>> = {
  stage: STAGES,
  level: PROJECT_LEVELS,
  kind: PROJECT_KINDS,
  light: LIGHTS,
  managedBy: MANAGED_BY,
  enterpriseKind: ENTERPRISE_KINDS,
  sizeBand: SIZE_BANDS.map((b) => b.code),
};

/** Rows in the order officials expect: regions and categories by their code-list order (市直 first), the rest by their lists; unknowns last. */
export function sortRows(rows: AggregateRow[], groupBy: Grouping[], l: Lookups): AggregateRow[] {
  const rank = (g: Grouping, key: string | null): [number, string] => {
    if (key === null) return [Number.MAX_SAFE_INTEGER, ''];
    if (g === 'region') return [key === l.regionBase ? -1 : (l.regions.get(key)?.sort ?? 1e9), key];
    if (g === 'category') return [l.categories.get(key)?.sort ?? 1e9, key];
    const order = ORDERS[g];
    if (order) {
      const i = order.indexOf(key);
      return [i < 0 ? 1e9 : i, key];
    }
    return [0, key];
  };
  return [...rows].sort((a, b) => {
    for (let i = 0; i < groupBy.length; i++) {
      const [ra, ka] = rank(groupBy[i]!, a.keys[i]!);
      const [rb, kb] = rank(groupBy[i]!, b.keys[i]!);
      if (ra !== rb) return ra - rb;
      if (ka !== kb) return ka < kb ? -1 : 1;
    }
    return 0;
  });
}
