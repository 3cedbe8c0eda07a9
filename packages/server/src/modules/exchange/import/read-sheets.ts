import { isExampleCode, type SheetKind } from '../columns.js';
import { readCell, type CodeLookups } from '../workbook/cells.js';
import { HEADER_SCAN_ROWS, detectLayout, type SheetLayout } from '../workbook/headers.js';
import type { SheetInfo, WorkbookInfo } from '../workbook/inspect-workbook.js';
import { readRows, type RawCell, type ReadProgress } from '../workbook/read-rows.js';
import { columnLetter, type ParsedRow, type RowIssue } from './import-types.js';

export interface SheetReport {
  name: string;
  state: SheetInfo['state'];
  kind: SheetKind | null;
  headerRow: number | null;
  rows: number;
  /** Headers that are not Guatu fields: their cells are not imported. */
  ignoredHeaders: string[];
}

export interface ReadResult {
  sheets: SheetReport[];
  rows: ParsedRow[];
  /** Problems with a whole sheet, such as a hidden sheet holding data. */
  issues: RowIssue[];
}

/**
 * Reads every sheet of an inspected workbook into parsed rows: finds each sheet's header and
 * kind, reads each cell by its column's type, and collects every cell problem rather than the
 * first. Blank rows (separators between groups) are skipped. A hidden sheet that holds data is
 * an error: the officer would be importing rows they cannot see.
 */
export async function readSheets(path: string, info: WorkbookInfo, lookups: CodeLookups, options: { maxRows: number; onProgress?: (p: ReadProgress) => void }): Promise<ReadResult> {
  const reports = new Map<string, SheetReport>();
  const rows: ParsedRow[] = [];
  const issues: RowIssue[] = [];
  let current: { sheet: SheetInfo; pending: { number: number; cells: RawCell[] }[]; layout: SheetLayout | null | undefined } | null = null;

  const settle = (state: NonNullable<typeof current>, final: boolean) => {
    if (state.layout !== undefined) return;
    if (!final && state.pending.length < HEADER_SCAN_ROWS) return;
    state.layout = detectLayout(state.pending.slice(0, HEADER_SCAN_ROWS));
    const report = reports.get(state.sheet.name)!;
    report.kind = state.layout?.kind ?? null;
    report.headerRow = state.layout?.headerRow ?? null;
    report.ignoredHeaders = state.layout?.unknownHeaders.map((h) => h.header) ?? [];
    for (const row of state.pending) take(state, row);
    state.pending = [];
  };

  const take = (state: NonNullable<typeof current>, raw: { number: number; cells: RawCell[] }) => {
    const layout = state.layout;
    if (!layout || raw.number <= layout.headerRow) return;
    const codeColumn = layout.columns.find((c) => c.def.key === 'code');
    if (codeColumn && isExampleCode(raw.cells[codeColumn.index])) return;
    const report = reports.get(state.sheet.name)!;
    report.rows++;
    if (state.sheet.state !== 'visible') {
      if (report.rows === 1) {
        issues.push({ sheet: state.sheet.name, row: null, column: null, header: null, field: 'sheet', rule: 'sheet.hidden', params: { value: state.sheet.name } });
      }
      return;
    }
    rows.push(parseRow(state.sheet.name, layout, raw, lookups, info.date1904));
  };

  for await (const raw of readRows(path, info, options)) {
    if (current?.sheet.name !== raw.sheet.name) {
      if (current) settle(current, true);
      current = { sheet: raw.sheet, pending: [], layout: undefined };
      reports.set(raw.sheet.name, { name: raw.sheet.name, state: raw.sheet.state, kind: null, headerRow: null, rows: 0, ignoredHeaders: [] });
    }
    if (current.layout === undefined) {
      current.pending.push({ number: raw.number, cells: raw.cells });
      settle(current, false);
    } else {
      take(current, raw);
    }
  }
  if (current) settle(current, true);
  for (const sheet of info.sheets) {
    if (!reports.has(sheet.name)) reports.set(sheet.name, { name: sheet.name, state: sheet.state, kind: null, headerRow: null, rows: 0, ignoredHeaders: [] });
  }
  return { sheets: info.sheets.map((s) => reports.get(s.name)!), rows, issues };
}

function parseRow(sheet: string, layout: SheetLayout, raw: { number: number; cells: RawCell[] }, lookups: CodeLookups, date1904: boolean): ParsedRow {
  const values = new Map<string, unknown>();
  const issues: RowIssue[] = [];
  const columns = layout.columns.filter((c) => !c.def.readOnly);
  for (const column of columns) {
    const result = readCell(raw.cells[column.index] ?? null, column, lookups, { date1904 });
    if (result.ok) values.set(column.def.key, result.value === '' ? null : result.value);
    else {
      values.set(column.def.key, undefined);
      issues.push({ sheet, row: raw.number, column: columnLetter(column.index), header: column.header, field: column.def.key, rule: result.rule, params: result.params });
    }
  }
  return { sheet, row: raw.number, kind: layout.kind, values, columns, issues };
}
