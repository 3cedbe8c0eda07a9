import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { closeBrowser, newContext, signIn } from '../lib/browser.js';
import { createProject } from '../lib/api.js';

after(closeBrowser);

describe('signing in and the shell', () => {
  it('refuses a wrong password with a message, and signs a Qujing scheduler in to their region', async () => {
    const { context, page, errors } = await newContext();
    await page.goto('/projects');
    await page.waitForFunction(() => location.pathname === '/login' && location.search === '?next=%2Fprojects');
    await page.getByLabel('用户名').fill('reviewer.qujing');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();

    await signIn(page, 'reviewer.qujing', '/projects');
    await page.waitForFunction(() => location.pathname === '/projects');
    assert.equal(await page.getByTestId('user-region').textContent(), '曲靖市');
    const menu = await page.locator('.ant-menu').innerText();
    assert.match(menu, /月报审核/);
    assert.doesNotMatch(menu, /月度填报/, 'a reviewer has no reporting worklist');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: /Projects/ }).waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForFunction(() => location.pathname === '/login');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows a county reporter the not-found page for another county's project", async () => {
    const theirs = await createProject('reporter.gucheng', '530702', '古城区文旅融合示范项目');
    const { context, page, errors } = await newContext();
    await signIn(page, 'reporter.qilin', `/projects/${theirs.id}`);
    await page.getByTestId('not-found').waitFor();
    assert.equal(await page.getByTestId('project-name').count(), 0);
    // The project's owner sees it at the same address.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await signIn(page, 'reporter.gucheng', `/projects/${theirs.id}`);
    assert.equal(await page.getByTestId('project-name').textContent(), '古城区文旅融合示范项目');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
