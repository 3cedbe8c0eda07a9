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
export interface ParsedRow {
  sheet: string;
  row: number;
  kind: SheetKind;
  /** Values of the columns present, by key ("funds.outOfProvince"); null for a blank cell. */
  values: Map<string, unknown>;
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
