/**
 * The figures a text states: amounts (1254亿元, 57.15亿元, 8674万元), counts (394个, 32项, 1000家),
 * percentages (36.85%), capacities (83.2万千瓦) and other quantities with a unit (15万套, 35片).
 * Each is read exactly by `parseQuantity`; dates, years and numbers glued to letters (5G, NW2022…)
 * are not figures, and an amount followed by 以上/以下 ("5亿元以上") is a size band, not a figure.
 */
import { parseQuantity, toHalfWidth, type Decimal } from './chinese-numbers.js';

export type FigureKind = 'amount' | 'count' | 'percent' | 'capacity' | 'quantity';

export interface FoundFigure {
  /** As written, and where: offsets in the text searched. */
  text: string;
  start: number;
  end: number;
  kind: FigureKind;
  /** In the base unit: yuan for amounts, kW for capacities, the count, the percentage. */
  value: Decimal;
  /** The number as written before its multiplier ("83.2" of 83.2万千瓦), the multiplier, and the unit after it (千瓦, 兆瓦, 元, 个…). */
  written: Decimal;
  multiplier: bigint;
  unit: string;
  /** 约/近/超过/余/多/左右, or 以上/以下 on a count: not an exact figure. */
  approximate: boolean;
  /** 以上 / 以下 after the figure. */
  bound: 'atLeast' | 'atMost' | null;
}

const COUNT_UNITS = ['个', '项', '家', '批'];
const CAPACITY_UNITS: Record<string, bigint> = { 千瓦: 1n, 兆瓦: 1000n, 吉瓦: 1_000_000n };
const OTHER_UNITS = ['千瓦时', '个百分点', '套', '片', '户', '座', '条', '人', '亩', '宗', '件', '所', '处', '栋', '吨', '公里', '千米', '平方米', '辆', '台', '间', '张'];
/** Longest first, so 千瓦时 is not read as 千瓦 and 个百分点 not as 个. */
const UNITS = ['元', '%', ...COUNT_UNITS, ...Object.keys(CAPACITY_UNITS), ...OTHER_UNITS].sort((a, b) => b.length - a.length);

const NUM = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
/** Chinese numerals with a multiplier, for amounts written out: 三千二百万元, 十万元. */
const CN_AMOUNT = '[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*[十百千万亿]';
const UNIT = UNITS.join('|');
const FIGURE = new RegExp(
  `(约|近|超过|超|逾|接近|不到|不足|多达)?` +
    `(?:(${NUM}(?:[十百千万亿]+零?${NUM})*(?:余|多)?[十百千万亿]*(?:余|多)?)(${UNIT})|(${CN_AMOUNT})(元))` +
    `(及以上|及以下|以上|以下|以内|左右)?`,
  'g',
);

/** Before a figure: not a letter, digit, point or sign (NW2022…, v1.2, 9+1), nor 第 (an ordinal). */
const GLUED_BEFORE = /[A-Za-z0-9._+\-/#第]/;
/** 3个月, 5个工作日: durations, not counts. */
const DURATION_AFTER = /^(月|小时|工作日|星期|季度|年头)/;

/** How many base units (kW) one written capacity unit holds: 兆瓦 → 1000. */
export function capacityUnitKw(unit: string): bigint | null {
  return CAPACITY_UNITS[unit] ?? null;
}

function kindOf(unit: string): FigureKind {
  if (unit === '元') return 'amount';
  if (unit === '%') return 'percent';
  if (COUNT_UNITS.includes(unit)) return 'count';
  if (CAPACITY_UNITS[unit] !== undefined) return 'capacity';
  return 'quantity';
}

/** Every figure in a text, left to right. Full-width digits and signs are read as their ASCII forms. */
export function findFigures(input: string): FoundFigure[] {
  const text = toHalfWidth(input);
  const out: FoundFigure[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const before = text[m.index - 1] ?? '';
    const numberStart = m.index + (m[1]?.length ?? 0);
    if (GLUED_BEFORE.test(before)) continue;
    const numberText = m[2] ?? m[4]!;
    const unit = m[3] ?? m[5]!;
    const after = m[6] ?? '';
    if (unit === '个' && DURATION_AFTER.test(text.slice(m.index + m[0].length - after.length))) continue;
    const q = parseQuantity(numberText + unit);
    if (!q.ok) continue;
    const kind = kindOf(unit);
    const capacityFactor = CAPACITY_UNITS[unit];
    const value = capacityFactor ? { units: q.value.units * capacityFactor, scale: q.value.scale } : q.value;
    const bound = after.endsWith('以上') ? 'atLeast' : after.endsWith('以下') || after === '以内' ? 'atMost' : null;
    const end = m.index + m[0].length - (bound ? 0 : after.length);
    out.push({
      text: input.slice(numberStart, end),
      start: numberStart,
      end,
      kind,
      value,
      written: q.number,
      multiplier: q.multiplier,
      unit,
      approximate: !!m[1] || q.approximate || after === '左右' || (bound !== null && kind !== 'amount'),
      bound,
    });
  }
  return out;
}
