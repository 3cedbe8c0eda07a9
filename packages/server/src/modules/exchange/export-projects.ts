import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { KIND_LABELS, LEVEL_LABELS, STAGE_LABELS, formatYuanZh, normalizeYuan } from '@guatu/core';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../policies/actor.js';
import { listCategories } from '../catalog/catalog.repository.js';
import { listRegions } from '../regions/regions.repository.js';
import { stateOf } from './import/plan-projects.js';
import { PROJECT_COLUMNS, SHEET_SPECS, headerText, planYearColumn, type ColumnDef } from './columns.js';
import { cellFor, csvField, csvText } from './cell-values.js';
import { pageProjectsForExport, planYearsForExport, type ProjectFilter } from './exchange.repository.js';
import { writeHeader } from './sheet-header.js';

export type ExportFormat = 'xlsx' | 'csv';
const PAGE = 1000;

/** How the filter reads on the sheet, so a forwarded file says what it contains. */
export function describeFilter(filter: ProjectFilter, names: { region: (c: string) => string; category: (c: string) => string }): string {
  const parts: string[] = [];
  if (filter.region) parts.push(`区域：${names.region(filter.region)}`);
  if (filter.categories?.length) parts.push(`类别：${filter.categories.map(names.category).join('、')}`);
  if (filter.stages?.length) parts.push(`阶段：${filter.stages.map((s) => STAGE_LABELS[s]!.zh).join('、')}`);
  if (filter.levels?.length) parts.push(`级别：${filter.levels.map((l) => LEVEL_LABELS[l]!.zh).join('、')}`);
  if (filter.kinds?.length) parts.push(`类型：${filter.kinds.map((k) => KIND_LABELS[k]!.zh).join('、')}`);
  if (filter.startedFrom || filter.startedTo) parts.push(`开工日期：${filter.startedFrom ?? '…'} 至 ${filter.startedTo ?? '…'}`);
  if (filter.minTotalInvestment) parts.push(`总投资不低于 ${formatYuanZh(filter.minTotalInvestment, { unit: 'auto' })}`);
  if (filter.maxTotalInvestment) parts.push(`总投资不高于 ${formatYuanZh(filter.maxTotalInvestment, { unit: 'auto' })}`);
  if (filter.q) parts.push(`名称或代码含“${filter.q}”`);
  return parts.length ? parts.join('；') : '全部项目';
}

/**
 * Streams the projects a list view shows (same filter, same region scope) to .xlsx or CSV, page
 * by page, so an export of any size holds one page in memory. The columns are the import
 * template's, so an exported sheet imports back unchanged; amounts are in 万元 to the 分.
 */
export async function exportProjects(database: Database, actor: Actor, filter: ProjectFilter, format: ExportFormat, output: Writable): Promise<void> {
  const [regions, categories, years] = await Promise.all([listRegions(database.db, actor, {}), listCategories(database.db), planYearsForExport(database.db, actor, filter)]);
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  const categoryByCode = new Map(categories.map((c) => [c.code, c]));
  const names = {
    region: (code: string) => (regionByCode.has(code) ? `${code} ${regionByCode.get(code)!.name}` : code),
    category: (code: string) => categoryByCode.get(code)?.nameZh ?? code,
  };
  const columns: ColumnDef[] = [...PROJECT_COLUMNS, ...years.map(planYearColumn)];

  const rows = async function* () {
    let after: string | null = null;
    for (;;) {
      const page = await pageProjectsForExport(database.db, actor, filter, after, PAGE);
      for (const r of page) {
        const state = stateOf({ ...r.project, annualPlans: r.annualPlans });
        const values: Record<string, unknown> = { ...state, investorCreditCode: r.investorCreditCode, investorName: r.investorName };
        values['liaisonLeader.name'] = state.liaisonLeader?.name ?? null;
        values['liaisonLeader.title'] = state.liaisonLeader?.title ?? null;
        for (const [k, v] of Object.entries(state.attributes ?? {})) values[`attributes.${k}`] = v;
        for (const p of state.annualPlans) values[`annualPlans.${p.year}`] = normalizeYuan(p.amount);
        yield columns.map((c) => cellFor(c, values[c.key], names));
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.project.code;
    }
  };

  if (format === 'csv') {
    // The BOM tells Excel the file is UTF-8, so Chinese opens correctly.
    output.write('\ufeff' + columns.map((c) => csvField(headerText(c))).join(',') + '\r\n');
    for await (const cells of rows()) {
      if (!output.write(cells.map((c) => csvField(csvText(c))).join(',') + '\r\n')) await new Promise((r) => output.once('drain', r));
    }
    output.end();
    return;
  }

  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet(SHEET_SPECS.projects.title, { views: [{ state: 'frozen', ySplit: 3, xSplit: 2 }] });
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? 14));
  const title = sheet.getRow(1);
  title.getCell(1).value = `导出条件：${describeFilter(filter, names)}`;
  title.getCell(1).font = { bold: true };
  title.commit();
  const meta = sheet.getRow(2);
  meta.getCell(1).value = `导出人：${actor.displayName}（${actor.regionCode}）  导出时间：${new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}  金额单位：万元（精确到分）`;
  meta.commit();
  let r = writeHeader(sheet, columns, 3, { mark: false, commit: true });
  for await (const cells of rows()) {
    const row = sheet.getRow(++r);
    cells.forEach((c, i) => {
      if (c.value === null) return;
      const cell = row.getCell(i + 1);
      cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
    row.commit();
  }
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: columns.length } };
  sheet.commit();
  await book.commit();
}
