/**
 * Numbers as Chinese officials write them: "1,254.5", "1254亿元", "12.5万元", "3.2亿", "83.2万千瓦",
 * "１２５４．５", "三千二百万", "超1000亿元". Everything is exact: a value is an integer count of
 * units at a decimal scale, never a binary float, so "12.5万元" is exactly 125000 元.
 */
import { MAX_FEN, fenToYuan } from './money.js';
import { parseChineseNumeral } from './chinese-numerals.js';

export { parseChineseNumeral };

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  units: bigint;
  scale: number;
}

export type ParseRule = 'number.format' | 'amount.unit' | 'money.negative' | 'money.decimals' | 'money.tooLarge';
export type Parsed<T> = ({ ok: true } & T) | { ok: false; rule: string; params?: Record<string, unknown> };

/** Full-width digits, letters and punctuation (and the ideographic space) to their ASCII forms. */
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

export function toHalfWidth(text: string): string {
  // Most cells have nothing full-width: hand them back as they are, without copying.
  if (!FULL_WIDTH.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-])?\.(\d+)$/;

/** "1254.50" → {units: 125450n, scale: 2}. Accepts exponent notation (what Number#toPrecision writes). */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const negative = (m[1] ?? m[5]) === '-';
  const whole = m[2] ?? '0';
  const frac = m[3] ?? m[6] ?? '';
  const exponent = m[4] ? Number(m[4]) : 0;
  let units = BigInt(whole + frac);
  let scale = frac.length - exponent;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalize({ units: negative ? -units : units, scale });
}

/** Drops trailing zeros after the point: 125450/2 → 12545/1. */
function normalize(d: Decimal): Decimal {
  let { units, scale } = d;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale--;
  }
  return { units, scale };
}

export function decimalToString(d: Decimal): string {
  const { units, scale } = normalize(d);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  if (scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

export function multiplyDecimal(d: Decimal, factor: bigint): Decimal {
  return normalize({ units: d.units * factor, scale: d.scale });
}

/**
 * A spreadsheet number as the decimal a person typed. Excel keeps 15 significant digits, so
 * 12.499999999999998 (float noise from a formula) reads as 12.5, as Excel itself shows it.
 */
export function excelNumberToDecimal(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isSafeInteger(n) && Math.abs(n) < 1e15) return { units: BigInt(n), scale: 0 };
  return parseDecimal(fifteenDigits(n));
}

/**
 * A finite number at Excel's 15 significant digits. The shortest text that reads back as the
 * same number (String(n)) is that already when it has no more than 15 significant digits: a
 * double is nearer to it than half a unit in the 15th digit. Only longer ones (float noise such
 * as 12.499999999999998) need the slower toPrecision.
 */
function fifteenDigits(n: number): string {
  const text = String(n);
  let significant = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 /* e */) return n.toPrecision(15);
    if (c < 48 || c > 57) continue; // sign, point
    if (leading && c === 48) continue;
    leading = false;
    if (++significant > 15) return n.toPrecision(15);
  }
  return text;
}

const MULTIPLIERS: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n, 万: 10_000n, 亿: 100_000_000n };
/** Units whose first character is also a multiplier: 83.2万千瓦 is 832000 千瓦, not 8.32亿 瓦. */
const UNITS_STARTING_WITH_MULTIPLIER = ['千瓦时', '千瓦', '千伏安', '千伏', '千米', '千克', '百分点', '百分比'];
/** Words around a figure that say it is not exact ("约", "超", "余", "左右") or that it is a total ("共计"). */
const APPROXIMATE_BEFORE = /^(约|近|超过|超|逾|接近)/;
const EXACT_BEFORE = /^(达到|达|共计|共|合计|总计|累计)/;

