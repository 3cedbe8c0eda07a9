import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeBrowser, newContext, signIn } from '../lib/browser.js';
import { yuanToFen } from '@guatu/core';
import { uniqueCode } from '../lib/api.js';

after(closeBrowser);

const PROJECT = '麒麟区智能装备制造产业园项目';

async function chooseTreeOption(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-tree-node-content-wrapper', { hasText: option }).first().click();
}

async function switchUser(page: Page, username: string, next: string) {
  await page.getByRole('button', { name: /退出登录/ }).click();
  await signIn(page, username, next);
}

/** The dashboard's completed investment this year, to the 分, as the engine gave it. */
async function completedThisYear(page: Page): Promise<string> {
  await page.getByTestId('dashboard-ready').waitFor();
  const figure = page.getByTestId('kpi-completed');
  await figure.waitFor();
  return (await figure.getAttribute('data-yuan'))!;
}

describe('monthly reporting', () => {
  it('a county reporter files a report; the reviewer returns it; the reporter resubmits; the reviewer approves; the dashboard moves by its amount', async () => {
    const { context, page, errors } = await newContext();
    await signIn(page, 'reporter.qilin', '/projects/new');

    // The reporter records the project through the form, which shows the server's field errors.
    const code = uniqueCode('530302');
    await page.getByLabel('项目代码').fill('2022-5303');
    await page.getByText('项目代码格式不正确').waitFor();
    await page.getByLabel('项目代码').fill(code);
    await page.getByLabel('项目名称').fill(PROJECT);
    await chooseTreeOption(page, '类别', '能源以外工业');
    await chooseTreeOption(page, '责任区域', '麒麟区');
    // Dates clear of the demo's 2021–2022, so no figure of the source report moves.
    await page.getByLabel('开工日期').fill('2024-05-20');
    await page.getByLabel('开工日期').press('Enter');
    await page.getByLabel('签约日期').fill('2024-01-10');
    await page.getByLabel('签约日期').press('Enter');
    await page.getByLabel('总投资（元）').fill('1200000000');
    await page.getByTestId('project-save').click();
    await page.getByTestId('project-name').filter({ hasText: PROJECT }).waitFor();

    // This month's worklist lists it; the form starts a draft, saves it, and submits it.
    await page.goto('/reports');
    await page.getByTestId('worklist-search').locator('input').fill(code);
    await page.getByTestId('worklist-search').locator('input').press('Enter');
    await page.getByTestId(`fill-${code}`).click();
    await page.getByTestId('report-status').filter({ hasText: '草稿' }).waitFor();
    await page.getByTestId('completedInvestment').fill('15000000');
    await page.getByTestId('funds-outOfProvince').fill('8000000');
    await page.getByTestId('physicalProgress').fill('主体厂房封顶');
    await page.getByTestId('report-save').click();
    await page.getByText('已保存').first().waitFor();
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-status').filter({ hasText: '已提交' }).waitFor();
    const reportUrl = page.url();

    // The prefecture reviewer returns it with a comment.
    await switchUser(page, 'reviewer.qujing', '/review');
    // Demo projects may share a name; the code is the project's own.
    const row = page.getByTestId('review-queue').locator('tr', { hasText: code });
    await row.getByTestId('report-return').click();
    await page.getByTestId('review-comment-input').fill('到位资金来源请补充佐证材料');
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.waitFor({ state: 'detached' });

    // The reporter sees the comment, corrects the figure and resubmits.
    await switchUser(page, 'reporter.qilin', new URL(reportUrl).pathname);
    await page.getByTestId('report-status').filter({ hasText: '已退回' }).waitFor();
    assert.equal(await page.getByTestId('review-comment').textContent(), '到位资金来源请补充佐证材料');
    await page.getByTestId('completedInvestment').fill('16000000');
    await page.getByTestId('report-submit').click();
    await page.getByTestId('report-status').filter({ hasText: '已提交' }).waitFor();

    // The reviewer approves it, and Qujing's completed investment this year moves by exactly its amount.
    await switchUser(page, 'reviewer.qujing', '/');
    const before = await completedThisYear(page);
    await page.goto(new URL(reportUrl).pathname);
    await page.getByTestId('report-approve').click();
    await page.getByTestId('report-status').filter({ hasText: '已审核' }).waitFor();
    await page.goto('/');
    assert.equal(yuanToFen(await completedThisYear(page)) - yuanToFen(before), yuanToFen('16000000'));

    // The report is then frozen for the reporter.
    await switchUser(page, 'reporter.qilin', new URL(reportUrl).pathname);
    await page.getByTestId('report-status').filter({ hasText: '已审核' }).waitFor();
    assert.equal(await page.getByTestId('report-submit').count(), 0);
    assert.equal(await page.getByTestId('completedInvestment').inputValue(), '16000000');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
