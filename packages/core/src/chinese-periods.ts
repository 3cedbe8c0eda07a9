/**
 * Period words as press copy and bulletins write them, read against the date of the text they
 * appear in: "一季度", "2022年第一季度", "1月", "1—2月", "上半年", "今年以来", "2022年至2024年",
 * "截至3月底", "目前", "2月25日", "2024年以前". A period is a span of days; "一季度" in a text of
 * 2022-02-27 is 2022-01-01..2022-03-31, "1月" is January 2022, and "12月" is December 2021.
 * Also the period codes a bulletin is generated for: "2022", "2022-Q1", "2022-H1", "2022-01".
 */
import { parseChineseNumeral, toHalfWidth } from './chinese-numbers.js';

export type PeriodKind = 'day' | 'month' | 'months' | 'quarter' | 'half' | 'year' | 'years' | 'since' | 'asOf' | 'until';

export interface PeriodSpan {
  /** First day; null when the span runs from the beginning of the records ("截至3月底", "2024年以前"). */
  from: string | null;
  /** Last day, inclusive. */
  to: string;
  kind: PeriodKind;
  /** The span ends at the text's date rather than at a calendar boundary: "今年以来", "目前". */
  runsToDate: boolean;
}

export interface PeriodWord extends PeriodSpan {
  /** The words as written. */
  text: string;
  start: number;
  end: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
export const monthStart = (y: number, m: number) => `${y}-${pad(m)}-01`;
export const monthEnd = (y: number, m: number) => `${y}-${pad(m)}-${pad(lastDay(y, m))}`;

/** 1–4 digits, or Chinese numerals (一, 十二, 二〇二二). */
function num(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  if (/^\d+$/.test(text)) return Number(text);
  const d = parseChineseNumeral(text);
  return d && d.scale === 0 ? Number(d.units) : null;
}

const CN = '[〇零一二两三四五六七八九十]';
const YEAR = `(?:(\\d{4}|${CN}{4})年|(今年|去年|明年|本年|上年))`;
const MONTH = `(\\d{1,2}|${CN}{1,3})`;
const DASH = '\\s*(?:-|—|–|－|~|～|至|到)\\s*';

interface Pattern {
  re: RegExp;
  read: (m: RegExpExecArray, today: string) => PeriodSpan | null;
}

/** The year a match names, or the text's year; `relative` years count from it. */
function yearOf(m: RegExpExecArray, digits: number, relative: number, today: string): { year: number; explicit: boolean } {
  const thisYear = Number(today.slice(0, 4));
  const written = num(m[digits]);
  if (written !== null) return { year: written, explicit: true };
  const word = m[relative];
  if (word === '去年' || word === '上年') return { year: thisYear - 1, explicit: true };
  if (word === '明年') return { year: thisYear + 1, explicit: true };
  if (word) return { year: thisYear, explicit: true };
  return { year: thisYear, explicit: false };
}

/** Without a year, a period that would begin after the text's date is last year's: "12月" in February. */
function placeInYear(y: { year: number; explicit: boolean }, firstDay: (year: number) => string, today: string): number {
  return !y.explicit && firstDay(y.year) > today ? y.year - 1 : y.year;
}

const validMonth = (m: number | null): m is number => m !== null && m >= 1 && m <= 12;
const validYear = (y: number) => y >= 1900 && y <= 2100;

const span = (from: string | null, to: string, kind: PeriodKind, runsToDate = false): PeriodSpan => ({ from, to, kind, runsToDate });

const QUARTER_WORDS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const PATTERNS: Pattern[] = [
  // 2022年至2024年, 2022-2024年, 2022年-2024年
  {
    re: new RegExp(`(\\d{4})年?${DASH}(\\d{4})年`, 'y'),
    read: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      return validYear(a) && validYear(b) && a <= b ? span(`${a}-01-01`, `${b}-12-31`, 'years') : null;
    },
  },
  // 截至2022年3月底, 截至3月末, 截止3月31日
  {
    re: new RegExp(`截[至止]${YEAR}?${MONTH}月(?:(\\d{1,2}|${CN}{1,3})[日号]|底|末|份)?`, 'y'),
    read: (m, today) => {
      const month = num(m[3]);
      if (!validMonth(month)) return null;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => monthStart(y, month), today);
      const day = num(m[4]);
      if (day !== null) return day >= 1 && day <= lastDay(year, month) ? span(null, `${year}-${pad(month)}-${pad(day)}`, 'until') : null;
      return span(null, monthEnd(year, month), 'until');
    },
  },
  // 截至目前, 目前, 当前, 至今
  { re: /(?:截[至止])?(?:目前为止|目前|当前|现阶段|至今)/y, read: (_m, today) => span(null, today, 'asOf', true) },
  // 2022年1—2月, 1-2月份, 1月至3月
  {
    re: new RegExp(`${YEAR}?${MONTH}月?${DASH}${MONTH}月份?`, 'y'),
    read: (m, today) => {
      const [a, b] = [num(m[3]), num(m[4])];
      if (!validMonth(a) || !validMonth(b) || a > b) return null;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => monthStart(y, a), today);
      return span(monthStart(year, a), monthEnd(year, b), 'months');
    },
  },
  // 2月25日, 2022年2月25日
  {
    re: new RegExp(`${YEAR}?${MONTH}月(\\d{1,2}|${CN}{1,3})[日号]`, 'y'),
    read: (m, today) => {
      const [month, day] = [num(m[3]), num(m[4])];
      if (!validMonth(month) || day === null) return null;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => `${y}-${pad(month)}-${pad(day)}`, today);
      if (day < 1 || day > lastDay(year, month)) return null;
      const date = `${year}-${pad(month)}-${pad(day)}`;
      return span(date, date, 'day');
    },
  },
  // 1月, 1月份, 2022年1月, 一月
  {
    re: new RegExp(`${YEAR}?${MONTH}月份?`, 'y'),
    read: (m, today) => {
      const month = num(m[3]);
      if (!validMonth(month)) return null;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => monthStart(y, month), today);
      return span(monthStart(year, month), monthEnd(year, month), 'month');
    },
  },
  // 前三季度
  {
    re: new RegExp(`${YEAR}?前([二三两23])(?:个)?季度`, 'y'),
    read: (m, today) => {
      const n = m[3] === '两' ? 2 : QUARTER_WORDS[m[3]!]!;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => monthStart(y, 1), today);
      return span(monthStart(year, 1), monthEnd(year, n * 3), 'months');
    },
  },
  // 一季度, 第一季度, 2022年第一季度, 1季度, Q1
  {
    re: new RegExp(`${YEAR}?(?:第?([一二三四1-4])季度|[Qq]([1-4]))`, 'y'),
    read: (m, today) => {
      const q = QUARTER_WORDS[m[3] ?? m[4]!]!;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => monthStart(y, q * 3 - 2), today);
      return span(monthStart(year, q * 3 - 2), monthEnd(year, q * 3), 'quarter');
    },
  },
  // 上半年, 2022年下半年
  {
    re: new RegExp(`${YEAR}?([上下])半年`, 'y'),
    read: (m, today) => {
      const first = m[3] === '上' ? 1 : 7;
      const year = placeInYear(yearOf(m, 1, 2, today), (y) => monthStart(y, first), today);
      return span(monthStart(year, first), monthEnd(year, first + 5), 'half');
    },
  },
  // 今年以来, 今年开年以来, 年初以来, 2021年以来
  {
    re: new RegExp(`(?:${YEAR}(?:开年|年初)?|开年|年初)(?:以来|至今)`, 'y'),
    read: (m, today) => {
      const { year } = yearOf(m, 1, 2, today);
      return `${year}-01-01` <= today ? span(`${year}-01-01`, today, 'since', true) : null;
    },
  },
  // 2024年以前, 2024年前
  {
    re: new RegExp(`(\\d{4})年(?:以前|之前|前)`, 'y'),
    read: (m) => {
      const y = Number(m[1]);
      return validYear(y) ? span(null, `${y}-12-31`, 'until') : null;
    },
  },
  // 2022年, 2022年度, 今年, 去年, 全年
  {
    re: new RegExp(`${YEAR}度?|全年|本年度`, 'y'),
    read: (m, today) => {
      const { year } = yearOf(m, 1, 2, today);
      return validYear(year) ? span(`${year}-01-01`, `${year}-12-31`, 'year') : null;
    },
  },
  // 本月, 当月, 上月
  {
    re: /本月|当月|上月|上个月/y,
    read: (m, today) => {
      const [y, mo] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
      const back = m[0].startsWith('上');
      const [year, month] = back ? (mo === 1 ? [y - 1, 12] : [y, mo - 1]) : [y, mo];
      return span(monthStart(year, month), monthEnd(year, month), 'month');
    },
  },
];