export interface Quantity {
  /** The value in the base unit, exact: "83.2万千瓦" → 832000 (千瓦). */
  value: Decimal;
  /** The number as written, before the multiplier: "83.2". */
  number: Decimal;
  /** 万 → 10000n, 亿 → 100000000n, 万亿 → 10^12; 1n when none is written. */
  multiplier: bigint;
  /** What is counted, after the multiplier: 元, 千瓦, 亩, 个, % … ('' when nothing follows). */
  unit: string;
  /** Written with 约/近/超/逾 or 余/多: the figure is not exact. */
  approximate: boolean;
}

/**
 * Reads a number with its Chinese multiplier and unit: "1254亿元", "12.5万元", "3.2亿", "83.2万千瓦",
 * "1,254.5", "三千二百万元", "超1000亿元", "36.85%". Full-width forms are accepted.
 */
export function parseQuantity(input: string): Parsed<Quantity> {
  let text = toHalfWidth(input).replace(/[\s\u00a0\u2009\u202f]/g, '').replace(/^[¥￥]/, '');
  let approximate = false;
  const loose = APPROXIMATE_BEFORE.exec(text);
  if (loose) {
    approximate = true;
    text = text.slice(loose[1]!.length);
  } else {
    const total = EXACT_BEFORE.exec(text);
    if (total) text = text.slice(total[1]!.length);
  }
  const numberMatch = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?/.exec(text);
  let numberText = numberMatch?.[0] ?? '';
  let number: Decimal | null = null;
  let rest: string;
  if (numberText && /\d/.test(numberText)) {
    number = parseDecimal(numberText.replace(/,/g, ''));
    rest = text.slice(numberText.length);
  } else {
    // Chinese numerals: take the longest numeral prefix that parses, leaving the unit.
    numberText = '';
    for (let end = text.length; end > 0; end--) {
      const candidate = parseChineseNumeral(text.slice(0, end));
      if (candidate) {
        number = candidate;
        numberText = text.slice(0, end);
        break;
      }
    }
    rest = text.slice(numberText.length);
  }
  if (!number) return { ok: false, rule: 'number.format', params: { value: input } };

  // 余/多 sit after the number or after its multiplier ("1000余亿元", "3万余元"), 左右 at the end.
  const skipRemainder = () => {
    if (/^(余|多)/.test(rest)) {
      approximate = true;
      rest = rest.slice(1);
    }
  };
  skipRemainder();
  const readMultiplier = () => {
    let m = 1n;
    while (rest && MULTIPLIERS[rest[0]!] !== undefined && !UNITS_STARTING_WITH_MULTIPLIER.some((u) => rest.startsWith(u))) {
      m *= MULTIPLIERS[rest[0]!]!;
      rest = rest.slice(1);
    }
    return m;
  };
  const multiplier = readMultiplier();
  let value = multiplyDecimal(number, multiplier);
  // "1亿2000万元", "12亿5千万", "3万5千元": further parts, each under a smaller multiplier.
  let smallest = multiplier;
  for (let part = /^零?(\d+(?:\.\d+)?)/.exec(rest); part && smallest > 1n; part = /^零?(\d+(?:\.\d+)?)/.exec(rest)) {
    const saved = rest;
    rest = rest.slice(part[0].length);
    const m = readMultiplier();
    // "3万5" may mean 35000 or 30005: only "3万零5" says which, so a bare tail is refused.
    if (m === 1n && !part[0].startsWith('零')) return { ok: false, rule: 'number.format', params: { value: input } };
    if (m >= smallest) {
      rest = saved;
      break;
    }
    value = addDecimals(value, multiplyDecimal(parseDecimal(part[1]!)!, m));
    smallest = m;
  }
  skipRemainder();
  if (rest.endsWith('左右')) {
    approximate = true;
    rest = rest.slice(0, -2);
  }
  if (/[\d,.]/.test(rest)) return { ok: false, rule: 'number.format', params: { value: input } };
  return { ok: true, value, number: divideByPowerOfTen(value, multiplier), multiplier, unit: rest, approximate };
}

