/**
 * Money is yuan with at most two decimals (分). It travels as a decimal string and is
 * computed as a bigint count of 分, so no sum or ratio ever touches a binary float.
 */
export type MoneyRule = 'money.notNumber' | 'money.negative' | 'money.decimals' | 'money.tooLarge';

export class MoneyError extends Error {
  constructor(
    readonly rule: MoneyRule,
    readonly input: string,
  ) {
    super(`${rule}: ${input}`);
  }
}

/** numeric(18,2) in the database: 16 integer digits. */
export const MAX_FEN = 10n ** 18n - 1n;

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/** Parses a yuan amount ("1254", "57.15", "0.5") into 分. Throws MoneyError naming the rule broken. */
export function yuanToFen(input: string): bigint {
  const fen = parseFen(input);
  if (fen > MAX_FEN) throw new MoneyError('money.tooLarge', input);
  return fen;
}

/** The same parse without the column's limit: sums of many stored amounts may exceed it. */
function parseFen(input: string): bigint {
  const text = input.trim();
  const m = DECIMAL.exec(text);
  if (!m) throw new MoneyError('money.notNumber', input);
  const [, minus, whole, frac = ''] = m;
  if (frac.length > 2 && !/^0*$/.test(frac.slice(2))) throw new MoneyError('money.decimals', input);
  const fen = BigInt(whole!) * 100n + BigInt((frac + '00').slice(0, 2));
  if (minus && fen !== 0n) throw new MoneyError('money.negative', input);
  return fen;
}

/** Canonical yuan string: "58500000000", "57.15", "0.50". Negative values keep their sign. */
export function fenToYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const whole = abs / 100n;
  const cents = abs % 100n;
  const body = cents === 0n ? whole.toString() : `${whole}.${cents.toString().padStart(2, '0')}`;
  return negative ? `-${body}` : body;
}

/** Normalises a database numeric ("58500000000.00"), a sum of them, or any valid amount to the canonical form. */
export function normalizeYuan(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const negative = value.startsWith('-');
  const fen = parseFen(negative ? value.slice(1) : value);
  return fenToYuan(negative ? -fen : fen);
}

export function isValidYuan(input: string): boolean {
  try {
    yuanToFen(input);
    return true;
  } catch {
    return false;
  }
}

export function sumYuan(values: Iterable<string | null | undefined>): string {
  let total = 0n;
  for (const v of values) if (v !== null && v !== undefined) total += yuanToFenSigned(v);
  return fenToYuan(total);
}

/** Arithmetic on amounts already stored or summed: no column limit applies to results. */
function yuanToFenSigned(v: string): bigint {
  return v.startsWith('-') ? -parseFen(v.slice(1)) : parseFen(v);
}

export function compareYuan(a: string, b: string): number {
  const d = yuanToFenSigned(a) - yuanToFenSigned(b);
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/**
 * (numerator / denominator) × 100, rounded half away from zero to `decimals` places.
 * Returns null when the denominator is zero: a share of nothing is not a number.
 */
export function percentOf(numerator: string, denominator: string, decimals = 2): string | null {
  return ratioPercent(yuanToFenSigned(numerator), yuanToFenSigned(denominator), decimals);
}

/** Year-on-year growth in percent: (current − previous) / previous × 100. */
export function growthPercent(current: string, previous: string, decimals = 2): string | null {
  const cur = yuanToFenSigned(current);
  const prev = yuanToFenSigned(previous);
  return ratioPercent(cur - prev, prev, decimals);
}

export function ratioPercent(num: bigint, den: bigint, decimals = 2): string | null {
  if (den === 0n) return null;
  const scale = 10n ** BigInt(decimals);
  const negative = num < 0n !== den < 0n && num !== 0n;
  const n = (num < 0n ? -num : num) * 100n * scale;
  const d = den < 0n ? -den : den;
  let q = n / d;
  if ((n % d) * 2n >= d) q += 1n;
  const whole = q / scale;
  const frac = q % scale;
  const body = decimals === 0 ? whole.toString() : `${whole}.${frac.toString().padStart(decimals, '0')}`;
  return negative && q !== 0n ? `-${body}` : body;
}

export type ChineseMoneyUnit = '元' | '万元' | '亿元';

const UNIT_FEN: Record<ChineseMoneyUnit, bigint> = { 元: 100n, 万元: 1_000_000n, 亿元: 10_000_000_000n };

/**
 * Writes an amount the way officials read it: "1254亿元", "57.15亿元", "8674万元".
 * `unit: 'auto'` picks 亿元 from 1亿 up and 万元 from 1万 up. Trailing zeros are dropped.
 */
export function formatYuanZh(yuan: string, options: { unit?: ChineseMoneyUnit | 'auto'; decimals?: number } = {}): string {
  const fen = yuanToFenSigned(yuan);
  const abs = fen < 0n ? -fen : fen;
  const unit: ChineseMoneyUnit =
    options.unit && options.unit !== 'auto' ? options.unit : abs >= UNIT_FEN['亿元'] ? '亿元' : abs >= UNIT_FEN['万元'] ? '万元' : '元';
  const decimals = options.decimals ?? 2;
  const scaled = roundDiv(fen * 10n ** BigInt(decimals), UNIT_FEN[unit]);
  return `${trimDecimal(scaled, decimals)}${unit}`;
}

/** Yuan → the number in a unit as a decimal string, e.g. ("125400000000", '亿元') → "1254". */
export function yuanInUnit(yuan: string, unit: ChineseMoneyUnit, decimals = 2): string {
  const fen = yuanToFenSigned(yuan);
  return trimDecimal(roundDiv(fen * 10n ** BigInt(decimals), UNIT_FEN[unit]), decimals);
}

function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n;
  const a = negative ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return negative ? -q : q;
}

function trimDecimal(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const scale = 10n ** BigInt(decimals);
  const whole = abs / scale;
  let frac = decimals > 0 ? (abs % scale).toString().padStart(decimals, '0') : '';
  frac = frac.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole.toLocaleString('en-US').replace(/,/g, '')}${frac ? '.' + frac : ''}`;
}
