import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describeIssue, ruleText, type Locale } from '@guatu/core';
import type { RowIssue } from './import/import-types.js';
import type { WorkbookInfo } from './workbook/inspect-workbook.js';
import { readRows } from './workbook/read-rows.js';

const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const BAD_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

const columnIndex = (letter: string) => [...letter].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export function issueText(issue: RowIssue, locale: Locale): string {
  // The header as the officer wrote it, without a template's required-field mark.
  const header = issue.header?.replace(/^\s*[*＊]\s*/, '');
  return header ? `${header}：${ruleText(issue.rule, locale, issue.params)}` : describeIssue(issue.field, issue.rule, locale, issue.params);
}

/**
 * Writes a copy of an uploaded workbook with every bad cell filled red and commented with what is
 * wrong, and a first sheet listing all problems (sheet, row, column, message). Both the read and
 * the write stream, so a large file is annotated in bounded memory.
 */
export async function annotateWorkbook(path: string, info: WorkbookInfo, issues: RowIssue[], output: Writable, options: { locale: Locale; maxRows: number }): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const list = book.addWorksheet(options.locale === 'zh' ? '导入错误' : 'Import errors', { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: options.locale === 'zh' ? '工作表' : 'Sheet', width: 16 },
    { header: options.locale === 'zh' ? '行' : 'Row', width: 8 },
    { header: options.locale === 'zh' ? '列' : 'Column', width: 8 },
    { header: options.locale === 'zh' ? '问题' : 'Problem', width: 90 },
  ];
  list.getRow(1).font = { bold: true };
  list.getRow(1).commit();
  for (const issue of issues) list.addRow([issue.sheet, issue.row, issue.column, issueText(issue, options.locale)]).commit();
  list.commit();

  const bySheet = new Map<string, Map<number, RowIssue[]>>();
  for (const issue of issues) {
    const rows = bySheet.get(issue.sheet) ?? new Map<number, RowIssue[]>();
    rows.set(issue.row ?? 0, [...(rows.get(issue.row ?? 0) ?? []), issue]);
    bySheet.set(issue.sheet, rows);
  }

  let sheet: ExcelJS.Worksheet | null = null;
  let sheetName = '';
  for await (const raw of readRows(path, info, { maxRows: options.maxRows, styles: true })) {
    if (raw.sheet.name !== sheetName) {
      sheet?.commit();
      sheetName = raw.sheet.name;
      sheet = book.addWorksheet(uniqueName(book, sheetName), { state: raw.sheet.state });
    }
    const row = sheet!.getRow(raw.number);
    raw.cells.forEach((cell, i) => {
      if (cell === null) return;
      const target = row.getCell(i + 1);
      if (cell instanceof Date) {
        target.value = cell;
        target.numFmt = 'yyyy-mm-dd';
      } else if (typeof cell === 'object') {
        target.value = cell.kind === 'noValue' ? `=${cell.formula}` : cell.value;
      } else target.value = cell;
    });
    for (const issue of bySheet.get(sheetName)?.get(raw.number) ?? []) {
      const target = row.getCell(issue.column ? columnIndex(issue.column) : 1);
      target.fill = BAD_FILL;
      target.font = BAD_FONT;
      const previous = typeof target.note === 'string' ? target.note + '\n' : '';
      target.note = previous + issueText(issue, options.locale);
    }
    row.commit();
  }
  sheet?.commit();
  await book.commit();
}

function uniqueName(book: ExcelJS.stream.xlsx.WorkbookWriter, name: string): string {
  const taken = new Set((book as unknown as { _worksheets: (ExcelJS.Worksheet | undefined)[] })._worksheets.filter(Boolean).map((w) => w!.name));
  let candidate = name.slice(0, 31);
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, 28)}(${n})`;
  return candidate;
}
