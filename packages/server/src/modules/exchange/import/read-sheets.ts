import { isExampleCode, type SheetKind } from '../columns.js';
import { readCell, type CodeLookups } from '../workbook/cells.js';
import { HEADER_SCAN_ROWS, detectLayout, type SheetLayout } from '../workbook/headers.js';
import type { SheetInfo, WorkbookInfo } from '../workbook/inspect-workbook.js';
import { readRowBatches, type RawCell, type ReadProgress } from '../workbook/read-rows.js';
import { SheetRowValues, columnIndex, columnLetter, type ParsedRow, type RowIssue } from './import-types.js';

export interface SheetReport {
  name: string;
  state: SheetInfo['state'];
  kind: SheetKind | null;
  headerRow: number | null;
  rows: number;
  /** Headers that are not Guatu fields: their cells are not imported. */
  ignoredHeaders: string[];
}

/** What the read has found so far about the sheets, and problems with whole sheets. */
export interface ReadState {
  sheets: SheetReport[];
  issues: RowIssue[];
}

export type SheetEvent = { type: 'row'; row: ParsedRow } | { type: 'sheetEnd'; sheet: SheetReport };

/**
 * Streams every sheet of an inspected workbook as parsed rows, in workbook order: finds each
 * sheet's header and kind, reads each cell by its column's type, and collects every cell problem
 * rather than the first. Blank rows (separators between groups) and a template's example row are
 * skipped. A hidden sheet that holds data is an error: the officer would be importing rows they
 * cannot see. `state` fills in as the sheets are read.
 */
export async function* readSheetRows(...args: Parameters<typeof readSheetEvents>): AsyncGenerator<SheetEvent> {
  for await (const events of readSheetEvents(...args)) yield* events;
}

/** A report per sheet, in workbook order, added to `state` before any row is read. */
export function startSheetReports(info: WorkbookInfo, state: ReadState): SheetReport[] {
  const reports = info.sheets.map((sheet): SheetReport => ({ name: sheet.name, state: sheet.state, kind: null, headerRow: null, rows: 0, ignoredHeaders: [] }));
  state.sheets.push(...reports);
  return reports;
}

/** What reads a workbook's sheets as batches of events: readSheetEvents here, or on a thread of its own. */
export type SheetReader = typeof readSheetEvents;

/** readSheetRows, a batch of events at a time (see readRowBatches). */
export async function* readSheetEvents(
  path: string,
  info: WorkbookInfo,
  lookups: CodeLookups,
  state: ReadState,
  options: { maxRows: number; onProgress?: (p: ReadProgress) => void },
): AsyncGenerator<SheetEvent[]> {
  const reports = new Map<string, SheetReport>();
  let ready: SheetEvent[] = [];
  const taken = () => {
    const events = ready;
    ready = [];
    return events;
  };
  let current: { sheet: SheetInfo; pending: { number: number; cells: RawCell[] }[]; layout: SheetLayout | null | undefined } | null = null;

  const settle = (sheet: NonNullable<typeof current>, final: boolean) => {
    if (sheet.layout === undefined && (final || sheet.pending.length >= HEADER_SCAN_ROWS)) {
      sheet.layout = detectLayout(sheet.pending.slice(0, HEADER_SCAN_ROWS));
      const report = reports.get(sheet.sheet.name)!;
      report.kind = sheet.layout?.kind ?? null;
      report.headerRow = sheet.layout?.headerRow ?? null;
      report.ignoredHeaders = sheet.layout?.unknownHeaders.map((h) => h.header) ?? [];
      for (const row of sheet.pending) take(sheet, row);
      sheet.pending = [];
    }
    if (final) ready.push({ type: 'sheetEnd', sheet: reports.get(sheet.sheet.name)! });
  };

  const take = (sheet: NonNullable<typeof current>, raw: { number: number; cells: RawCell[] }) => {
    const layout = sheet.layout;
    if (!layout || raw.number <= layout.headerRow) return;
    const { codeColumn } = readable(layout);
    if (codeColumn && isExampleCode(raw.cells[codeColumn.index])) return;
    const report = reports.get(sheet.sheet.name)!;
    report.rows++;
    if (sheet.sheet.state !== 'visible') {
      if (report.rows === 1) {
        state.issues.push({ sheet: sheet.sheet.name, row: null, column: null, header: null, field: 'sheet', rule: 'sheet.hidden', params: { value: sheet.sheet.name } });
      }
      return;
    }
    ready.push({ type: 'row', row: parseRow(sheet.sheet.name, layout, raw, lookups, info.date1904) });
  };

  for (const report of startSheetReports(info, state)) reports.set(report.name, report);
  for await (const batch of readRowBatches(path, info, options)) {
    for (const raw of batch) {
      if (current?.sheet.name !== raw.sheet.name) {
        if (current) settle(current, true);
        current = { sheet: raw.sheet, pending: [], layout: undefined };
      }
      if (current.layout === undefined) {
        current.pending.push({ number: raw.number, cells: raw.cells });
        settle(current, false);
      } else {
        take(current, raw);
      }
    }
    if (ready.length) yield taken();
  }
  if (current) settle(current, true);
  if (ready.length) yield taken();
}

const readableColumns = new WeakMap<SheetLayout, { columns: SheetLayout['columns']; index: Map<string, number>; codeColumn: SheetLayout['columns'][number] | undefined }>();

/** The columns an import reads (not the read-only ones exports add), worked out once per sheet rather than per row. */
function readable(layout: SheetLayout) {
  let r = readableColumns.get(layout);
  if (!r) {
    const columns = layout.columns.filter((c) => !c.def.readOnly);
    r = { columns, index: columnIndex(columns), codeColumn: layout.columns.find((c) => c.def.key === 'code') };
    readableColumns.set(layout, r);
  }
  return r;
}

function parseRow(sheet: string, layout: SheetLayout, raw: { number: number; cells: RawCell[] }, lookups: CodeLookups, date1904: boolean): ParsedRow {
  const { columns, index } = readable(layout);
  const values = new Array<unknown>(columns.length);
  const issues: RowIssue[] = [];
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const result = readCell(raw.cells[column.index] ?? null, column, lookups, { date1904 });
    if (result.ok) values[i] = result.value === '' ? null : result.value;
    else {
      values[i] = undefined;
      issues.push({ sheet, row: raw.number, column: columnLetter(column.index), header: column.header, field: column.def.key, rule: result.rule, params: result.params });
    }
  }
  return { sheet, row: raw.number, kind: layout.kind, values: new SheetRowValues(index, values), columns, issues };
}
