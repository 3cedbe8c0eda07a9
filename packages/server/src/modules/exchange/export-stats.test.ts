import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeMeasure, writeStatsExport, type StatsRequest, type StatsResult } from './export-stats.js';

/** The request and answer of POST /api/v1/stats as the statistics engine's contract shows them. */
const request: StatsRequest = {
  filter: { region: '530300', startedFrom: '2022-01-01', startedTo: '2022-03-31', categories: ['industry'], minTotalInvestment: '500000000' },
  measures: ['count', 'totalInvestment', 'plannedInvestment:2022', 'yoy:totalInvestment'],
  groupBy: ['category'],
};
const result: StatsResult = {
  rows: [
    { category: 'energy-industry', count: 23, totalInvestment: '125400000000.01', 'plannedInvestment:2022': '10700000000', 'yoy:totalInvestment': '36.85' },
    { category: 'other-industry', count: 341, totalInvestment: '9999999999999999.99', 'plannedInvestment:2022': '0', 'yoy:totalInvestment': null },
  ],
  total: { count: 364, totalInvestment: '58500000000', 'plannedInvestment:2022': '10700000000', 'yoy:totalInvestment': '-2.5' },
};
const names = { region: (c: string) => ({ '530300': '曲靖市' })[c] ?? c, category: (c: string) => ({ industry: '产业项目', 'energy-industry': '能源工业', 'other-industry': '能源以外工业' })[c] ?? c };

async function run(format: 'xlsx' | 'csv') {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c) => chunks.push(c));
  await writeStatsExport(request, result, names, format, out);
  await new Promise((r) => out.end(r));
  return Buffer.concat(chunks);
}

describe('statistics exports', () => {
  it('heads each measure in words and units', () => {
    expect(describeMeasure('completedInvestment:2022-01..2022-03').header).toBe('完成投资 2022-01至2022-03（万元）');
    expect(describeMeasure('fundsInPlace:2022-01..2022-01:outOfProvince').header).toBe('到位资金（省外到位资金） 2022-01至2022-01（万元）');
    expect(describeMeasure('attr:capacityKw')).toEqual({ header: '装机容量（千瓦）', kind: 'number' });
    expect(describeMeasure('yoy:fundsInPlace:2022-01..2022-01:outOfProvince').kind).toBe('percent');
    expect(describeMeasure('lastYear:plannedInvestment:2022')).toEqual({ header: '上年同期2022年计划投资（万元）', kind: 'amount' });
    expect(describeMeasure('count', 'enterprises').header).toBe('企业数（家）');
    expect(describeMeasure('demandsAsProblems', 'enterprises')).toEqual({ header: '转为问题的诉求（条）', kind: 'count' });
  });

  it("names group values by the engine's labels, and writes every filter in words", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c) => chunks.push(c));
    const labelled = { rows: [{ light: 'red', labels: { light: '红灯' }, count: 2 }], total: { count: 2 } };
    const filter = { region: '530300', lights: ['red'], managedBy: 'prefecture', sizeBands: ['1b-plus'], keyList: 7, asOf: '2022-03-31' };
    await writeStatsExport({ filter, measures: ['count'], groupBy: ['light'] }, labelled, names, 'xlsx', out);
    await new Promise((r) => out.end(r));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('统计结果')!;
    expect(sheet.getCell('A1').value).toBe('统计条件：区域：曲靖市；预警：红灯；管理层级：市直；规模：10亿元及以上；重点项目清单：#7；预警判断日：2022-03-31');
    expect(sheet.getRow(4).values).toEqual([undefined, '红灯', 2]);
  });

  it('writes the filter on the sheet, groups by name, amounts in 万元 exactly, and a 合计 row', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await run('xlsx')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('统计结果')!;
    expect(sheet.getCell('A1').value).toBe('统计条件：区域：曲靖市；开工日期：2022-01-01 至 2022-03-31；类别：产业项目；总投资不低于 5亿元');
    expect(sheet.getRow(3).values).toEqual([undefined, '项目类别', '项目数（个）', '总投资（万元）', '2022年计划投资（万元）', '总投资同比（%）']);
    expect(sheet.getRow(4).values).toEqual([undefined, '能源工业', 23, 12540000.000001, 1070000, 36.85]);
    expect(sheet.getCell('C5').value).toBe('999999999999.999999');
    expect(sheet.getRow(6).values).toEqual([undefined, '合计', 364, 5850000, 1070000, -2.5]);
  });

  it('writes CSV in UTF-8 with a BOM', async () => {
    const text = (await run('csv')).toString('utf8');
    expect(text.split('\r\n')).toEqual([
      '\ufeff项目类别,项目数（个）,总投资（万元）,2022年计划投资（万元）,总投资同比（%）',
      '能源工业,23,12540000.000001,1070000,36.85',
      '能源以外工业,341,999999999999.999999,0,',
      '合计,364,5850000,1070000,-2.5',
      '',
    ]);
  });
});