/**
 * The period word starting exactly at `index` of `text` (already half-width), read against
 * `today`: the longest one that makes sense, or null.
 */
export function periodWordAt(text: string, index: number, today: string): PeriodWord | null {
  let best: PeriodWord | null = null;
  for (const p of PATTERNS) {
    p.re.lastIndex = index;
    const m = p.re.exec(text);
    if (!m || (best && m[0].length <= best.end - best.start)) continue;
    const read = p.read(m, today);
    if (read) best = { ...read, text: m[0], start: index, end: index + m[0].length };
  }
  return best;
}

/** Every period word in a text, left to right, not overlapping. Full-width forms are read too. */
export function findPeriodWords(input: string, today: string): PeriodWord[] {
  const text = toHalfWidth(input);
  const out: PeriodWord[] = [];
  for (let i = 0; i < text.length; ) {
    // A number glued to letters or digits before it is not a period ("NW2022…", "5G").
    const glued = /[\dA-Za-z.]/.test(text[i - 1] ?? '') && /\d/.test(text[i]!);
    const found = glued ? null : periodWordAt(text, i, today);
    if (found) {
      out.push({ ...found, text: input.slice(found.start, found.end) });
      i = found.end;
    } else i++;
  }
  return out;
}

/** Reads one period phrase as a whole: "2022年一季度" → 2022-01-01..2022-03-31. */
export function readPeriod(input: string, today: string): PeriodSpan | null {
  const text = toHalfWidth(input).trim();
  const found = periodWordAt(text, 0, today);
  if (!found || found.end !== text.length) return null;
  const { from, to, kind, runsToDate } = found;
  return { from, to, kind, runsToDate };
}

