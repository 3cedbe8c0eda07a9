import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { closeBrowser, DESKTOP, newContext, PHONE, screenshot, settle, signIn } from '../lib/browser.js';
import { apiAs, createProject } from '../lib/api.js';

after(closeBrowser);

/** The source report (Yunnan Daily, 2022-02-27), kept in the repository so the test needs nothing beside it. */
const SOURCE = readFileSync(new URL('../fixtures/yunnan-daily-2022-02-27.md', import.meta.url), 'utf8');
const QUARTER_STARTS = '州（市）季度开工情况';

async function choose(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

let bulletinId = 0;

describe('通报 and 核数', () => {
  it('the Qujing press office generates the 2022 Q1 bulletin, traces a figure to its projects, prints it and checks the source report', async () => {
    const { context, page, errors } = await newContext();
    await signIn(page, 'press.qujing', '/bulletins');

    // Generate: the template, Qujing (the user's own region, preselected) and 2022 Q1.
    await choose(page, '模板', QUARTER_STARTS);
    await choose(page, '年份', '2022年');
    await choose(page, '期间', '一季度');
    await page.getByTestId('generate').click();
    await page.waitForURL(/\/bulletins\/\d+$/);
    bulletinId = Number(/\/bulletins\/(\d+)$/.exec(page.url())![1]);
    const text = page.getByTestId('bulletin-text');
    await text.getByText('曲靖市2022年一季度开工重大项目394个、总投资1254亿元', { exact: false }).first().waitFor();
    const figures = text.getByTestId('bulletin-figure');
    // Every figure of the shipped template's three paragraphs is a link (an edited template may add more).
    assert.deepEqual(
      (await figures.evaluateAll((els) => els.map((e) => e.textContent))).slice(0, 12),
      ['394', '394', '1254', '364', '585', '369', '23', '107', '141', '163', '24', '13'],
    );
    await settle(page);
    await screenshot(page, 'bulletin-view-desktop');

    // A figure's popover states its query; its drill-down lists exactly the projects behind it.
    const energy = text.locator('[data-figure="energy"]');
    await energy.hover();
    const popover = page.getByTestId('figure-popover');
    await popover.getByText('能源工业项目数：23').waitFor();
    await popover.getByTestId('figure-query').getByText('能源工业').waitFor();
    await screenshot(page, 'bulletin-figure-popover-desktop', false);
    await popover.getByTestId('figure-drill-open').click();
    const drill = page.getByTestId('figure-drill');
    await drill.getByText('生成时（数据版本').waitFor();
    await drill.getByText('计入此数字的 23 条记录').waitFor();
    const rows = drill.getByTestId('drill-projects').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 10, 'the first page of the 23 projects');
    for (const row of await rows.allInnerTexts()) {
      assert.match(row, /^\d{4}-5303\d\d-/, 'each row starts with its Qujing project code');
      assert.match(row, /能源工业/);
      assert.match(row, /\d+(\.\d+)?(万|亿)元/, 'amounts in 万元/亿元');
    }
    await settle(page);
    await screenshot(page, 'bulletin-drill-desktop', false);
    await page.locator('.ant-drawer-close').click();
    await drill.waitFor({ state: 'hidden' });

    // The printable page opens in its own tab, with the same text.
    const [print] = await Promise.all([context.waitForEvent('page'), page.getByTestId('print-link').click()]);
    await print.waitForLoadState();
    assert.equal(await print.locator('h1').innerText(), '曲靖市2022年一季度开工重大项目394个');
    assert.match(await print.locator('article').innerText(), /开工产业项目364(\[\d+\])?个、总投资585(\[\d+\])?亿元/);
    await screenshot(print, 'bulletin-print-desktop');
    // Its sources link each figure's projects into the project library…
    await print.getByRole('link', { name: '项目清单（394）' }).first().click();
    await print.getByTestId('project-total').getByText('394').waitFor();
    // …and the API's link to the figure's query opens it, asked of the engine now.
    const { figures: stored } = await (await apiAs('press.qujing'))<{ figures: { links: { stats: string } }[] }>('GET', `/bulletins/${bulletinId}`);
    await print.goto(stored[0]!.links.stats);
    await print.getByTestId('stats-answer').getByText('394').waitFor();
    await settle(print);
    await screenshot(print, 'bulletin-stats-query-desktop');
    await print.close();

    // Compared with the data now: the other tests change nothing of 2022, so no figure moved.
    await page.getByTestId('compare').click();
    await page.getByTestId('compare-summary').getByText('所有数字均未变化').waitFor();
    await page.getByTestId('figure-table').getByText('未变化').first().waitFor();
    await screenshot(page, 'bulletin-compare-desktop');

    // The list shows the bulletin with its data version.
    await page.goto('/bulletins');
    const listed = page.getByTestId('bulletin-list').locator('tr', { hasText: '曲靖市2022年一季度开工重大项目394个' });
    await listed.first().waitFor();
    assert.match(await listed.first().innerText(), /（第\d+版）\t\d+\t/, 'with its template version and data version');
    await settle(page);
    await screenshot(page, 'bulletins-desktop');

    // 核数: the source report pasted in; every figure is marked, and the summary counts them.
    await page.goto('/figure-check');
    await page.getByTestId('check-text').fill(SOURCE);
    await page.getByTestId('check-run').click();
    const summary = page.getByTestId('check-summary');
    await summary.waitFor();
    const [, total, matches, differs, untraceable] = /共找到 (\d+) 个数字：一致 (\d+) 个，不一致 (\d+) 个，无法追溯 (\d+) 个/.exec(await summary.innerText())!.map(Number);
    assert.equal(total, 50);
    assert.equal(matches! + differs! + untraceable!, total);
    // Qujing's figures match; Honghe's and Lijiang's lie outside the user's scope and cannot be traced.
    assert.equal(matches, 12);
    const marks = page.getByTestId('check-draft').getByTestId('check-mark');
    assert.equal(await marks.count(), total);
    const statuses = await marks.evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    assert.equal(statuses.filter((s) => s === 'matches').length, matches);
    assert.equal(statuses.filter((s) => s === 'untraceable').length, untraceable);
    assert.equal(await page.getByTestId('check-draft').locator('.check-mark.matches', { hasText: '1254亿元' }).count(), 1);
    assert.match(await page.getByTestId('check-table').innerText(), /不在您的管辖范围内/);
    await settle(page);
    await screenshot(page, 'figure-check-desktop');

    // An uploaded HTML draft with a wrong figure: it differs, and the value in the data is shown.
    await page.getByRole('button', { name: /修改稿件/ }).click();
    const draft = '<p><strong>曲靖开工</strong></p><p>曲靖市一季度开工重大项目395个、总投资1254亿元。</p>';
    await page.locator('input[type=file]').setInputFiles({ name: 'draft.html', mimeType: 'text/html', buffer: Buffer.from(draft) });
    await page.waitForFunction(() => (document.querySelector('[data-testid="check-text"]') as HTMLTextAreaElement | null)?.value.startsWith('<p>'));
    await page.getByLabel('稿件日期').fill('2022-04-10');
    // Enter confirms the date and submits the form; 一季度 is read as 2022's.
    await page.getByLabel('稿件日期').press('Enter');
    await page.getByTestId('check-summary').getByText('共找到 2 个数字：一致 1 个，不一致 1 个，无法追溯 0 个').waitFor();
    await page.getByTestId('check-draft').locator('.check-mark.differs', { hasText: '395个' }).waitFor();
    assert.doesNotMatch(await page.getByTestId('check-draft').innerText(), /<p>/, 'the draft shows without its tags');
    await page.getByTestId('check-data-value').getByText('394个').waitFor();
    await screenshot(page, 'figure-check-differs-desktop');

    assert.deepEqual(errors, []);
    await context.close();
  });

  it('an administrator edits a template; saving makes a new version and the bulletin already generated keeps its text', async () => {
    const { context, page, errors } = await newContext();
    await signIn(page, 'admin.yunnan', '/bulletin-templates');
    await page.getByTestId('template-list').getByRole('link', { name: QUARTER_STARTS }).click();
    await page.getByTestId('template-versioning').getByText('已生成的通报保留生成时的文字和数字').waitFor();
    await settle(page);
    await screenshot(page, 'bulletin-template-desktop');
    await screenshot(page, 'bulletin-template-top-desktop', false);

    const version = Number(/第(\d+)版/.exec(await page.locator('.guatu-page-header').innerText())![1]);
    const paragraphs = page.getByTestId('template-paragraph');
    const before = await paragraphs.count();
    await page.getByRole('button', { name: /添加段落/ }).click();
    await paragraphs.nth(before).locator('textarea').fill('{{region}}{{periodFull}}开工产业项目{{industry}}个，数据截至{{periodEnd}}。');
    await page.getByTestId('template-save').click();
    await page.getByText(`已保存为第${version + 1}版`).waitFor();
    await page.getByRole('link', { name: new RegExp(`第${version + 1}版`) }).waitFor();

    // A figure with a filter that is not JSON is refused on its own field.
    await page.getByTestId('template-figure').first().locator('textarea').fill('{region');
    await page.getByTestId('template-save').click();
    await page.getByText('不是有效的 JSON 对象').waitFor();

    const press = await apiAs('press.qujing');
    const kept = await press<{ templateVersion: number; paragraphs: unknown[] }>('GET', `/bulletins/${bulletinId}`);
    assert.equal(kept.templateVersion, version);
    assert.equal(kept.paragraphs.length, before);

    // A prefecture administrator may not change the province's template, but may copy it to adapt.
    await page.getByRole('button', { name: /退出登录/ }).click();
    await signIn(page, 'admin.qujing', '/bulletin-templates');
    await page.getByTestId('template-list').getByRole('link', { name: QUARTER_STARTS, exact: true }).click();
    await page.getByText('此模板属于云南省，您只能查看和使用。').waitFor();
    assert.equal(await page.getByTestId('template-save').count(), 0);
    await page.getByTestId('template-copy').click();
    await page.getByLabel('模板代码').fill(`quarter-starts-qj-${Date.now() % 1_000_000}`);
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定|OK/ }).click();
    await page.getByTestId('template-versioning').waitFor();
    await page.getByTestId('template-save').waitFor();
    assert.match(await page.locator('.guatu-page-header').innerText(), /曲靖市州（市）季度开工情况[\s\S]*第1版[\s\S]*曲靖市/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('comparing a bulletin with the data now marks the figures that moved since it was generated', async () => {
    // 麒麟区 in 2024 Q2, away from the source report's 2022: a project started afterwards moves its count.
    const press = await apiAs('press.qujing');
    const templates = await press<{ items: { id: number; name: string }[] }>('GET', '/bulletin-templates');
    const template = templates.items.find((x) => x.name === QUARTER_STARTS)!;
    const bulletin = await press<{ id: number; figures: { key: string; value: number | string }[] }>('POST', '/bulletins', { templateId: template.id, regionCode: '530302', period: '2024-Q2' });
    const started = Number(bulletin.figures.find((f) => f.key === 'started')!.value);
    await createProject('reporter.qilin', '530302', '麒麟区新型储能电池材料项目');

    const { context, page, errors } = await newContext();
    await signIn(page, 'press.qujing', `/bulletins/${bulletin.id}`);
    await page.getByTestId('compare').click();
    await page.getByTestId('compare-summary').getByText(/个数字有变化/).waitFor();
    const changed = page.getByTestId('bulletin-text').locator('[data-figure="started"] .figure-changed').first();
    await changed.waitFor();
    assert.equal(await changed.innerText(), String(started));
    await page.getByTestId('bulletin-text').locator('[data-figure="started"] .figure-now').first().getByText(`→${started + 1}`).waitFor();
    const row = page.getByTestId('figure-table').locator('tr', { hasText: '开工重大项目数' });
    assert.match(await row.innerText(), /已变化/);
    assert.match(await row.innerText(), /新增 1 条、减少 0 条记录/);
    await settle(page);
    await screenshot(page, 'bulletin-compare-changed-desktop');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the bulletin screens fit a phone and a desktop, in Chinese', async () => {
    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page, errors } = await newContext(viewport);
      for (const [user, path, name] of [
        ['press.qujing', '/bulletins', 'bulletins'],
        ['press.qujing', `/bulletins/${bulletinId}`, 'bulletin-view'],
        ['press.qujing', '/figure-check', 'figure-check-form'],
        ['admin.yunnan', '/bulletin-templates', 'bulletin-templates'],
      ] as const) {
        await context.clearCookies();
        await signIn(page, user, path);
        await page.goto(path);
        await settle(page);
        await page.waitForTimeout(300);
        if (size === 'phone') await screenshot(page, `${name}-${size}`);
        else if (name === 'bulletin-templates' || name === 'figure-check-form') await screenshot(page, `${name}-${size}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 1, `${name} at ${size} is ${overflow}px wider than the screen`);
        assert.match(await page.locator('body').innerText(), /[\u4e00-\u9fff]/);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
});

before(async () => {
  // Nothing to set up: the demo province holds the source report's data, and the shipped templates.
});
