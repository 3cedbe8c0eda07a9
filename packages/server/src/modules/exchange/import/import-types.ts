import type { SheetKind } from '../columns.js';
import type { BoundColumn } from '../workbook/headers.js';

/** Something wrong with one row, or one cell of it, named so the officer can find it in Excel. */
export interface RowIssue {
  sheet: string;
  /** 1-based row number; null for a problem with the whole sheet. */
  row: number | null;
  /** Column letter ("F"), or null when the issue concerns the row. */
  column: string | null;
  /** The header as written in the file. */
  header: string | null;
  /** The API field the cell feeds ("totalInvestment", "funds.outOfProvince"). */
  field: string;
  rule: string;
  params?: Record<string, unknown>;
}

export type RowAction = 'create' | 'update' | 'unchanged' | 'rejected';

/** What one data row will do: create a record, change some fields, nothing, or be refused. */
export interface RowOutcome {
  sheet: string;
  row: number;
  kind: SheetKind;
  /** What the row is matched by: the project code, plus the month or the year. */
  key: string;
  action: RowAction;
  changedFields: string[];
}

/** One data row read from a sheet: its values by field, the columns it had, and what was wrong with its cells. */
/** A row's values by column key: a Map, or a SheetRowValues over the sheet's columns. */
export interface RowValues extends Iterable<[string, unknown]> {
  get(key: string): unknown;
  has(key: string): boolean;
  set(key: string, value: unknown): unknown;
}

/**
 * A sheet row's values: one array per row, and one index of column keys per sheet. A Map per
 * row cost an import of 100,000 rows about 100 MB of allocations (each Map grown twice), all of
 * it kept past the young generation while its chunk waited to be checked.
 */
export class SheetRowValues implements RowValues {
  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly values: unknown[],
  ) {}

  get(key: string): unknown {
    const i = this.index.get(key);
    return i === undefined ? undefined : this.values[i];
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  set(key: string, value: unknown): void {
    const i = this.index.get(key);
    if (i === undefined) throw new Error(`no column ${key} in this sheet`);
    this.values[i] = value;
  }

  *[Symbol.iterator](): Iterator<[string, unknown]> {
    for (const [key, i] of this.index) yield [key, this.values[i]];
  }
}

/** Each key's place among a sheet's columns; a key that appears twice takes its last column, as Map.set would. */
export function columnIndex(columns: readonly BoundColumn[]): Map<string, number> {
  const index = new Map<string, number>();
  columns.forEach((c, i) => index.set(c.def.key, i));
  return index;
}

export interface ParsedRow {
  sheet: string;
  row: number;
  kind: SheetKind;
  /** Values of the columns present, by key ("funds.outOfProvince"); null for a blank cell. */
  values: RowValues;
  columns: BoundColumn[];
  issues: RowIssue[];
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** An issue on a field of a row, placed on the column that holds the field when there is one. */
export function issueAt(row: ParsedRow, field: string, rule: string, params?: Record<string, unknown>): RowIssue {
  const column = columnFor(row.columns, field);
  return { sheet: row.sheet, row: row.row, column: column ? columnLetter(column.index) : null, header: column?.header ?? null, field, rule, params };
}

function columnFor(columns: BoundColumn[], field: string): BoundColumn | undefined {
  const exact = columns.find((c) => c.def.key === field);
  if (exact) return exact;
  // "annualPlans" and "funds" issues land on the first column of the group; "liaisonLeader" on its name.
  return columns.find((c) => c.def.key.startsWith(field + '.')) ?? columns.find((c) => field.startsWith(c.def.key + '.'));
}