/** A period a bulletin is generated for, with the words it is written in. */
export interface PeriodCode {
  code: string;
  from: string;
  to: string;
  year: number;
  /** First and last month, YYYY-MM. */
  fromMonth: string;
  toMonth: string;
  /** "一季度", "1月", "1—3月", "上半年", "全年": the period within its year. */
  label: string;
  /** "2022年一季度", "2022年1月", "2022年". */
  fullLabel: string;
}

const QUARTER_LABELS = ['一季度', '二季度', '三季度', '四季度'];

/** "2022" | "2022-Q1" | "2022-H1" | "2022-01" | "2022-01..2022-03" → the period, or null. */
export function parsePeriodCode(input: string): PeriodCode | null {
  const code = toHalfWidth(input).trim().toUpperCase();
  let m = /^(\d{4})$/.exec(code);
  const make = (year: number, a: number, b: number, label: string, fullLabel: string): PeriodCode | null =>
    validYear(year)
      ? { code, from: monthStart(year, a), to: monthEnd(year, b), year, fromMonth: `${year}-${pad(a)}`, toMonth: `${year}-${pad(b)}`, label, fullLabel }
      : null;
  if (m) return make(Number(m[1]), 1, 12, '全年', `${m[1]}年`);
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m) {
    const q = Number(m[2]);
    return make(Number(m[1]), q * 3 - 2, q * 3, QUARTER_LABELS[q - 1]!, `${m[1]}年${QUARTER_LABELS[q - 1]}`);
  }
  m = /^(\d{4})-H([12])$/.exec(code);
  if (m) {
    const h = Number(m[2]);
    const label = h === 1 ? '上半年' : '下半年';
    return make(Number(m[1]), h === 1 ? 1 : 7, h === 1 ? 6 : 12, label, `${m[1]}年${label}`);
  }
  m = /^(\d{4})-(\d{2})$/.exec(code);
  if (m && validMonth(Number(m[2]))) return make(Number(m[1]), Number(m[2]), Number(m[2]), `${Number(m[2])}月`, `${m[1]}年${Number(m[2])}月`);
  m = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/.exec(code);
  if (m && m[1] === m[3] && validMonth(Number(m[2])) && validMonth(Number(m[4])) && Number(m[2]) <= Number(m[4])) {
    const [a, b] = [Number(m[2]), Number(m[4])];
    const label = a === b ? `${a}月` : `${a}—${b}月`;
    return make(Number(m[1]), a, b, label, `${m[1]}年${label}`);
  }
  return null;
}
