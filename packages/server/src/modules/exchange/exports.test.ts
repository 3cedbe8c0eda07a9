import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia, projectCode } from '../../test/fixtures.js';
import { workbook } from '../../test/workbooks.js';
import { download, upload } from '../../test/uploads.js';

let t: TestContext;
let qilin: TestUser;
let zhanyi: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
  zhanyi = await t.user('530303', 'reporter');
});
afterAll(() => t.close());

async function load(buffer: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer as unknown as ArrayBuffer);
  return book;
}

describe('GET /api/v1/exchange/templates/:kind', () => {
  it('answers 401 without a session and 400 to an unknown kind', async () => {
    expect((await download(t, null, '/api/v1/exchange/templates/projects')).status).toBe(401);
    const bad = await download(t, qilin, '/api/v1/exchange/templates/budgets');
    expect(bad.status).toBe(400);
    expect(bad.json().issues[0].field).toBe('kind');
  });

  it("gives a project template with instructions, drop-downs from the user's own regions and one example row the import skips", async () => {
    const res = await download(t, qilin, '/api/v1/exchange/templates/projects');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('项目清单导入模板.xlsx'));
    const book = await load(res.body);
    expect(book.worksheets.map((w) => [w.name, w.state])).toEqual([
      ['填表说明', 'visible'],
      ['项目清单', 'visible'],
      ['代码表', 'hidden'],
    ]);
    const sheet = book.getWorksheet('项目清单')!;
    expect(sheet.getCell('A1').value).toBe('*项目代码');
    expect(sheet.getCell('N1').value).toBe('*总投资（万元）');
    expect(String(sheet.getCell('A2').value)).toMatch(/^（示例）/);
    expect(sheet.getCell('I2').value).toBe('州市重点');
    expect(sheet.getCell('D3').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('代码表')] });
    const regions = book.getWorksheet('代码表')!.getColumn(4).values.filter(Boolean);
    expect(regions).toEqual(['region', '530302 麒麟区']);

    const asIs = await upload(t, qilin, '/api/v1/imports?dryRun=true', res.body, '模板.xlsx');
    expect(asIs.body).toMatchObject({ issuesTotal: 0, counts: { projects: { create: 0, rejected: 0 } } });
  });

  it('gives a monthly report template whose merged two-row header imports', async () => {
    const project = await createProjectVia(t, qilin);
    const res = await download(t, qilin, '/api/v1/exchange/templates/monthly-reports');
    const book = await load(res.body);
    const sheet = book.getWorksheet('月度调度')!;
    expect([sheet.getCell('E1').value, sheet.getCell('E2').value, sheet.getCell('K2').value]).toEqual(['到位资金（万元）', '省外', '企业自筹']);
    sheet.getCell('A4').value = project.code;
    sheet.getCell('C4').value = '2022-03';
    sheet.getCell('D4').value = 120.5;
    sheet.getCell('E4').value = '80';
    const filled = Buffer.from(await book.xlsx.writeBuffer());
    const imported = await upload(t, qilin, '/api/v1/imports?dryRun=false', filled, '月报.xlsx');
    expect(imported.body).toMatchObject({ committed: true, counts: { monthlyReports: { create: 1 } } });
    const reports = (await t.call(qilin, 'GET', `/api/v1/reports?projectId=${project.id}`)).body.items;
    expect(reports[0]).toMatchObject({ period: '2022-03', completedInvestment: '1205000', funds: { outOfProvince: '800000' } });
  });
});

