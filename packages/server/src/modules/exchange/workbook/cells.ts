import {
  KIND_LABELS,
  LEVEL_LABELS,
  STAGE_LABELS,
  decimalToString,
  excelNumberToDecimal,
  multiplyDecimal,
  parseAmountYuan,
  parseDate,
  parseMonth,
  parsePlainNumber,
  parseQuantity,
  toHalfWidth,
  type Decimal,
} from '@guatu/core';
import type { BoundColumn } from './headers.js';
import type { RawCell } from './read-rows.js';

/** Regions and categories by code and by name, loaded once per import. */
export interface CodeLookups {
  regionByCode: Map<string, { code: string; name: string; shortName: string; level: string; path: string }>;
  regionCodesByName: Map<string, string[]>;
  categoryByCode: Map<string, { code: string; nameZh: string }>;
  categoryCodeByName: Map<string, string>;
}

export type CellResult = { ok: true; value: unknown } | { ok: false; rule: string; params?: Record<string, unknown> };

const labelMap = (table: Record<string, { zh: string; en: string }>, extra: Record<string, string>) => {
  const map = new Map<string, string>();
  for (const [code, t] of Object.entries(table)) {
    map.set(code.toLowerCase(), code);
    map.set(t.zh, code);
    map.set(t.en.toLowerCase(), code);
  }
  for (const [label, code] of Object.entries(extra)) map.set(label, code);
  return map;
};

const CHOICES = {
  kind: labelMap(KIND_LABELS, { 招商引资项目: 'investment-attraction', 政府投资项目: 'government', 政府项目: 'government' }),
  level: labelMap(LEVEL_LABELS, {
    省重点: 'provincial',
    省级: 'provincial',
    市级重点: 'prefectural',
    州级重点: 'prefectural',
    '州(市)级重点': 'prefectural',
    州市级: 'prefectural',
    市重点: 'prefectural',
    县重点: 'county',
    县级: 'county',
    一般项目: 'general',
    其他: 'general',
  }),
  stage: labelMap(STAGE_LABELS, {
    谋划: 'planning',
    储备: 'planning',
    '谋划/储备': 'planning',
    洽谈: 'negotiating',
    已签约: 'signed',
    前期工作: 'preparation',
    开工: 'construction',
    已开工: 'construction',
    建设中: 'construction',
    已竣工: 'completed',
    已投产: 'operating',
    达产: 'operating',
    停工: 'suspended',
    缓建: 'suspended',
    取消: 'cancelled',
  }),
};

const choiceValues = (kind: keyof typeof CHOICES) =>
  kind === 'kind' ? Object.values(KIND_LABELS).map((l) => l.zh) : kind === 'level' ? Object.values(LEVEL_LABELS).map((l) => l.zh) : Object.values(STAGE_LABELS).map((l) => l.zh);

function asText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return decimalToString(excelNumberToDecimal(cell) ?? { units: 0n, scale: 0 });
  if (typeof cell === 'boolean') return cell ? '是' : '否';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return '';
}

const fail = (rule: string, params?: Record<string, unknown>): CellResult => ({ ok: false, rule, params });

/** The factor a header unit puts on a count: "万千瓦" over a 千瓦 attribute is 10000. */
function headerFactor(unit: string | null, base: string | undefined): bigint | null {
  if (!unit || unit === base) return 1n;
  const q = parseQuantity(`1${unit}`);
  if (q.ok && q.unit === (base ?? '')) return q.multiplier;
  return null;
}

function readDecimal(cell: RawCell, column: BoundColumn): CellResult {
  const base = column.def.unit;
  const factor = headerFactor(column.unit, base);
  if (factor === null) return fail('amount.unit', { value: column.unit });
  if (typeof cell === 'number') {
    const d = excelNumberToDecimal(cell);
    return d ? { ok: true, value: multiplyDecimal(d, factor) } : fail('number.format', { value: String(cell) });
  }
  const q = parseQuantity(asText(cell));
  if (!q.ok) return q;
  if (q.approximate) return fail('number.approximate', { value: asText(cell) });
  if (q.unit && q.unit !== base && !(column.def.cellUnits ?? []).includes(q.unit)) return fail('amount.unit', { value: q.unit });
  // A cell that names its own unit or multiplier says what it means; a bare number is in the header's unit.
  const value: Decimal = q.unit || q.multiplier !== 1n ? q.value : multiplyDecimal(q.value, factor);
  return { ok: true, value };
}

