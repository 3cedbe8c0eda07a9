import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

let t: TestContext;
let qilin: TestUser;
let zhanyi: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
  zhanyi = await t.user('530303', 'leader');
  await createProjectVia(t, qilin, { stage: 'construction', totalInvestment: '123456789.01', agreementAmount: null, annualPlans: [] });
  await createProjectVia(t, qilin, { stage: 'construction', totalInvestment: '0.05', agreementAmount: null, annualPlans: [] });
  await createProjectVia(t, qilin, { stage: 'preparation', startedOn: null, totalInvestment: '999999999999.99', annualPlans: [] });
});
afterAll(() => t.close());

/** POST /exports/stats as raw bytes. */
async function exportStats(as: TestUser | null, body: unknown) {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/exports/stats', payload: body as object, headers: as ? { cookie: as.cookie } : {} });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: () => JSON.parse(res.body) };
}

const byStage = { filter: { region: '530302' }, measures: ['count', 'totalInvestment'], groupBy: ['stage'] };

describe('POST /api/v1/exports/stats', () => {
  it('answers 401 without a session', async () => {
    expect((await exportStats(null, byStage)).status).toBe(401);
  });

  it('answers 400 naming the field: a bad measure, grouping, filter or format', async () => {
    const res = await exportStats(qilin, { filter: { color: 'red' }, measures: ['count', 'bogus'], groupBy: ['weather'] });
    expect(res.status).toBe(400);
    expect(res.json().issues.map((i: { field: string }) => i.field).sort()).toEqual(['filter.color', 'groupBy.0', 'measures.1']);
    const format = await exportStats(qilin, { ...byStage, format: 'pdf' });
    expect(format.status).toBe(400);
    expect(format.json().issues.map((i: { field: string }) => i.field)).toEqual(['format']);
    const unknownRegion = await exportStats(qilin, { filter: { region: '539999' }, measures: ['count'] });
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.json().issues[0]).toMatchObject({ field: 'filter.region', rule: 'region.unknown' });
  });

  it("counts only the caller's own region, even when asked for another county", async () => {
    const res = await exportStats(zhanyi, { ...byStage, format: 'csv' });
    expect(res.status).toBe(200);
    expect(res.bytes.toString('utf8').split('\r\n')).toEqual(['\ufeff项目阶段,项目数（个）,总投资（万元）', '合计,0,0', '']);
  });

  it('writes the same figures as POST /stats, amounts in 万元 to the 分, the filter on the sheet', async () => {
    const stats = (await t.call(qilin, 'POST', '/api/v1/stats', byStage)).body;
    expect(stats.total).toMatchObject({ count: 3, totalInvestment: '1000123456789.05' });

    const res = await exportStats(qilin, byStage);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('统计结果.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('统计结果')!;
    expect(sheet.getCell('A1').value).toBe('统计条件：区域：麒麟区');
    expect(String(sheet.getCell('A2').value)).toContain('金额单位：万元');
    expect(sheet.getRow(3).values).toEqual([undefined, '项目阶段', '项目数（个）', '总投资（万元）']);
    const rows = [4, 5, 6].map((n) => sheet.getRow(n).values);
    expect(rows).toEqual([
      [undefined, '前期', 1, 99999999.999999],
      [undefined, '在建', 2, 12345.678906],
      [undefined, '合计', 3, 100012345.678905],
    ]);
    expect(sheet.getCell('C5').numFmt).toContain('0.00');

    const csv = await exportStats(qilin, { ...byStage, format: 'csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.bytes.toString('utf8').split('\r\n')).toEqual([
      '\ufeff项目阶段,项目数（个）,总投资（万元）',
      '前期,1,99999999.999999',
      '在建,2,12345.678906',
      '合计,3,100012345.678905',
      '',
    ]);
  });
});