function addDecimals(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return normalize({ units: a.units * 10n ** BigInt(scale - a.scale) + b.units * 10n ** BigInt(scale - b.scale), scale });
}

/** `d / factor` for a factor that is a power of ten (a Chinese multiplier): exact, by moving the point. */
function divideByPowerOfTen(d: Decimal, factor: bigint): Decimal {
  const zeros = factor.toString().length - 1;
  return normalize({ units: d.units, scale: d.scale + zeros });
}

/** A money unit and how many yuan it holds. */
export type AmountUnit = '元' | '万元' | '亿元';
export const AMOUNT_UNIT_YUAN: Record<AmountUnit, bigint> = { 元: 1n, 万元: 10_000n, 亿元: 100_000_000n };

/** The unit a header names: "总投资（万元）" → {label: "总投资", unit: "万元"}; "单位：亿元" → unit "亿元". */
export function splitHeaderUnit(header: string): { label: string; unit: string | null } {
  const text = toHalfWidth(header).replace(/\s+/g, '');
  const paren = /^(.*?)[([【]([^()[\]【】]*)[)\]】]\s*$/.exec(text);
  if (paren) {
    const inside = paren[2]!.replace(/^单位[:：]?/, '');
    return { label: paren[1]!, unit: inside || null };
  }
  const labelled = /^(.*?)单位[:：](.+)$/.exec(text);
  if (labelled) return { label: labelled[1]!, unit: labelled[2]! };
  return { label: text, unit: null };
}

const unitFactors = new Map<string, bigint | null>();

/** "万元" → 10000n; "亿元" → 10^8; "元" → 1n; anything that is not a money unit → null. */
export function amountUnitYuan(unit: string): bigint | null {
  let factor = unitFactors.get(unit);
  if (factor !== undefined) return factor;
  const m = /^([十百千万亿]*)元$/.exec(toHalfWidth(unit).trim());
  factor = m ? [...m[1]!].reduce((f, ch) => f * MULTIPLIERS[ch]!, 1n) : null;
  // Headers name a handful of units; a sheet's cells ask for the same few again and again.
  if (unitFactors.size < 1000) unitFactors.set(unit, factor);
  return factor;
}

export type AmountInput = string | number | null | undefined;

/**
 * An amount of money to 分, exactly. A number with no unit of its own is in `defaultUnit` (the
 * unit from its column header, 元 when there is none); "3.2亿" or "12.5万元" carry their own.
 * A spreadsheet number is read at Excel's 15 significant digits.
 */
export function parseAmountFen(input: AmountInput, options: { defaultUnit?: string | null } = {}): Parsed<{ fen: bigint; approximate: boolean }> {
  const defaultFactor = amountUnitYuan(options.defaultUnit ?? '元');
  if (defaultFactor === null) return { ok: false, rule: 'amount.unit', params: { value: options.defaultUnit } };
  let yuan: Decimal;
  let approximate = false;
  if (typeof input === 'number') {
    const d = excelNumberToDecimal(input);
    if (!d) return { ok: false, rule: 'number.format', params: { value: String(input) } };
    yuan = multiplyDecimal(d, defaultFactor);
  } else {
    const q = parseQuantity(String(input ?? ''));
    if (!q.ok) return q;
    approximate = q.approximate;
    if (q.unit === '' || q.unit === '元') {
      const unitFactor = q.unit === '' && q.multiplier === 1n ? defaultFactor : 1n;
      yuan = multiplyDecimal(q.value, unitFactor);
    } else {
      return { ok: false, rule: 'amount.unit', params: { value: q.unit } };
    }
  }
  return decimalToFen(yuan, approximate);
}

/**
 * The same reading as parseAmountFen, as canonical yuan ("1254.50", "58500000000"). A spreadsheet
 * number is shifted digit by digit, with no bigint arithmetic: an import reads hundreds of
 * thousands of such cells.
 */
