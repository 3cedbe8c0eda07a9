import type { Decimal } from './chinese-numbers.js';

const NUMERAL_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 贰: 2, 两: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
const NUMERAL_SMALL_UNITS: Record<string, bigint> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
const NUMERAL_BIG_UNITS: Record<string, bigint> = { 万: 10_000n, 萬: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };
const NUMERAL_CHARS = new RegExp(`^[${Object.keys({ ...NUMERAL_DIGITS, ...NUMERAL_SMALL_UNITS, ...NUMERAL_BIG_UNITS }).join('')}点]+$`);

/**
 * Chinese numerals: "三千二百万" → 32000000, "十二" → 12, "二〇二二" → 2022 (digit by digit),
 * "三点五" → 3.5. Returns null for anything else.
 */
export function parseChineseNumeral(text: string): Decimal | null {
  if (!text || !NUMERAL_CHARS.test(text)) return null;
  const [intPart = '', fracPart, extra] = text.split('点');
  if (extra !== undefined) return null;
  let frac = '';
  if (fracPart !== undefined) {
    for (const ch of fracPart) {
      const d = NUMERAL_DIGITS[ch];
      if (d === undefined) return null;
      frac += d;
    }
    if (!frac) return null;
  }
  const whole = parseNumeralInteger(intPart);
  if (whole === null) return null;
  // Trailing zeros of the fraction say nothing: 三点五零 is 3.5.
  while (frac.endsWith('0')) frac = frac.slice(0, -1);
  return { units: BigInt(whole.toString() + frac), scale: frac.length };
}

function parseNumeralInteger(text: string): bigint | null {
  if (text === '') return 0n;
  // Digit by digit, as years are written: 二〇二二.
  if ([...text].every((ch) => NUMERAL_DIGITS[ch] !== undefined)) {
    return BigInt([...text].map((ch) => NUMERAL_DIGITS[ch]).join(''));
  }
  let total = 0n;
  let section = 0n;
  let digit: bigint | null = null;
  for (const ch of text) {
    const d = NUMERAL_DIGITS[ch];
    if (d === 0) continue; // 零 only holds a place: 一百零五
    if (d !== undefined) {
      if (digit !== null) return null;
      digit = BigInt(d);
      continue;
    }
    const small = NUMERAL_SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1n) * small;
      digit = null;
      continue;
    }
    const big = NUMERAL_BIG_UNITS[ch];
    if (big === undefined) return null;
    section += digit ?? 0n;
    digit = null;
    // 亿 after 万 (万亿) scales everything before it; 万 alone scales the current section.
    if (big > 10_000n) {
      total = (total + section) * big;
    } else {
      total += section * big;
    }
    section = 0n;
  }
  return total + section + (digit ?? 0n);
}
