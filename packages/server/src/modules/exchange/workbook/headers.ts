import { splitHeaderUnit, toHalfWidth } from '@guatu/core';
import { PLAN_YEAR_HEADER, SHEET_SPECS, SHEET_KINDS, planYearColumn, type ColumnDef, type SheetKind } from '../columns.js';
import type { RawCell } from './read-rows.js';

/** A column of the sheet, matched to a field. */
export interface BoundColumn {
  /** 0 is column A. */
  index: number;
  def: ColumnDef;
  /** The unit from the header, or the sheet's "单位：万元" line, or the column's own. */
  unit: string | null;
  header: string;
}

export interface SheetLayout {
  kind: SheetKind;
  /** The last header row (1-based); data starts below it. */
  headerRow: number;
  columns: BoundColumn[];
  /** Headers that matched nothing: reported, never silently dropped. */
  unknownHeaders: { index: number; header: string }[];
}

/** How far down a sheet its header may start: title lines, "填报单位：…", "单位：万元" come first. */
export const HEADER_SCAN_ROWS = 12;

/** "＊总投资 （万元）\n" → "总投资": the words that identify a column, whatever the decoration. */
export function normalizeLabel(text: string): string {
  const { label } = splitHeaderUnit(text);
  return toHalfWidth(label)
    .replace(/[\s*※△▲★]/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

const INDEX = new Map<SheetKind, Map<string, ColumnDef>>(
  SHEET_KINDS.map((kind) => {
    const map = new Map<string, ColumnDef>();
    for (const def of SHEET_SPECS[kind].columns) {
      for (const label of [def.header, ...(def.aliases ?? [])]) map.set(normalizeLabel(label), def);
    }
    return [kind, map];
  }),
);

function match(kind: SheetKind, header: string): ColumnDef | null {
  const label = normalizeLabel(header);
  if (!label) return null;
  const def = INDEX.get(kind)!.get(label);
  if (def) return def;
  if (kind === 'projects') {
    const year = PLAN_YEAR_HEADER.exec(label);
    if (year) return planYearColumn(Number(year[1]));
  }
  return null;
}

const text = (cell: RawCell | undefined): string => (typeof cell === 'string' ? cell.trim() : typeof cell === 'number' ? String(cell) : '');

/** Each header cell, with the one above it carried across merged cells (a merge keeps its value in the first cell only). */
function headerCandidates(upper: RawCell[] | null, lower: RawCell[]): { header: string; unit: string | null }[][] {
  const width = Math.max(upper?.length ?? 0, lower.length);
  const out: { header: string; unit: string | null }[][] = [];
  let carried = '';
  for (let c = 0; c < width; c++) {
    const below = text(lower[c]);
    const above = upper ? text(upper[c]) : '';
    if (above) carried = above;
    else if (!below) carried = '';
    const group = above || (below ? carried : '');
    const candidates: { header: string; unit: string | null }[] = [];
    if (group && below) candidates.push({ header: splitHeaderUnit(group).label + splitHeaderUnit(below).label, unit: splitHeaderUnit(below).unit ?? splitHeaderUnit(group).unit });
    if (below) candidates.push({ header: below, unit: splitHeaderUnit(below).unit ?? (group ? splitHeaderUnit(group).unit : null) });
    if (above && !below) candidates.push({ header: above, unit: splitHeaderUnit(above).unit });
    out.push(candidates);
  }
  return out;
}

function layoutFor(kind: SheetKind, upper: RawCell[] | null, lower: RawCell[], headerRow: number, sheetUnit: string | null): SheetLayout {
  const columns: BoundColumn[] = [];
  const unknownHeaders: SheetLayout['unknownHeaders'] = [];
  const seen = new Set<string>();
  headerCandidates(upper, lower).forEach((candidates, index) => {
    for (const c of candidates) {
      const def = match(kind, c.header);
      if (def && !seen.has(def.key)) {
        seen.add(def.key);
        columns.push({ index, def, unit: c.unit ?? (def.type === 'amount' ? sheetUnit : (def.unit ?? null)), header: c.header });
        return;
      }
    }
    if (candidates.length) unknownHeaders.push({ index, header: candidates[0]!.header });
  });
  return { kind, headerRow, columns, unknownHeaders };
}

/**
 * Finds the header of a sheet among its first rows and decides which kind of sheet it is: the
 * kind whose identifying columns are all present and which recognises the most headers. Two-row
 * headers (到位资金 over 省外, 省内 …) are read as one. A line such as "单位：万元" above the
 * header sets the unit of amount columns that name none. Returns null for a sheet that is not
 * a data sheet (instructions, code lists).
 */
export function detectLayout(rows: { number: number; cells: RawCell[] }[]): SheetLayout | null {
  let sheetUnit: string | null = null;
  let best: { layout: SheetLayout; score: number } | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const unitCell = row.cells.map(text).find((t) => /单位[:：]/.test(toHalfWidth(t)));
    if (unitCell) sheetUnit = splitHeaderUnit(unitCell.slice(unitCell.search(/单位/))).unit ?? sheetUnit;
    const next = rows[i + 1];
    const options: [RawCell[] | null, RawCell[], number][] = [[null, row.cells, row.number]];
    if (next && next.number === row.number + 1) options.push([row.cells, next.cells, next.number]);
    for (const [upper, lower, headerRow] of options) {
      for (const kind of SHEET_KINDS) {
        const layout = layoutFor(kind, upper, lower, headerRow, sheetUnit);
        const keys = new Set(layout.columns.map((c) => c.def.key));
        if (!SHEET_SPECS[kind].identifying.every((k) => keys.has(k))) continue;
        const score = layout.columns.length * 10 - layout.unknownHeaders.length;
        if (!best || score > best.score) best = { layout, score };
      }
    }
  }
  return best?.layout ?? null;
}