export function parseAmountYuan(input: AmountInput, options: { defaultUnit?: string | null } = {}): Parsed<{ yuan: string; approximate: boolean }> {
  if (typeof input === 'number' && Number.isFinite(input)) {
    const factor = amountUnitYuan(options.defaultUnit ?? '元');
    if (factor === null) return { ok: false, rule: 'amount.unit', params: { value: options.defaultUnit } };
    const text = fifteenDigits(input);
    if (!text.includes('e')) return numberToYuan(text, factor);
  }
  const r = parseAmountFen(input, options);
  return r.ok ? { ok: true, yuan: fenToYuan(r.fen), approximate: r.approximate } : r;
}

/**
 * A spreadsheet number already written at 15 significant digits ("1254.50000000000"), in a unit
 * of `factor` yuan (a power of ten), as canonical yuan. One pass over the digits: an import
 * reads hundreds of thousands of these.
 */
function numberToYuan(text: string, factor: bigint): Parsed<{ yuan: string; approximate: boolean }> {
  const places = 2 + factor.toString().length - 1; // 分 per unit is a power of ten
  const negative = text.charCodeAt(0) === 45; // -
  const dot = text.indexOf('.');
  const whole = dot < 0 ? text.slice(negative ? 1 : 0) : text.slice(negative ? 1 : 0, dot);
  let fracEnd = dot < 0 ? 0 : text.length;
  while (fracEnd > dot + 1 && text.charCodeAt(fracEnd - 1) === 48) fracEnd--;
  const frac = dot < 0 ? '' : text.slice(dot + 1, fracEnd);
  if (frac.length > places) return { ok: false, rule: negative ? 'money.negative' : 'money.decimals' };
  let digits = whole + frac.padEnd(places, '0');
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  if (lead) digits = digits.slice(lead);
  if (negative && digits !== '0') return { ok: false, rule: 'money.negative' };
  if (digits.length > 18) return { ok: false, rule: 'money.tooLarge' };
  if (digits.length < 3) digits = digits.padStart(3, '0');
  const yuanEnd = digits.length - 2;
  let start = 0;
  while (start < yuanEnd - 1 && digits.charCodeAt(start) === 48) start++;
  const yuan = digits.slice(start, yuanEnd);
  const cents = digits.slice(yuanEnd);
  return { ok: true, yuan: cents === '00' ? yuan : `${yuan}.${cents}`, approximate: false };
}

function decimalToFen(yuan: Decimal, approximate: boolean): Parsed<{ fen: bigint; approximate: boolean }> {
  if (yuan.units < 0n) return { ok: false, rule: 'money.negative' };
  let fen: bigint;
  if (yuan.scale <= 2) fen = yuan.units * 10n ** BigInt(2 - yuan.scale);
  else {
    const divisor = 10n ** BigInt(yuan.scale - 2);
    if (yuan.units % divisor !== 0n) return { ok: false, rule: 'money.decimals' };
    fen = yuan.units / divisor;
  }
  if (fen > MAX_FEN) return { ok: false, rule: 'money.tooLarge' };
  return { ok: true, fen, approximate };
}

/**
 * A plain non-negative number (a count, a percentage, an attribute): "1,200", "８５%", "83.2万"
 * (→ 832000), or a spreadsheet number. `unit` says which written unit is accepted besides none.
 */
export function parsePlainNumber(input: string | number, options: { units?: readonly string[] } = {}): Parsed<{ value: Decimal }> {
  if (typeof input === 'number') {
    const d = excelNumberToDecimal(input);
    return d ? { ok: true, value: d } : { ok: false, rule: 'number.format', params: { value: String(input) } };
  }
  const q = parseQuantity(input);
  if (!q.ok) return q;
  if (q.unit && !(options.units ?? []).includes(q.unit)) return { ok: false, rule: 'amount.unit', params: { value: q.unit } };
  return { ok: true, value: q.value };
}
