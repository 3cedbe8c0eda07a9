import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia, projectCode } from '../../test/fixtures.js';
import { workbook } from '../../test/workbooks.js';
import { upload } from '../../test/uploads.js';
import { auditEvents } from '../../db/schema/index.js';

let t: TestContext;
let qilin: TestUser;
let zhanyi: TestUser;
let qujingLeader: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
  zhanyi = await t.user('530303', 'reporter');
  qujingLeader = await t.user('530300', 'leader');
});
afterAll(() => t.close());

const PROJECT_HEADER = ['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '签约日期', '开工日期', '总投资（万元）', '协议金额（万元）', '2022年计划投资（万元）'];

function projectRow(code: string, overrides: Partial<Record<string, unknown>> = {}): unknown[] {
  const base: Record<string, unknown> = {
    项目代码: code,
    项目名称: '麒麟区年产5万吨绿色硅材料项目',
    项目类型: '招商引资',
    责任区域: '530302 麒麟区',
    项目类别: '能源以外工业',
    项目级别: '州市重点',
    项目阶段: '在建',
    签约日期: '2021-11-20',
    开工日期: '2022年2月15日',
    '总投资（万元）': 120000,
    '协议金额（万元）': '10亿',
    '2022年计划投资（万元）': 40000.5,
    ...overrides,
  };
  return PROJECT_HEADER.map((h) => base[h]);
}

const imports = (as: TestUser | null, file: Buffer, dryRun: boolean, headers: Record<string, string> = {}) =>
  upload(t, as, `/api/v1/imports?dryRun=${dryRun}`, file, '项目清单.xlsx', headers);

describe('POST /api/v1/imports', () => {
  it('answers 401 without a session', async () => {
    const file = await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, projectRow(projectCode())] }]);
    expect((await imports(null, file, true)).status).toBe(401);
  });

  it('answers 400 naming the file field when no file is sent', async () => {
    const res = await t.call(qilin, 'POST', '/api/v1/imports?dryRun=true', {});
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'file', rule: 'file.required' });
  });

  it('answers 403 to a role that may not edit projects', async () => {
    const file = await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, projectRow(projectCode())] }]);
    expect((await imports(qujingLeader, file, true)).status).toBe(403);
  });

  it('dry-runs, then commits everything in one audited event, and a second import changes nothing', async () => {
    const codes = [projectCode(), projectCode()];
    const file = await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, projectRow(codes[0]!), projectRow(codes[1]!, { 项目名称: '麒麟区数据中心项目', 项目类别: '数字经济' })] }]);
    const dry = await imports(qilin, file, true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, committed: false, issuesTotal: 0, counts: { projects: { create: 2, update: 0, unchanged: 0, rejected: 0 } } });
    expect((await t.call(qilin, 'GET', `/api/v1/projects?q=${codes[0]}`)).body.total).toBe(0);

    const [before] = await t.database.db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    const real = await imports(qilin, file, false);
    expect(real.body).toMatchObject({ committed: true, counts: { projects: { create: 2 } } });
    const events = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(2);
    expect(events[0]!.seq).toBe((before?.seq ?? 0) + 1);
    expect(events[0]).toMatchObject({ action: 'import.workbook', entity: 'import', actorName: qilin.username });
    expect((events[0]!.changes as any).rows[1]).toEqual({ 项目清单: { create: '2-3' } });
    expect((events[0]!.changes as any).projects[1].created.map(([row]: [number]) => row)).toEqual([2, 3]);

    const list = await t.call(qilin, 'GET', `/api/v1/projects?q=${codes[0]}`);
    const project = (await t.call(qilin, 'GET', `/api/v1/projects/${list.body.items[0].id}`)).body;
    expect(project).toMatchObject({
      code: codes[0],
      stage: 'construction',
      signedOn: '2021-11-20',
      startedOn: '2022-02-15',
      totalInvestment: '1200000000',
      agreementAmount: '1000000000',
      annualPlans: [{ year: 2022, amount: '400005000' }],
      categoryCode: 'other-industry',
      level: 'prefectural',
    });

    const again = await imports(qilin, file, false);
    expect(again.body).toMatchObject({ committed: true, counts: { projects: { create: 0, update: 0, unchanged: 2 } } });
  });

  it('reports changed fields, and matches by project code', async () => {
    const p = await createProjectVia(t, qilin, { annualPlans: [], agreementAmount: '1000000000' });
    const file = await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, projectRow(p.code, { 项目名称: '曲靖麒麟区年产10万吨新能源电池材料项目', '总投资（万元）': '13亿元', '2022年计划投资（万元）': null })] }]);
    const dry = await imports(qilin, file, true);
    expect(dry.body.counts.projects).toMatchObject({ update: 1 });
    expect(dry.body.changes).toEqual([{ sheet: '项目清单', row: 2, kind: 'projects', key: p.code, fields: ['totalInvestment'] }]);
  });

  it("rejects a row naming another county's region, and writes nothing at all", async () => {
    const mine = projectCode();
    const file = await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, projectRow(mine), projectRow(projectCode('530303'), { 责任区域: '530303' })] }]);
    const res = await imports(qilin, file, false);
    expect(res.body).toMatchObject({ committed: false, counts: { projects: { create: 1, rejected: 1 } } });
    expect(res.body.issues).toEqual([
      expect.objectContaining({ sheet: '项目清单', row: 3, column: 'D', header: '责任区域', field: 'regionCode', rule: 'region.outOfScope' }),
    ]);
    expect((await t.call(qilin, 'GET', `/api/v1/projects?q=${mine}`)).body.total).toBe(0);
  });

  it("never touches another county's project with the same code, and says the code is taken", async () => {
    const theirs = await createProjectVia(t, zhanyi, { regionCode: '530303' });
    const file = await workbook([{ name: '项目清单', rows: [PROJECT_HEADER, projectRow(theirs.code)] }]);
    const res = await imports(qilin, file, true);
    expect(res.body.issues[0]).toMatchObject({ field: 'code', rule: 'projectCode.taken' });
  });

  it("knows no report or plan of another county's project, and leaves its draft as it was", async () => {
    const theirs = await createProjectVia(t, zhanyi, { regionCode: '530303', stage: 'construction' });
    const draft = await t.call(zhanyi, 'POST', `/api/v1/projects/${theirs.id}/reports`, { period: '2022-05', completedInvestment: '1000000' });
    const file = await workbook([
      { name: '月报', rows: [['项目代码', '填报月份', '本月完成投资（万元）'], [theirs.code, '2022-05', 999]] },
      { name: '年度计划', rows: [['项目代码', '项目名称', '年度', '年度计划投资（万元）'], [theirs.code, '', 2023, 1]] },
    ]);
    const res = await imports(qilin, file, false);
    expect(res.body).toMatchObject({ committed: false, counts: { monthlyReports: { rejected: 1 }, annualPlans: { rejected: 1 } } });
    expect(res.body.issues.map((i: any) => [i.sheet, i.row, i.field, i.rule])).toEqual([
      ['月报', 2, 'code', 'import.projectUnknown'],
      ['年度计划', 2, 'code', 'import.projectUnknown'],
    ]);
    const report = (await t.call(zhanyi, 'GET', `/api/v1/reports/${draft.body.id}`)).body;
    expect(report).toMatchObject({ version: draft.body.version, completedInvestment: '1000000' });
  });

  it('collects every problem of every row, each with its cell', async () => {
    const file = await workbook([
      {
        name: '项目清单',
        rows: [
          PROJECT_HEADER,
          projectRow(projectCode(), { 项目阶段: '飞行中', '总投资（万元）': '-5' }),
          projectRow('2022-530302-44-01', { 开工日期: '2022-02-30' }),
          projectRow(projectCode(), { '2022年计划投资（万元）': 999999 }),
        ],
      },
    ]);
    const res = await imports(qilin, file, true);
    expect(res.body.issues.map((i: any) => [i.row, i.column, i.rule])).toEqual([
      [2, 'G', 'oneOf'],
      [2, 'J', 'money.negative'],
      [3, 'I', 'date.invalid'],
      [3, 'A', 'projectCode.format'],
      [4, 'L', 'plans.exceedTotal'],
    ]);
    expect(res.body.issues[1].message).toBe('总投资（万元）：金额不能为负数');
  });
});
