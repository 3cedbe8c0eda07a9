import type ExcelJS from 'exceljs';
import { headerText, type ColumnDef } from './columns.js';

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * The header rows of a sheet as officers' forms draw them: one row, or two when a group of
 * columns shares a heading (到位资金（万元） over 省外, 省内 …), with the other headings merged
 * down both rows. Imports read both shapes.
 */
export function headerLayout(columns: ColumnDef[], options: { mark: boolean }): { rows: string[][]; merges: [number, number, number, number][] } {
  const grouped = columns.some((c) => c.key.startsWith('funds.'));
  if (!grouped) return { rows: [columns.map((c) => headerText(c, options))], merges: [] };
  const top: string[] = [];
  const bottom: string[] = [];
  const merges: [number, number, number, number][] = [];
  let groupStart = -1;
  columns.forEach((c, i) => {
    if (c.key.startsWith('funds.')) {
      if (groupStart < 0) groupStart = i;
      top.push(groupStart === i ? '到位资金（万元）' : '');
      bottom.push(c.header.replace(/^到位资金-/, ''));
      const next = columns[i + 1];
      if (!next || !next.key.startsWith('funds.')) merges.push([1, groupStart + 1, 1, i + 1]);
    } else {
      top.push(headerText(c, options));
      bottom.push('');
      merges.push([1, i + 1, 2, i + 1]);
    }
  });
  return { rows: [top, bottom], merges };
}

/** Writes the header rows starting at `firstRow`; returns the number of the last header row. */
export function writeHeader(sheet: ExcelJS.Worksheet, columns: ColumnDef[], firstRow: number, options: { mark: boolean; commit?: boolean }): number {
  const { rows, merges } = headerLayout(columns, options);
  rows.forEach((values, i) => {
    const row = sheet.getRow(firstRow + i);
    values.forEach((v, j) => {
      const cell = row.getCell(j + 1);
      cell.value = v || null;
      cell.font = { bold: true, color: columns[j]!.readOnly ? { argb: 'FF808080' } : undefined };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
    row.height = 30;
  });
  for (const [r1, c1, r2, c2] of merges) sheet.mergeCells(firstRow + r1 - 1, c1, firstRow + r2 - 1, c2);
  if (options.commit) for (let i = 0; i < rows.length; i++) sheet.getRow(firstRow + i).commit();
  return firstRow + rows.length - 1;
}
