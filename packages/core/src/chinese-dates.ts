/**
 * Dates as they turn up in officers' spreadsheets and in press copy: Excel serial numbers,
 * "2022年3月1日", "2022.3.1", "2022/3/1", "2022-03", "20220301", "二〇二二年三月一日", full-width
 * forms. The result is an ISO date (YYYY-MM-DD) or a month (YYYY-MM), never a time-zone-shifted Date.
 */
import { isValidIsoDate } from './dates.js';
import { decimalToString, excelNumberToDecimal, parseChineseNumeral, toHalfWidth, type Parsed } from './chinese-numbers.js';

export type DateValue = { kind: 'date'; value: string } | { kind: 'month'; value: string };

const pad = (n: number) => String(n).padStart(2, '0');

function build(year: number, month: number, day?: number): Parsed<DateValue> {
  if (!(year >= 1900 && year <= 2100) || !(month >= 1 && month <= 12)) return { ok: false, rule: 'date.invalid' };
  if (day === undefined) return { ok: true, kind: 'month', value: `${year}-${pad(month)}` };
  const value = `${year}-${pad(month)}-${pad(day)}`;
  return isValidIsoDate(value) ? { ok: true, kind: 'date', value } : { ok: false, rule: 'date.invalid' };
}

/** Excel's day count: serial 1 is 1900-01-01 and the nonexistent 1900-02-29 is serial 60. */
export function excelSerialToDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const days = Math.floor(serial);
  if (!date1904 && days === 60) return null;
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO date → Excel serial (1900 system), for writing dates into a workbook as real dates. */
export function dateToExcelSerial(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return days < 61 ? days - 1 : days;
}

const SERIAL_RANGE = { min: 1, max: 73_050 }; // 1900-01-01 … 2099-12-31

function fromNumber(n: number, date1904: boolean): Parsed<DateValue> {
  if (Number.isInteger(n) && n >= 190001 && n <= 210012 && n % 100 >= 1 && n % 100 <= 12) {
    return build(Math.floor(n / 100), n % 100); // 202203 typed as a number
  }
  if (Number.isInteger(n) && n >= 19000101 && n <= 21001231) {
    return build(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100); // 20220301
  }
  if (n >= 1900 && n < 2101 && !Number.isInteger(n)) {
    // "2022.3" typed into a cell becomes the number 2022.3. "2022.10" would become 2022.1 too, so .1 is ambiguous.
    const [y, m] = decimalToString(excelNumberToDecimal(n)!).split('.') as [string, string];
    if (m === '1') return { ok: false, rule: 'date.ambiguousMonth', params: { value: String(n) } };
    return build(Number(y), Number(m));
  }
  // A bare year (2022) is not a date, though it is a valid serial (1905-07-14).
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return { ok: false, rule: 'date.format', params: { value: String(n) } };
  if (n >= SERIAL_RANGE.min && n <= SERIAL_RANGE.max) {
    const iso = excelSerialToDate(n, date1904);
    return iso ? { ok: true, kind: 'date', value: iso } : { ok: false, rule: 'date.invalid' };
  }
  return { ok: false, rule: 'date.format', params: { value: String(n) } };
}

function numeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const d = parseChineseNumeral(text);
  return d && d.scale === 0 ? Number(d.units) : null;
}

const CHINESE = /^(.+?)年(.+?)月(?:(.+?)[日号])?$/;
const SEPARATED = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2}))?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})?$/;

/**
 * Reads a date or a month. Accepts a spreadsheet number (an Excel serial, or 202203 / 20220301
 * typed as numbers), a JS Date from a spreadsheet reader (its UTC calendar day), or text.
 */
export function parseDateInput(input: string | number | Date, options: { date1904?: boolean } = {}): Parsed<DateValue> {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, rule: 'date.invalid' };
    return { ok: true, kind: 'date', value: input.toISOString().slice(0, 10) };
  }
  if (typeof input === 'number') return fromNumber(input, options.date1904 ?? false);
  const text = toHalfWidth(input)
    .trim()
    .replace(/\s+/g, '')
    // a time after the date ("2022/3/1 0:00:00", "2022-03-01T00:00:00Z") carries nothing we keep
    .replace(/(?<=\d)(T|(?=\d{1,2}:))\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  if (!text) return { ok: false, rule: 'date.format', params: { value: input } };
  let m = SEPARATED.exec(text) ?? COMPACT.exec(text);
  if (m) return build(Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3]));
  m = CHINESE.exec(text);
  if (m) {
    const [year, month] = [numeral(m[1]!), numeral(m[2]!)];
    const day = m[3] === undefined ? undefined : numeral(m[3]);
    if (year === null || month === null || day === null) return { ok: false, rule: 'date.format', params: { value: input } };
    return build(year, month, day);
  }
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), options.date1904 ?? false);
  return { ok: false, rule: 'date.format', params: { value: input } };
}

/** A full date is required: a month alone is refused with `date.needsDay`. */
export function parseDate(input: string | number | Date, options: { date1904?: boolean } = {}): Parsed<{ value: string }> {
  const r = parseDateInput(input, options);
  if (!r.ok) return r;
  if (r.kind === 'month') return { ok: false, rule: 'date.needsDay', params: { value: String(input) } };
  return { ok: true, value: r.value };
}

/** A month (YYYY-MM); a full date names its month. */
export function parseMonth(input: string | number | Date, options: { date1904?: boolean } = {}): Parsed<{ value: string }> {
  const r = parseDateInput(input, options);
  if (!r.ok) return r;
  return { ok: true, value: r.value.slice(0, 7) };
}
