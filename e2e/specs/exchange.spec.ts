import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { closeBrowser, newContext, PHONE, screenshot, settle, signIn } from '../lib/browser.js';
import { apiAs, uniqueCode } from '../lib/api.js';

after(closeBrowser);

/** Clicks what starts a download and gives the file's name and bytes. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The column of a template header, whatever its marks and unit: "总投资" finds "*总投资（万元）". */
function columnOf(sheet: ExcelJS.Worksheet, name: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, n) => {
    if (!found && String(cell.value).replace(/^\*/, '').startsWith(name)) found = n;
  });
  assert.ok(found, `the template has no column ${name}`);
  return found;
}

describe('数据导入与导出', () => {
  it('a county fills the template, sees the bad row, fixes it, imports, and exports the list back', async () => {
    const { context, page, errors } = await newContext();
    const dir = await mkdtemp(join(tmpdir(), 'guatu-e2e-exchange-'));
    const tag = String(Date.now()).slice(-6);
    const rows = [
      { code: uniqueCode('530302'), name: `麒麟区导入测试光伏项目${tag}`, total: 12500.5 },
      { code: uniqueCode('530302'), name: `麒麟区导入测试物流园项目${tag}`, total: '多少' as string | number },
    ];

    await signIn(page, 'reporter.qilin', '/import');
    await page.getByRole('heading', { name: '数据导入' }).waitFor();
    await settle(page);
    await screenshot(page, 'import');

    // The template, with drop-downs from the county's own lists.
    const template = await download(page, () => page.getByTestId('template-download').click());
    assert.equal(template.name, '项目清单导入模板.xlsx');
    const book = await load(template.bytes);
    const sheet = book.getWorksheet('项目清单')!;
    const fill = (r: number, row: (typeof rows)[number]) => {
      const put = (name: string, value: string | number) => (sheet.getRow(r).getCell(columnOf(sheet, name)).value = value);
      put('项目代码', row.code);
      put('项目名称', row.name);
      put('项目类型', '招商引资');
      put('责任区域', '530302 麒麟区');
      put('项目类别', '能源工业');
      put('项目级别', '县级重点');
      put('项目阶段', '前期');
      put('总投资', row.total);
    };
    rows.forEach((row, i) => fill(3 + i, row));
    const bad = join(dir, '麒麟区项目清单.xlsx');
    await book.xlsx.writeFile(bad);

    // A dry run lists the bad row, and nothing can be committed.
    await page.locator('input[type=file]').setInputFiles(bad);
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    assert.match((await issues.innerText()).replace(/\s+/g, ' '), /项目清单 4 .*总投资/);
    assert.equal(await page.getByTestId('count-rejected').first().innerText(), '1');
    assert.equal(await page.getByTestId('import-commit').isDisabled(), true);
    await settle(page);
    await screenshot(page, 'import-issues');
    const annotated = await download(page, () => page.getByTestId('import-annotated').click());
    assert.equal((await load(annotated.bytes)).worksheets[0]!.name, '导入错误');

    // Fixed, it passes and commits.
    rows[1]!.total = 3000;
    fill(4, rows[1]!);
    const good = join(dir, '麒麟区项目清单（已改）.xlsx');
    await book.xlsx.writeFile(good);
    await page.locator('input[type=file]').setInputFiles(good);
    await page.getByText('校验通过，可以导入').waitFor();
    assert.equal(await page.getByTestId('count-create').first().innerText(), '2');
    await screenshot(page, 'import-ready');
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-committed').getByText('导入完成：新增 2 条，变更 0 条').waitFor();
    await screenshot(page, 'import-committed');

    // The projects are in the list, and the list exports with them.
    await page.goto(`/projects?q=${tag}`);
    await page.getByRole('link', { name: rows[0]!.name }).waitFor();
    await page.getByRole('link', { name: rows[1]!.name }).waitFor();
    await settle(page);
    await screenshot(page, 'projects-export');
    const exported = await download(page, () => page.getByTestId('export-projects-xlsx').click());
    assert.equal(exported.name, '项目清单.xlsx');
    const list = (await load(exported.bytes)).getWorksheet('项目清单')!;
    assert.equal(list.getCell('A1').value, `导出条件：名称或代码含“${tag}”`);
    const codes: string[] = [];
    list.eachRow((row, n) => n > 3 && codes.push(String(row.getCell(1).value)));
    assert.deepEqual(codes.sort(), rows.map((r) => r.code).sort());
    const total = list.getRow(3).values as unknown[];
    const totalColumn = total.findIndex((v) => String(v).includes('总投资'));
    const byCode = new Map<string, unknown>();
    list.eachRow((row, n) => n > 3 && byCode.set(String(row.getCell(1).value), row.getCell(totalColumn).value));
    assert.equal(byCode.get(rows[0]!.code), 12500.5);

    const csv = await download(page, () => page.getByTestId('export-projects-csv').click());
    assert.ok(csv.bytes.toString('utf8').startsWith('\ufeff项目代码,项目名称'));

    // The same file with one amount changed: a dry run names the changed field, and nothing else moves.
    rows[0]!.total = 13000;
    fill(3, rows[0]!);
    const changed = join(dir, '麒麟区项目清单（调整）.xlsx');
    await book.xlsx.writeFile(changed);
    await page.goto('/import');
    await page.locator('input[type=file]').setInputFiles(changed);
    const changes = page.getByTestId('import-changes');
    await changes.waitFor();
    assert.match((await changes.innerText()).replace(/\s+/g, ' '), new RegExp(`${rows[0]!.code} 总投资`));
    assert.equal(await page.getByTestId('count-update').first().innerText(), '1');
    await settle(page);
    await screenshot(page, 'import-changes');

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('a dashboard chart exports its table with the filter on the sheet', async () => {
    const { context, page, errors } = await newContext();
    await signIn(page, 'reviewer.qujing', '/?year=2022&quarter=1');
    await page.getByTestId('dashboard-ready').waitFor();
    await settle(page);
    await screenshot(page, 'dashboard-export');
    const sheet = await download(page, () => page.getByTestId('export-by-region-xlsx').click());
    assert.equal(sheet.name, '统计结果.xlsx');
    const stats = (await load(sheet.bytes)).getWorksheet('统计结果')!;
    assert.equal(stats.getCell('A1').value, '统计条件：区域：曲靖市；开工日期：2022-01-01 至 2022-03-31');
    assert.deepEqual((stats.getRow(3).values as unknown[]).slice(1), ['区域', '项目数（个）', '总投资（万元）']);
    let last = 0;
    stats.eachRow((_r, n) => (last = n));
    assert.equal(stats.getCell(`A${last}`).value, '合计');
    const csv = await download(page, () => page.getByTestId('export-by-category-csv').click());
    assert.ok(csv.bytes.toString('utf8').startsWith('\ufeff项目类别,项目数（个）,总投资（万元）'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("the battle map's ranking exports what a prefecture officer sees: their prefecture, not its counties", async () => {
    const call = await apiAs('reviewer.qujing');
    const { total } = await call<{ total: { count: number } }>('POST', '/stats', { filter: { region: '530300' }, measures: ['count'] });
    const { context, page, errors } = await newContext();
    await signIn(page, 'reviewer.qujing', '/map?year=2022');
    await page.getByTestId('prefecture-table').locator('tr', { hasText: '曲靖市' }).locator('td', { hasText: new RegExp(`^${total.count.toLocaleString('zh-CN')}$`) }).waitFor();
    const sheet = await download(page, () => page.getByTestId('export-prefecture-table-xlsx').click());
    const stats = (await load(sheet.bytes)).getWorksheet('统计结果')!;
    const values: unknown[] = [];
    stats.eachRow((row) => values.push(...(row.values as unknown[]).slice(1)));
    assert.match(String(stats.getCell('A1').value), /区域：曲靖市/);
    assert.ok(values.includes(total.count), `the sheet holds Qujing's ${total.count} projects: ${JSON.stringify(values)}`);
    assert.ok(!values.some((v) => v === '麒麟区' || v === '宣威市'), `no county rows: ${JSON.stringify(values)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the import page fits a phone, and reads in English when switched', async () => {
    const { context, page, errors } = await newContext(PHONE);
    await signIn(page, 'admin.qujing', '/import');
    await page.getByRole('heading', { name: '数据导入' }).waitFor();
    await settle(page);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
    await screenshot(page, 'import-phone');
    await page.evaluate(() => localStorage.setItem('guatu.locale', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Import data' }).waitFor();
    await page.getByText('Download template').waitFor();
    await screenshot(page, 'import-phone-en');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
