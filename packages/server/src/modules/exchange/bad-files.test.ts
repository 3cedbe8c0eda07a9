import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { projectCode } from '../../test/fixtures.js';
import { encryptedWorkbook, legacyXls, workbook, zip } from '../../test/workbooks.js';
import { upload } from '../../test/uploads.js';
import { DEFAULT_IMPORT_LIMITS } from './import-limits.js';
import { importWorkbook } from './import/import-workbook.js';
import { WorkbookError, inspectWorkbook } from './workbook/inspect-workbook.js';
import { partText } from './workbook/zip-part.js';

let t: TestContext;
let qilin: TestUser;
const dir = mkdtempSync(join(tmpdir(), 'guatu-bad-'));
beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

const HEADER = ['项目代码', '项目名称', '项目类型', '责任区域', '项目类别', '项目级别', '项目阶段', '开工日期', '签约日期', '总投资（万元）', '协议金额（万元）'];
const row = (code: string, total: unknown = 120000) => [code, '麒麟区光伏组件项目', '招商引资', '530302', '能源工业', '县级重点', '在建', '2022-02-15', '2021-12-01', total, 100000];

const importFile = (file: Buffer, name = 'bad.xlsx') => upload(t, qilin, '/api/v1/imports?dryRun=false', file, name);
const projectCount = async () => Number(((await t.database.db.execute(sql`select count(*)::int as n from projects`)) as any).rows[0].n);

function saved(buffer: Buffer, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, buffer);
  return path;
}

async function fileRule(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (e) {
    return e instanceof WorkbookError ? e.rule : String(e);
  }
}

describe('files that are not workbooks get a clear error and write nothing', () => {
  it.each([
    ['a CSV renamed to .xlsx', 'file.notWorkbook', Buffer.from('\ufeff项目代码,项目名称\r\n2022-530302-44-01-000001,某项目\r\n')],
    ['a PDF', 'file.notWorkbook', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['an empty file', 'file.empty', Buffer.alloc(0)],
    ['a Word document renamed', 'file.renamed', zip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w:document/>' }])],
    ['a password-protected workbook', 'file.encrypted', encryptedWorkbook()],
    ['a legacy .xls', 'file.legacyXls', legacyXls()],
    ['a truncated workbook', 'file.corrupt', Buffer.from('PK\u0003\u0004garbage')],
  ])('%s → %s', async (_, rule, file) => {
    const before = await projectCount();
    const res = await importFile(file);
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'file', rule });
    expect(res.body.message.length).toBeGreaterThan(4);
    expect(await projectCount()).toBe(before);
  });

  it('refuses a file larger than the upload limit with 413', async () => {
    const small = await startTestApp();
    try {
      small.app.importLimits!.maxFileBytes = 1000;
      const user = await small.user('530302', 'reporter');
      const res = await upload(small, user, '/api/v1/imports?dryRun=true', Buffer.alloc(5000, 1));
      expect(res.status).toBe(413);
      expect(res.body.issues[0]).toMatchObject({ field: 'file', rule: 'file.tooLarge' });
    } finally {
      await small.close();
    }
  });
});

describe('zip bombs', () => {
  const limits = { ...DEFAULT_IMPORT_LIMITS, maxUncompressedBytes: 1024 * 1024 };
  const bomb = (claimedSize?: number) =>
    zip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>' },
      { name: 'xl/_rels/workbook.xml.rels', data: '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>' },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024, 0x41), claimedSize },
    ]);

  it('stops one that declares its size', async () => {
    expect(await fileRule(inspectWorkbook(saved(bomb(), 'bomb.xlsx'), limits))).toBe('file.zipBomb');
  });

  it('stops one that lies about its size while inflating, at the size it declared', async () => {
    const lying = bomb(1000);
    expect(lying.length).toBeLessThan(100_000);
    const path = saved(lying, 'liar.xlsx');
    const info = await inspectWorkbook(path, limits);
    let inflated = 0;
    const reading = (async () => {
      for await (const text of partText(path, info.parts.get('xl/worksheets/sheet1.xml')!)) inflated += text.length;
    })();
    expect(await fileRule(reading)).toBe('file.corrupt');
    expect(inflated).toBeLessThanOrEqual(1000);
  });

  it('refuses a workbook whose later sheet lies about its size, keeping none of the good sheets before it', async () => {
    const honest = saved(await workbook([{ name: '项目清单', rows: [HEADER, row(projectCode())] }, { name: '项目清单（续）', rows: [HEADER, row(projectCode())] }]), 'honest.xlsx');
    const info = await inspectWorkbook(honest, DEFAULT_IMPORT_LIMITS);
    const parts = [];
    for (const [name, location] of info.parts) {
      let text = '';
      for await (const piece of partText(honest, location)) text += piece;
      parts.push({ name, data: text, claimedSize: name === info.sheets[1]!.path ? 100 : undefined });
    }
    const before = await projectCount();
    const res = await importFile(zip(parts), 'liar.xlsx');
    expect(res.status).toBe(400);
    expect(res.body.issues[0].rule).toBe('file.corrupt');
    expect(await projectCount()).toBe(before);
  });

  it('refuses a zip with thousands of parts', async () => {
    const parts = Array.from({ length: 1200 }, (_, i) => ({ name: `xl/media/p${i}.xml`, data: 'x' }));
    expect(await fileRule(inspectWorkbook(saved(zip([{ name: 'xl/workbook.xml', data: '<workbook/>' }, ...parts]), 'parts.xlsx'), DEFAULT_IMPORT_LIMITS))).toBe('file.zipEntries');
  });

  it('answers the route with 400 and writes nothing', async () => {
    const limited = await startTestApp();
    try {
      limited.app.importLimits!.maxUncompressedBytes = limits.maxUncompressedBytes;
      const user = await limited.user('530302', 'reporter');
      const res = await upload(limited, user, '/api/v1/imports?dryRun=false', bomb(1000));
      expect(res.status).toBe(400);
      expect(res.body.issues[0].rule).toMatch(/file\.(zipBomb|corrupt)/);
    } finally {
      await limited.close();
    }
  });
});

