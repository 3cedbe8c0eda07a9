import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ATTRIBUTE_KEYS, ENTERPRISE_KIND_LABELS, FIELD_LABELS, KIND_LABELS, LEVEL_LABELS, LIGHT_LABELS, MANAGED_BY_LABELS, SIZE_BANDS, STAGE_LABELS, formatYuanZh } from '@guatu/core';
import { AMOUNT_FORMAT, csvField, exactNumber, yuanIn } from './cell-values.js';
import { HEADER_FILL } from './sheet-header.js';

/**
 * A statistics result to a spreadsheet. The request is the body of POST /api/v1/stats (the
 * statistics engine's public contract), and the result is what the engine answers; the sheet
 * says which filter, measures and grouping produced it, so a forwarded file explains itself.
 */
export interface StatsRequest {
  subject?: 'projects' | 'enterprises' | 'groups';
  filter?: Record<string, unknown>;
  measures: string[];
  groupBy?: string[];
}
export interface StatsResult {
  /** `labels` (the engine's names of the group values) are used when present. */
  rows: (Record<string, unknown> & { labels?: Record<string, string | null> })[];
  total: Record<string, unknown>;
}
export interface StatsNames {
  region: (code: string) => string;
  category: (code: string) => string;
  /** A batch, key list or 包保 group by id, when the caller knows its name. */
  record?: (kind: 'batch' | 'keyList' | 'group', id: number) => string | undefined;
}

type MeasureKind = 'count' | 'amount' | 'percent' | 'number';

/** What a measure is and how its column is headed: "totalInvestment" → 总投资（万元）. */
export function describeMeasure(measure: string, subject: StatsRequest['subject'] = 'projects'): { header: string; kind: MeasureKind } {
  if (measure === 'count') return { header: { projects: '项目数（个）', enterprises: '企业数（家）', groups: '包保组数（个）' }[subject], kind: 'count' };
  if (measure in COUNT_HEADERS) return { header: COUNT_HEADERS[measure]!, kind: 'count' };
  if (measure.startsWith('yoy:')) return { header: `${describeMeasure(measure.slice(4)).header.replace(/（[^（]*）$/, '')}同比（%）`, kind: 'percent' };
  if (measure.startsWith('lastYear:')) {
    const of = describeMeasure(measure.slice(9));
    return { ...of, header: `上年同期${of.header}` };
  }
  if (measure === 'totalInvestment') return { header: '总投资（万元）', kind: 'amount' };
  if (measure === 'agreementAmount') return { header: '协议金额（万元）', kind: 'amount' };
  const [name, arg, source] = measure.split(':');
  const range = arg?.replace('..', '至') ?? '';
  if (name === 'plannedInvestment') return { header: `${arg}年计划投资（万元）`, kind: 'amount' };
  if (name === 'completedInvestment') return { header: `完成投资 ${range}（万元）`, kind: 'amount' };
  if (name === 'fundsInPlace') return { header: `到位资金${source ? `（${FIELD_LABELS[source]?.zh ?? source}）` : ''} ${range}（万元）`, kind: 'amount' };
  if (name === 'attr' && arg) {
    const def = ATTRIBUTE_KEYS[arg as keyof typeof ATTRIBUTE_KEYS];
    if (def?.unit === 'yuan') return { header: `${def.zh.replace(/（元）$/, '')}（万元）`, kind: 'amount' };
    return { header: def?.zh ?? arg, kind: 'number' };
  }
  return { header: measure, kind: 'number' };
}

const COUNT_HEADERS: Record<string, string> = {
  visits: '走访次数（次）',
  demands: '诉求数（条）',
  demandsAsProblems: '转为问题的诉求（条）',
  coveredRegions: '包保县区数（个）',
};

const GROUP_HEADERS: Record<string, string> = {
  region: '区域',
  category: '项目类别',
  stage: '项目阶段',
  level: '项目级别',
  kind: '项目类型',
  sizeBand: '规模',
  startMonth: '开工月份',
  startQuarter: '开工季度',
  light: '预警',
  managedBy: '管理层级',
  enterpriseKind: '企业类型',
  homeProvince: '注册地省份',
};

function groupLabel(group: string, value: unknown, names: StatsNames, labels?: Record<string, string | null>): string {
  if (value === null || value === undefined) return '—';
  if (labels?.[group]) return labels[group]!;
  const v = String(value);
  if (group === 'region') return names.region(v);
  if (group === 'category') return names.category(v);
  if (group === 'stage') return STAGE_LABELS[v]?.zh ?? v;
  if (group === 'level') return LEVEL_LABELS[v]?.zh ?? v;
  if (group === 'kind') return KIND_LABELS[v]?.zh ?? v;
  return v;
}