describe('GET /api/v1/exports/projects', () => {
  it('answers 401 without a session and 400 to a bad filter', async () => {
    expect((await download(t, null, '/api/v1/exports/projects')).status).toBe(401);
    const bad = await download(t, qilin, '/api/v1/exports/projects?format=pdf&stages=flying');
    expect(bad.status).toBe(400);
    expect(bad.json().issues.map((i: { field: string }) => i.field)).toEqual(['stages.0', 'format']);
  });

  it("exports only the user's own region, even when asked for another", async () => {
    const theirs = await createProjectVia(t, zhanyi, { regionCode: '530303' });
    const res = await download(t, qilin, '/api/v1/exports/projects?format=csv&region=530303');
    expect(res.status).toBe(200);
    expect(res.body.toString('utf8')).not.toContain(theirs.code);
  });

  it('writes CSV in UTF-8 with a BOM, amounts in 万元 to the 分', async () => {
    const p = await createProjectVia(t, qilin, { name: '麒麟区"智慧,物流"园区', totalInvestment: '123456789.01', annualPlans: [{ year: 2022, amount: '0.05' }] });
    const res = await download(t, qilin, `/api/v1/exports/projects?format=csv&q=${p.code}`);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.body.toString('utf8');
    expect(text.startsWith('\ufeff项目代码,项目名称,项目类型,责任区域')).toBe(true);
    const [, line] = text.split('\r\n');
    expect(line).toContain(`${p.code},"麒麟区""智慧,物流""园区",招商引资,530302 麒麟区`);
    expect(line).toContain(',12345.678901,');
    expect(line!.endsWith(',0.000005')).toBe(true);
  });

  it('writes the filter on the sheet, and an exported sheet imports back with every value exactly as it was', async () => {
    const made = [
      await createProjectVia(t, qilin, {
        totalInvestment: '9999999999999999.99',
        agreementAmount: '0.01',
        longitude: '103.804123',
        latitude: '-25.000001',
        annualPlans: [
          { year: 2021, amount: '1234567890123.45' },
          { year: 2022, amount: '0.05' },
        ],
        attributes: { capacityKw: '832000.5', expectedAnnualTax: '36000000.07', jobsCreated: '120' },
        liaisonLeader: { name: '李云峰', title: null },
        description: '一期：厂房，设备\n二期：研发中心',
        caseFile: '=1+1',
      }),
      await createProjectVia(t, qilin, { kind: 'government', stage: 'preparation', signedOn: null, startedOn: null, agreementAmount: null, categoryCode: 'old-communities', level: 'county', locationRegionCode: null, longitude: null, latitude: null }),
    ];
    const res = await download(t, qilin, '/api/v1/exports/projects?format=xlsx&stages=construction,preparation&region=530302');
    const book = await load(res.body);
    const sheet = book.getWorksheet('项目清单')!;
    expect(String(sheet.getCell('A1').value)).toBe('导出条件：区域：530302 麒麟区；阶段：在建、前期');
    expect(String(sheet.getCell('A2').value)).toContain('金额单位：万元');

    const before = await Promise.all(made.map(async (p) => (await t.call(qilin, 'GET', `/api/v1/projects/${p.id}`)).body));
    const back = await upload(t, qilin, '/api/v1/imports?dryRun=false', res.body, '导出.xlsx');
    expect(back.body.issues ?? back.body).toEqual([]);
    expect(back.body.counts.projects.update).toBe(0);
    expect(back.body.counts.projects.unchanged).toBeGreaterThanOrEqual(2);
    const after = await Promise.all(made.map(async (p) => (await t.call(qilin, 'GET', `/api/v1/projects/${p.id}`)).body));
    expect(after).toEqual(before);
  });
});

describe('POST /api/v1/imports/annotated', () => {
  it('answers 401 without a session', async () => {
    expect((await upload(t, null, '/api/v1/imports/annotated', Buffer.from('x'))).status).toBe(401);
  });

  it('gives the workbook back with the bad cells filled and commented, and a list of every problem', async () => {
    const file = await workbook([
      {
        name: '项目清单',
        rows: [
          ['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '开工日期', '签约日期', '总投资（万元）', '协议金额（万元）'],
          [projectCode(), '麒麟区项目', '招商引资', '530302', '能源工业', '县级重点', '在建', '2022-02-30', '2021-12-01', '多少', 1],
        ],
      },
    ]);
    const res = await upload(t, qilin, '/api/v1/imports/annotated', file, '清单.xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['x-import-issues']).toBe('2');
    const book = await load(res.body);
    expect(book.worksheets.map((w) => w.name)).toEqual(['导入错误', '项目清单']);
    const list = book.getWorksheet('导入错误')!;
    expect(list.getRow(2).values).toEqual([undefined, '项目清单', 2, 'H', '开工日期：日期不存在']);
    const cell = book.getWorksheet('项目清单')!.getCell('J2');
    expect(cell.value).toBe('多少');
    expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect(JSON.stringify(cell.note)).toContain('应为数字');
  });

  it('answers 400 for a file that is not a workbook', async () => {
    const res = await upload(t, qilin, '/api/v1/imports/annotated', Buffer.from('name,code\n'));
    expect(res.status).toBe(400);
    expect(res.body.issues[0].rule).toBe('file.notWorkbook');
  });
});

describe('progress', () => {
  it('streams progress lines and then the result when asked for NDJSON', async () => {
    const rows = Array.from({ length: 2500 }, () => [projectCode(), '麒麟区项目', '招商引资', '530302', '能源工业', '县级重点', '前期', 1000]);
    const file = await workbook([{ name: '项目清单', rows: [['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '总投资（万元）'], ...rows] }]);
    const res = await upload(t, qilin, '/api/v1/imports?dryRun=true', file, 'big.xlsx', { accept: 'application/x-ndjson' });
    expect(res.headers['content-type']).toContain('application/x-ndjson');
    const lines = res.text.trim().split('\n').map((l) => JSON.parse(l));
    const progress = lines.filter((l) => l.type === 'progress');
    expect(progress.map((p) => p.phase)).toEqual(expect.arrayContaining(['reading', 'done']));
    expect(progress.map((p) => p.percent)).toEqual([...progress.map((p) => p.percent)].sort((a, b) => a - b));
    expect(lines.at(-1)).toMatchObject({ type: 'result', result: { dryRun: true, counts: { projects: { create: 2500 } } } });
  });

  it('ends the stream with the error when the file cannot be read', async () => {
    const res = await upload(t, qilin, '/api/v1/imports?dryRun=true', Buffer.from('not a workbook'), 'x.xlsx', { accept: 'application/x-ndjson' });
    expect(JSON.parse(res.text.trim().split('\n').at(-1)!)).toMatchObject({ type: 'error', error: { statusCode: 400, issues: [{ field: 'file', rule: 'file.notWorkbook' }] } });
  });
});
