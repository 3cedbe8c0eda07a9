import { stat } from 'node:fs/promises';
import type { EventEmitter } from 'node:events';
import ExcelJS from 'exceljs';
import { orderedZip } from './zip-order.js';
import { WorkbookError, type SheetInfo, type WorkbookInfo } from './inspect-workbook.js';

/** A formula whose result was never calculated and saved: there is no value to import. */
export interface FormulaWithoutValue {
  kind: 'noValue';
  formula: string;
}
export interface CellError {
  kind: 'error';
  value: string;
}
export type RawCell = null | string | number | boolean | Date | FormulaWithoutValue | CellError;

export interface RawRow {
  sheet: SheetInfo;
  /** 1-based, as Excel numbers rows. */
  number: number;
  /** Index 0 is column A. */
  cells: RawCell[];
}

export interface ReadProgress {
  bytesRead: number;
  bytesTotal: number;
  rows: number;
}

/**
 * Streams every row of every worksheet with exceljs, never holding a sheet in memory. A formula
 * yields its cached result (what Excel or WPS showed when the file was saved), or a marker when
 * there is none. Rows beyond `maxRows` stop the read.
 */
export async function* readRows(path: string, info: WorkbookInfo, options: { maxRows: number; onProgress?: (p: ReadProgress) => void; styles?: boolean }): AsyncGenerator<RawRow> {
  const { size } = await stat(path);
  const input = orderedZip(path, info);
  let bytesRead = 0;
  input.on('data', (chunk: Buffer) => (bytesRead += chunk.length));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // Styles are only needed to tell dates from numbers when a file is copied; imports read by column type.
    styles: options.styles ? 'cache' : 'ignore',
    entries: 'emit',
  });
  // The reader announces each worksheet part by its number just before yielding it.
  let currentSheetNo = '';
  (reader as unknown as EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') currentSheetNo = String(entry.id);
  });
  const bySheetNo = new Map(info.sheets.map((s) => [s.sheetNo, s]));
  let rows = 0;
  try {
    for await (const worksheet of reader) {
      const sheet = bySheetNo.get(currentSheetNo);
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (!sheet) continue;
        const values = row.values as unknown[];
        const cells: RawCell[] = [];
        let any = false;
        for (let i = 1; i < values.length; i++) {
          const cell = toRawCell(values[i]);
          if (cell !== null) any = true;
          cells[i - 1] = cell;
        }
        if (!any) continue;
        if (++rows > options.maxRows) throw new WorkbookError('file.tooManyRows', { max: options.maxRows });
        if (rows % 1000 === 0) options.onProgress?.({ bytesRead, bytesTotal: size, rows });
        yield { sheet, number: row.number, cells };
      }
    }
  } finally {
    input.destroy();
  }
  options.onProgress?.({ bytesRead: size, bytesTotal: size, rows });
}

function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  // A formula that evaluated to an error is read back as NaN.
  if (typeof value === 'number') return Number.isFinite(value) ? value : { kind: 'error', value: '#NUM!' };
  if (typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      if (v.result === undefined || v.result === null || v.result === '') return { kind: 'noValue', formula: String(v.formula ?? v.sharedFormula ?? '') };
      return toRawCell(v.result);
    }
    if (Array.isArray(v.richText)) {
      const text = (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
      return text.trim() === '' ? null : text;
    }
    if ('error' in v) return { kind: 'error', value: String(v.error) };
    if ('text' in v) return toRawCell(v.text);
  }
  return String(value);
}