/** The filter as a sentence: 区域：曲靖市；开工日期：2022-01-01 至 2022-03-31；总投资不低于 5亿元 … */
export function describeStatsFilter(filter: Record<string, unknown>, names: StatsNames): string {
  const parts: string[] = [];
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]).map(String);
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === null || (Array.isArray(value) && !value.length)) continue;
    if (key === 'region') parts.push(`区域：${names.region(String(value))}`);
    else if (key === 'categories') parts.push(`类别：${list(value).map(names.category).join('、')}`);
    else if (key === 'stages') parts.push(`阶段：${list(value).map((s) => STAGE_LABELS[s]?.zh ?? s).join('、')}`);
    else if (key === 'levels') parts.push(`级别：${list(value).map((s) => LEVEL_LABELS[s]?.zh ?? s).join('、')}`);
    else if (key === 'kinds') parts.push(`类型：${list(value).map((s) => KIND_LABELS[s]?.zh ?? s).join('、')}`);
    else if (key === 'regions') parts.push(`区域：${list(value).map(names.region).join('、')}`);
    else if (key === 'managedBy') parts.push(`管理层级：${MANAGED_BY_LABELS[String(value)]?.zh ?? value}`);
    else if (key === 'lights') parts.push(`预警：${list(value).map((s) => LIGHT_LABELS[s]?.zh ?? s).join('、')}`);
    else if (key === 'sizeBands') parts.push(`规模：${list(value).map((s) => SIZE_BANDS.find((b) => b.code === s)?.zh ?? s).join('、')}`);
    else if (key === 'enterpriseKinds') parts.push(`企业类型：${list(value).map((s) => ENTERPRISE_KIND_LABELS[s]?.zh ?? s).join('、')}`);
    else if (key === 'asOf') parts.push(`预警判断日：${value}`);
    else if (key === 'q') parts.push(`名称或代码含“${value}”`);
    else if (key === 'ids') parts.push(`指定的 ${list(value).length} 条记录`);
    else if (key === 'batch' || key === 'keyList' || key === 'group') parts.push(`${{ batch: '集中开工批次', keyList: '重点项目清单', group: '包保组' }[key]}：${names.record?.(key, Number(value)) ?? `#${value}`}`);
    else if (key === 'minTotalInvestment') parts.push(`总投资不低于 ${formatYuanZh(String(value), { unit: 'auto' })}`);
    else if (key === 'maxTotalInvestment') parts.push(`总投资不高于 ${formatYuanZh(String(value), { unit: 'auto' })}`);
    else if (/From$/.test(key) && filter[key.replace(/From$/, 'To')] !== undefined) continue;
    else if (/To$/.test(key) || /From$/.test(key)) {
      const base = key.replace(/(From|To)$/, '');
      const label = { started: '开工日期', signed: '签约日期', completed: '竣工日期', visited: '走访日期' }[base] ?? base;
      parts.push(`${label}：${filter[`${base}From`] ?? '…'} 至 ${filter[`${base}To`] ?? '…'}`);
    } else parts.push(`${key}：${list(value).join('、')}`);
  }
  return parts.length ? parts.join('；') : '全部项目';
}

function cellOf(kind: MeasureKind, value: unknown): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === undefined) return { value: null };
  if (kind === 'amount') return { value: exactNumber(yuanIn(String(value), '万元')), numFmt: AMOUNT_FORMAT };
  if (kind === 'percent') return { value: exactNumber(String(value)), numFmt: '0.00' };
  return { value: exactNumber(String(value)) };
}

/** Streams the result as .xlsx (filter on the sheet, amounts in 万元 to the 分, a 合计 row) or CSV (UTF-8 with BOM). */
export async function writeStatsExport(request: StatsRequest, result: StatsResult, names: StatsNames, format: 'xlsx' | 'csv', output: Writable): Promise<void> {
  const groups = request.groupBy ?? [];
  const measures = request.measures.map((m) => ({ key: m, ...describeMeasure(m, request.subject) }));
  const headers = [...groups.map((g) => GROUP_HEADERS[g] ?? g), ...measures.map((m) => m.header)];
  const lines = [
    ...result.rows.map((row) => ({ labels: groups.map((g) => groupLabel(g, row[g], names, row.labels)), row })),
    { labels: groups.length ? ['合计', ...groups.slice(1).map(() => '')] : ['合计'], row: result.total },
  ];

  if (format === 'csv') {
    output.write('\ufeff' + (groups.length ? headers : ['', ...headers]).map(csvField).join(',') + '\r\n');
    for (const line of lines) {
      const cells = measures.map((m) => {
        const c = cellOf(m.kind, line.row[m.key]);
        return c.value === null ? '' : String(c.value);
      });
      if (!output.write([...line.labels, ...cells].map(csvField).join(',') + '\r\n')) await new Promise((r) => output.once('drain', r));
    }
    output.end();
    return;
  }

  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = book.addWorksheet('统计结果', { views: [{ state: 'frozen', ySplit: 3 }] });
  const offset = groups.length ? 0 : 1;
  const title = sheet.getRow(1);
  title.getCell(1).value = `统计条件：${describeStatsFilter(request.filter ?? {}, names)}`;
  title.getCell(1).font = { bold: true };
  title.commit();
  const meta = sheet.getRow(2);
  meta.getCell(1).value = `统计指标：${request.measures.join('，')}${groups.length ? `；分组：${groups.join('，')}` : ''}  金额单位：万元（精确到分）`;
  meta.commit();
  const head = sheet.getRow(3);
  (groups.length ? headers : ['', ...headers]).forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    sheet.getColumn(i + 1).width = i < groups.length + offset ? 18 : 20;
  });
  head.commit();
  lines.forEach((line, n) => {
    const row = sheet.getRow(4 + n);
    line.labels.forEach((l, i) => (row.getCell(i + 1).value = l));
    measures.forEach((m, i) => {
      const c = cellOf(m.kind, line.row[m.key]);
      const cell = row.getCell(groups.length + offset + i + 1);
      cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
    });
    if (n === lines.length - 1) row.font = { bold: true };
    row.commit();
  });
  sheet.commit();
  await book.commit();
}
