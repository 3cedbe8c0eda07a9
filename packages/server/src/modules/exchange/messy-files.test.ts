import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia, projectCode } from '../../test/fixtures.js';
import { workbook, wpsWorkbook } from '../../test/workbooks.js';
import { upload } from '../../test/uploads.js';

let t: TestContext;
let qilin: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

const commit = async (file: Buffer) => {
  const res = await upload(t, qilin, '/api/v1/imports?dryRun=false', file, '调度表.xlsx');
  if (!res.body.committed) throw new Error(JSON.stringify(res.body.issues ?? res.body, null, 1));
  return res.body;
};
const projectByCode = async (code: string) => {
  const list = await t.call(qilin, 'GET', `/api/v1/projects?q=${code}`);
  return (await t.call(qilin, 'GET', `/api/v1/projects/${list.body.items[0].id}`)).body;
};
const reportsOf = async (projectId: number) => (await t.call(qilin, 'GET', `/api/v1/reports?projectId=${projectId}&pageSize=100`)).body.items;

const HEAD = ['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '签约日期', '开工日期'];
const cells = (code: string, started: unknown) => [code, '麒麟区新型建材产业园项目', '招商引资', '麒麟区', '能源以外工业', '县级重点', '在建', '2021-10-08', started];

describe('amounts as officers write them', () => {
  it.each([
    ['1,254.5', '总投资（万元）', '12545000'],
    ['1254亿元', '总投资（万元）', '125400000000'],
    ['12.5万元', '总投资', '125000'],
    ['3.2亿', '总投资（万元）', '320000000'],
    [1254.5, '总投资（万元）', '12545000'],
    [1254.5, '总投资(亿元)', '125450000000'],
    ['8674', '总投资（万元）', '86740000'],
    ['１，２５４．５', '总投资（万元）', '12545000'],
    ['  3.2 亿元 ', '总投资', '320000000'],
  ])('%s under "%s" is %s yuan', async (cell, header, yuan) => {
    const code = projectCode();
    await commit(await workbook([{ name: '项目', rows: [[...HEAD, header], [...cells(code, '2022-02-15'), cell]] }]));
    expect((await projectByCode(code)).totalInvestment).toBe(yuan);
  });

  it('takes the unit from a "单位：万元" line above the table', async () => {
    const code = projectCode();
    await commit(
      await workbook([
        {
          name: '项目',
          rows: [['2022年第一季度重大项目清单'], ['填报单位：麒麟区发展和改革局', null, null, '单位：万元'], [...HEAD, '总投资'], [...cells(code, '2022-02-15'), 8674]],
          merges: ['A1:J1'],
        },
      ]),
    );
    expect((await projectByCode(code)).totalInvestment).toBe('86740000');
  });
});

describe('dates as officers write them', () => {
  it.each([
    [44607, '2022-02-15'],
    ['2022年2月15日', '2022-02-15'],
    ['2022.2.15', '2022-02-15'],
    ['2022/2/15', '2022-02-15'],
    ['２０２２－０２－１５', '2022-02-15'],
    [new Date(Date.UTC(2022, 1, 15)), '2022-02-15'],
  ])('%s → %s', async (cell, iso) => {
    const code = projectCode();
    await commit(await workbook([{ name: '项目', rows: [[...HEAD, '总投资（万元）'], [...cells(code, cell), 1000]] }]));
    expect((await projectByCode(code)).startedOn).toBe(iso);
  });
});

describe('monthly reports in the shape prefectures collect them', () => {
  let project: { id: number; code: string };
  beforeAll(async () => {
    project = await createProjectVia(t, qilin, { stage: 'construction' });
  });

  it('reads merged two-row headers, months as 2022-03 / 2022年3月 / serials, numbers stored as text, full-width digits, and skips blank separator rows', async () => {
    const header1 = ['项目代码', '项目名称', '填报月份', '本月完成投资（万元）', '到位资金（万元）', null, null, null, null, null, null, '形象进度', '在岗人数'];
    const header2 = [null, null, null, null, '省外', '省内', '外资', '中央预算内', '专项债券', '银行贷款', '企业自筹', null, null];
    const line = (period: unknown, invest: unknown, outOfProvince: unknown, workers: unknown) => [project.code, '某项目', period, invest, outOfProvince, 0, 0, '0', 0, '500', '', '主体完工', workers];
    const file = await workbook([
      {
        name: '月度调度',
        rows: [
          ['曲靖市重大项目月度调度表'],
          header1,
          header2,
          line('2022-01', '3,500', '１２００', '３２０'),
          [],
          [],
          line('2022年2月', 4200.55, 1000, 300),
          [],
          line(44621, '０．５', '0.25', '300人'),
        ],
        merges: ['A1:M1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:D3', 'E2:K2', 'L2:L3', 'M2:M3'],
      },
    ]);
    const result = await commit(file);
    expect(result.counts.monthlyReports).toEqual({ create: 3, update: 0, unchanged: 0, rejected: 0 });
    expect(result.sheets[0]).toMatchObject({ name: '月度调度', kind: 'monthlyReports', headerRow: 3, rows: 3 });
    const reports = await reportsOf(project.id);
    const byPeriod = Object.fromEntries(reports.map((r: any) => [r.period, r]));
    expect(byPeriod['2022-01']).toMatchObject({ status: 'draft', completedInvestment: '35000000', funds: { outOfProvince: '12000000', bankLoans: '5000000', selfRaised: '0' }, workersOnSite: 320, physicalProgress: '主体完工' });
    expect(byPeriod['2022-02']).toMatchObject({ completedInvestment: '42005500', funds: { outOfProvince: '10000000' } });
    expect(byPeriod['2022-03']).toMatchObject({ completedInvestment: '5000', funds: { outOfProvince: '2500' }, workersOnSite: 300 });

    const again = await commit(file);
    expect(again.counts.monthlyReports).toEqual({ create: 0, update: 0, unchanged: 3, rejected: 0 });
  });

  it('changes the figures of a draft report, naming the fields it changes and keeping the rest', async () => {
    const p = await createProjectVia(t, qilin, { stage: 'construction' });
    const created = await t.call(qilin, 'POST', `/api/v1/projects/${p.id}/reports`, { period: '2022-05', completedInvestment: '1000000', workersOnSite: 80, narrative: '按计划推进' });
    const file = await workbook([{ name: '月报', rows: [['项目代码', '填报月份', '本月完成投资（万元）', '省外到位资金（万元）'], [p.code, '2022-05', 150.25, 20]] }]);
    const result = await commit(file);
    expect(result.counts.monthlyReports).toEqual({ create: 0, update: 1, unchanged: 0, rejected: 0 });
    expect(result.changes).toEqual([expect.objectContaining({ kind: 'monthlyReports', fields: ['completedInvestment', 'funds.outOfProvince'] })]);
    const [report] = await reportsOf(p.id);
    expect(report).toMatchObject({ id: created.body.id, status: 'draft', version: created.body.version + 1, completedInvestment: '1502500', funds: { outOfProvince: '200000', selfRaised: '0' }, workersOnSite: 80, narrative: '按计划推进' });
    expect((await commit(file)).counts.monthlyReports).toEqual({ create: 0, update: 0, unchanged: 1, rejected: 0 });
  });

  it('refuses to change an approved report, and takes the same figures again as unchanged', async () => {
    const p = await createProjectVia(t, qilin, { stage: 'construction' });
    const reviewer = await t.user('530300', 'reviewer');
    const created = await t.call(qilin, 'POST', `/api/v1/projects/${p.id}/reports`, { period: '2022-04', completedInvestment: '1000000' });
    await t.call(qilin, 'POST', `/api/v1/reports/${created.body.id}/submit`, {});
    expect((await t.call(reviewer, 'POST', `/api/v1/reports/${created.body.id}/approve`, {})).status).toBe(200);
    const sheet = (amount: number) => workbook([{ name: '月报', rows: [['项目代码', '填报月份', '本月完成投资（万元）'], [p.code, '2022-04', amount]] }]);
    const same = await upload(t, qilin, '/api/v1/imports?dryRun=true', await sheet(100));
    expect(same.body.counts.monthlyReports).toMatchObject({ unchanged: 1 });
    const changed = await upload(t, qilin, '/api/v1/imports?dryRun=true', await sheet(101));
    expect(changed.body.issues[0]).toMatchObject({ row: 2, column: 'C', rule: 'report.approvedImmutable' });
    const funds = await workbook([{ name: '月报', rows: [['项目代码', '填报月份', '本月完成投资（万元）', '省外到位资金（万元）'], [p.code, '2022-04', 100, 5]] }]);
    expect((await upload(t, qilin, '/api/v1/imports?dryRun=true', funds)).body.issues[0]).toMatchObject({ column: 'D', field: 'funds.outOfProvince', rule: 'report.approvedImmutable' });
  });

  it('refuses future months, unknown projects and duplicated rows, each on its cell', async () => {
    const file = await workbook([
      {
        name: '月报',
        rows: [
          ['项目代码', '填报月份', '本月完成投资（万元）'],
          [project.code, '2099-01', 1],
          ['2022-530302-44-01-999999', '2022-01', 1],
          [project.code, '2022-05', 1],
          [project.code, '2022年5月', 2],
        ],
      },
    ]);
    const res = await upload(t, qilin, '/api/v1/imports?dryRun=true', file);
    expect(res.body.issues.map((i: any) => [i.row, i.column, i.rule])).toEqual([
      [2, 'B', 'report.futurePeriod'],
      [3, 'A', 'import.projectUnknown'],
      [5, 'B', 'import.duplicateRow'],
    ]);
  });
});

describe('files saved by WPS', () => {
  it('imports shared strings, absolute part names, WPS properties and text numbers alike', async () => {
    const code = projectCode();
    const file = wpsWorkbook([
      ['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '签约日期', '开工日期', '总投资（万元）', '协议金额（万元）'],
      [code, '麒麟区智能制造产业园', '招商引资', '530302 麒麟区', '数字经济', '县级重点', '在建', 44520, '2022年2月15日', '58000', 50000],
    ]);
    const res = await upload(t, qilin, '/api/v1/imports?dryRun=false', file, 'WPS表格.xlsx');
    expect(res.body).toMatchObject({ committed: true, application: 'WPS 表格', counts: { projects: { create: 1 } } });
    expect(res.body.sheets[0]).toMatchObject({ name: 'Sheet1', kind: 'projects' });
    expect(await projectByCode(code)).toMatchObject({ signedOn: '2021-11-20', startedOn: '2022-02-15', totalInvestment: '580000000', agreementAmount: '500000000', categoryCode: 'digital-economy' });
  });
});

describe('annual plans', () => {
  it('sets each year, keeps the plans within the total, and reports unchanged rows', async () => {
    const p = await createProjectVia(t, qilin, { totalInvestment: '1000000000', annualPlans: [{ year: 2022, amount: '300000000' }] });
    const sheet = (rows: unknown[][]) => workbook([{ name: '年度计划', rows: [['项目代码', '项目名称', '年度', '年度计划投资（万元）'], ...rows] }]);
    const ok = await upload(t, qilin, '/api/v1/imports?dryRun=false', await sheet([[p.code, '', 2022, 30000], [p.code, '', '2023年', '5亿']]));
    expect(ok.body).toMatchObject({ committed: true, counts: { annualPlans: { create: 1, unchanged: 1 } } });
    expect((await t.call(qilin, 'GET', `/api/v1/projects/${p.id}`)).body.annualPlans).toEqual([
      { year: 2022, amount: '300000000' },
      { year: 2023, amount: '500000000' },
    ]);
    const over = await upload(t, qilin, '/api/v1/imports?dryRun=true', await sheet([[p.code, '', 2024, 30000]]));
    expect(over.body.issues[0]).toMatchObject({ column: 'D', rule: 'plans.exceedTotal' });
  });
});
