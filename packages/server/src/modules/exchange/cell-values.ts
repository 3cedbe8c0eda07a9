import type ExcelJS from 'exceljs';
import { KIND_LABELS, LEVEL_LABELS, STAGE_LABELS, amountUnitYuan, decimalToString, parseDecimal, yuanToFen } from '@guatu/core';
import type { ColumnDef } from './columns.js';

/** Excel holds 15 significant digits in a number; longer values are written as text so they read back exactly. */
const EXCEL_DIGITS = 15;

export const AMOUNT_FORMAT = '#,##0.00####';
export const DATE_FORMAT = 'yyyy-mm-dd';

/** A decimal string as a spreadsheet number when Excel can hold it exactly, else as text. */
export function exactNumber(decimal: string): number | string {
  const d = parseDecimal(decimal);
  if (!d) return decimal;
  const digits = (d.units < 0n ? -d.units : d.units).toString().replace(/^0+/, '').length;
  return digits <= EXCEL_DIGITS ? Number(decimal) : decimal;
}

/** Yuan in a column's unit (万元 by default), exactly: "125400000000" → "12540000" (万元). */
export function yuanIn(yuan: string, unit: string | undefined): string {
  const factor = amountUnitYuan(unit ?? '元') ?? 1n;
  return decimalToString({ units: yuanToFen(yuan), scale: 2 + (factor.toString().length - 1) });
}

export interface CellOut {
  value: ExcelJS.CellValue;
  numFmt?: string;
}

/** What an export writes into a cell for a field's value; `null` for nothing. */
export function cellFor(column: ColumnDef, value: unknown, names: { region?: (code: string) => string; category?: (code: string) => string }): CellOut {
  if (value === null || value === undefined || value === '') return { value: null };
  switch (column.type) {
    case 'amount':
      return { value: exactNumber(yuanIn(String(value), column.unit)), numFmt: AMOUNT_FORMAT };
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number) as [number, number, number];
      return { value: new Date(Date.UTC(y, m - 1, d)), numFmt: DATE_FORMAT };
    }
    case 'decimal':
    case 'coordinate':
      return { value: exactNumber(String(value)) };
    case 'integer':
    case 'percent':
    case 'year':
      return { value: Number(value) };
    case 'kind':
      return { value: KIND_LABELS[String(value)]?.zh ?? String(value) };
    case 'level':
      return { value: LEVEL_LABELS[String(value)]?.zh ?? String(value) };
    case 'stage':
      return { value: STAGE_LABELS[String(value)]?.zh ?? String(value) };
    case 'region':
      return { value: names.region ? names.region(String(value)) : String(value) };
    case 'category':
      return { value: names.category ? names.category(String(value)) : String(value) };
    default:
      return { value: String(value) };
  }
}

/** CSV keeps exact decimals as text: amounts in the column unit, dates ISO, choices by their Chinese label. */
export function csvText(cell: CellOut): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** A CSV field, quoted when needed; text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvField(text: string): string {
  const safe = /^[=+@\t\r]/.test(text) || (text.startsWith('-') && Number.isNaN(Number(text))) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