/** Reads one cell as its column's type; the result is what the API would accept for that field. */
export function readCell(cell: RawCell, column: BoundColumn, lookups: CodeLookups, options: { date1904: boolean }): CellResult {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'object' && !(cell instanceof Date)) {
    return cell.kind === 'noValue' ? fail('cell.formulaNoValue', { value: cell.formula }) : fail('cell.error', { value: cell.value });
  }
  const { type } = column.def;
  switch (type) {
    case 'text':
      return { ok: true, value: asText(cell) };
    case 'code':
      return { ok: true, value: toHalfWidth(asText(cell)).replace(/\s+/g, '').toUpperCase() };
    case 'amount': {
      if (cell instanceof Date || typeof cell === 'boolean') return fail('number.format', { value: asText(cell) });
      const r = parseAmountYuan(cell, { defaultUnit: column.unit });
      if (!r.ok) return r;
      if (r.approximate) return fail('number.approximate', { value: asText(cell) });
      return { ok: true, value: r.yuan };
    }
    case 'date': {
      const r = parseDate(typeof cell === 'boolean' ? '' : cell, options);
      return r.ok ? { ok: true, value: r.value } : r;
    }
    case 'month': {
      const r = parseMonth(typeof cell === 'boolean' ? '' : cell, options);
      return r.ok ? { ok: true, value: r.value } : r;
    }
    case 'year': {
      const m = /^(\d{4})(?:年度?)?$/.exec(toHalfWidth(asText(cell)));
      return m ? { ok: true, value: Number(m[1]) } : fail('year.format', { value: asText(cell) });
    }
    case 'integer':
    case 'percent': {
      const r = typeof cell === 'number' ? parsePlainNumber(cell) : parsePlainNumber(asText(cell), { units: type === 'percent' ? ['%'] : (column.def.cellUnits ?? []) });
      if (!r.ok) return r;
      if (type === 'integer' && r.value.scale > 0) return fail('integer');
      return { ok: true, value: Number(decimalToString(r.value)) };
    }
    case 'decimal': {
      const r = readDecimal(cell, column);
      return r.ok ? { ok: true, value: decimalToString(r.value as Decimal) } : r;
    }
    case 'coordinate': {
      const text = typeof cell === 'number' ? asText(cell) : toHalfWidth(asText(cell)).replace(/[°\s]/g, '');
      return { ok: true, value: text };
    }
    case 'kind':
    case 'level':
    case 'stage': {
      const text = toHalfWidth(asText(cell)).replace(/\s+/g, '');
      const code = CHOICES[type].get(text) ?? CHOICES[type].get(text.toLowerCase());
      return code ? { ok: true, value: code } : fail('oneOf', { values: choiceValues(type) });
    }
    case 'region':
      return readRegion(asText(cell), lookups);
    case 'category': {
      const text = toHalfWidth(asText(cell)).trim();
      const code = lookups.categoryByCode.has(text) ? text : lookups.categoryCodeByName.get(text.replace(/^\S+\s+/, '')) ?? lookups.categoryCodeByName.get(text);
      return code ? { ok: true, value: code } : fail('category.unknown', { value: text });
    }
  }
}

/** "530302 麒麟区", "530302", "麒麟区" or "曲靖市麒麟区" → 530302. */
function readRegion(text: string, lookups: CodeLookups): CellResult {
  const half = toHalfWidth(text).replace(/\s+/g, ' ').trim();
  const code = /^(\d{6})\b/.exec(half)?.[1];
  if (code) return { ok: true, value: code };
  const name = half.replace(/\s+/g, '');
  const exact = lookups.regionCodesByName.get(name);
  if (exact?.length === 1) return { ok: true, value: exact[0] };
  if ((exact?.length ?? 0) > 1) return fail('region.ambiguous', { value: name });
  // "曲靖市麒麟区": the county named after its prefecture.
  for (const [candidate, codes] of lookups.regionCodesByName) {
    if (codes.length === 1 && name.endsWith(candidate) && candidate.length >= 2) {
      const parent = lookups.regionByCode.get(codes[0]!)!.path.split('/').slice(-3, -2)[0];
      const parentName = parent ? lookups.regionByCode.get(parent)?.name : undefined;
      if (parentName && name === parentName + candidate) return { ok: true, value: codes[0] };
    }
  }
  return fail('region.unknown', { value: text });
}
