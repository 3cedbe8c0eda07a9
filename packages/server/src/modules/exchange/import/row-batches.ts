import type { SheetKind } from '../columns.js';
import type { BoundColumn } from '../workbook/headers.js';
import type { ReadProgress } from '../workbook/read-rows.js';
import { SheetRowValues, columnIndex, type ParsedRow, type RowIssue } from './import-types.js';
import type { SheetEvent, SheetReport } from './read-sheets.js';

/**
 * Parsed rows as they cross from the reading thread to the importing one: a run of rows of one
 * sheet as column arrays (one array of values, row after row, in the order of the sheet's
 * columns), which copies much faster between threads than a Map per row. The columns of a sheet
 * are the same object in every row, and cross once per run.
 */
export interface RowRun {
  type: 'rows';
  sheet: string;
  kind: SheetKind;
  columns: BoundColumn[];
  numbers: number[];
  /** numbers.length × columns.length values; undefined where a cell could not be read. */
  values: unknown[];
  /** The cell problems of the rows that have any, by their index in the run. */
  issues: [number, RowIssue[]][];
}

export type BatchEvent = RowRun | { type: 'sheetEnd'; sheet: SheetReport };

/** What the reading thread sends: events in order, the problems it found with whole sheets since the last batch, and how far it is. */
export interface RowBatch {
  events: BatchEvent[];
  sheetIssues: RowIssue[];
  progress: ReadProgress | null;
}

/** Collects events into batches on the reading side. */
export class BatchBuilder {
  private events: BatchEvent[] = [];
  private run: RowRun | null = null;
  rows = 0;

  add(event: SheetEvent): void {
    if (event.type === 'sheetEnd') {
      this.run = null;
      this.events.push(event);
      return;
    }
    const row = event.row;
    let run = this.run;
    if (!run || run.columns !== row.columns || run.sheet !== row.sheet) {
      run = this.run = { type: 'rows', sheet: row.sheet, kind: row.kind, columns: row.columns, numbers: [], values: [], issues: [] };
      this.events.push(run);
    }
    if (row.issues.length) run.issues.push([run.numbers.length, row.issues]);
    run.numbers.push(row.row);
    for (const column of row.columns) run.values.push(row.values.get(column.def.key));
    this.rows++;
  }

  take(sheetIssues: RowIssue[], progress: ReadProgress | null): RowBatch {
    const batch = { events: this.events, sheetIssues, progress };
    this.events = [];
    this.run = null;
    this.rows = 0;
    return batch;
  }
}

/** The batch's events on the importing side, rows as readSheetRows yields them. */
export function* eventsOf(batch: RowBatch): Generator<SheetEvent> {
  for (const event of batch.events) {
    if (event.type === 'sheetEnd') {
      yield event;
      continue;
    }
    const { sheet, kind, columns, numbers, values } = event;
    const width = columns.length;
    const issues = new Map(event.issues);
    const index = columnIndex(columns);
    for (let i = 0; i < numbers.length; i++) {
      const row: ParsedRow = { sheet, row: numbers[i]!, kind, values: new SheetRowValues(index, values.slice(i * width, (i + 1) * width)), columns, issues: issues.get(i) ?? [] };
      yield { type: 'row', row };
    }
  }
}
