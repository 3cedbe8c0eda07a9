import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { closeBrowser, newContext, signIn } from '../lib/browser.js';
import { createProject } from '../lib/api.js';

after(closeBrowser);

describe('挂图销号', () => {
  it('a problem is raised, resolved, ticked off from the battle map, and leaves its open list', async () => {
    const project = await createProject('reporter.qilin', '530302', '麒麟区城市更新老旧小区改造项目', { categoryCode: 'old-communities' });
    const title = `施工用地手续未办结 ${project.code.slice(-6)}`;
    const { context, page, errors } = await newContext();

    // The prefecture scheduler raises it on the project.
    await signIn(page, 'reviewer.qujing', `/projects/${project.id}`);
    await page.getByRole('button', { name: /提出问题/ }).click();
    await page.getByLabel('问题标题').fill(title);
    await page.getByLabel('责任单位').fill('麒麟区自然资源局');
    await page.getByLabel('责任领导').fill('王副区长');
    // Due long ago, so it heads the battle map's list (overdue first, by due date).
    await page.getByLabel('完成时限').fill('2021-06-30');
    await page.getByLabel('完成时限').press('Enter');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('tab', { name: '问题' }).click();
    await page.getByTestId('problem-list').getByText(title).waitFor();

    // The county resolves it with a resolution.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await signIn(page, 'reporter.qilin', '/problems');
    const row = page.getByTestId('problem-list').locator('tr', { hasText: title });
    await row.getByTestId('problem-resolve').click();
    await page.getByTestId('problem-action-text').fill('已完成用地预审，取得不动产权证');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByTestId('problem-list').locator('tr', { hasText: title }).getByText('待确认').waitFor();

    // The raiser ticks it off from the battle map's open list, and it leaves the list.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await signIn(page, 'reviewer.qujing', '/map');
    const item = page.getByTestId('open-item').filter({ hasText: title });
    await item.waitFor();
    await item.getByTestId('problem-confirm').click();
    await item.waitFor({ state: 'detached' });
    await page.goto('/problems?status=closed');
    await page.getByTestId('problem-list').locator('tr', { hasText: title }).getByText('已销号').waitFor();
    assert.deepEqual(errors, []);
    await context.close();
  });
});