describe('formulas', () => {
  it('imports the cached result of a formula', async () => {
    const code = projectCode();
    const file = await workbook([{ name: '项目清单', rows: [HEADER, row(code, { formula: '100000+20000', result: 120000 })] }]);
    const res = await upload(t, qilin, '/api/v1/imports?dryRun=false', file);
    expect(res.body).toMatchObject({ committed: true, counts: { projects: { create: 1 } } });
    expect((await t.call(qilin, 'GET', `/api/v1/projects?q=${code}`)).body.items[0].totalInvestment).toBe('1200000000');
  });

  it('flags a formula saved without a value, and writes nothing', async () => {
    const file = await workbook([{ name: '项目清单', rows: [HEADER, row(projectCode(), { formula: 'SUM(X1:X9)' })] }]);
    const res = await importFile(file);
    expect(res.body.committed).toBe(false);
    expect(res.body.issues).toEqual([expect.objectContaining({ row: 2, column: 'J', rule: 'cell.formulaNoValue' })]);
    expect(res.body.issues[0].message).toContain('=SUM(X1:X9)');
  });
});

describe('hidden sheets', () => {
  it('refuses a hidden sheet that holds data the officer cannot see', async () => {
    const file = await workbook([
      { name: '项目清单', rows: [HEADER, row(projectCode())] },
      { name: '旧数据', rows: [HEADER, row(projectCode())], state: 'hidden' },
    ]);
    const before = await projectCount();
    const res = await importFile(file);
    expect(res.body.committed).toBe(false);
    expect(res.body.issues).toEqual([expect.objectContaining({ sheet: '旧数据', row: null, rule: 'sheet.hidden' })]);
    expect(await projectCount()).toBe(before);
  });

  it('ignores a hidden sheet of drop-down lists, as templates have', async () => {
    const file = await workbook([
      { name: '项目清单', rows: [HEADER, row(projectCode())] },
      { name: '代码表', rows: [['阶段'], ['在建'], ['前期']], state: 'veryHidden' },
    ]);
    const res = await upload(t, qilin, '/api/v1/imports?dryRun=true', file);
    expect(res.body).toMatchObject({ issuesTotal: 0, counts: { projects: { create: 1 } } });
  });
});

describe('row limits', () => {
  it('stops reading past the configured number of rows', async () => {
    const file = await workbook([{ name: '项目清单', rows: [HEADER, ...Array.from({ length: 6 }, () => row(projectCode()))] }]);
    const path = saved(file, 'rows.xlsx');
    const rule = await fileRule(importWorkbook(t.database, qilin.actor, { path, fileName: 'rows.xlsx', dryRun: false, limits: { ...DEFAULT_IMPORT_LIMITS, maxRows: 5 } }));
    expect(rule).toBe('file.tooManyRows');
  });

  it('says so through the route with the limit in the message', async () => {
    const limited = await startTestApp();
    try {
      limited.app.importLimits!.maxRows = 3;
      const user = await limited.user('530302', 'reporter');
      const file = await workbook([{ name: '项目清单', rows: [HEADER, ...Array.from({ length: 4 }, () => row(projectCode()))] }]);
      const res = await upload(limited, user, '/api/v1/imports?dryRun=true', file);
      expect(res.status).toBe(400);
      expect(res.body.issues[0]).toMatchObject({ field: 'file', rule: 'file.tooManyRows' });
      expect(res.body.message).toContain('3');
    } finally {
      await limited.close();
    }
  });
});
