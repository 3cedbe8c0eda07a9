import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { closeBrowser, newContext, signIn } from '../lib/browser.js';
import { apiAs } from '../lib/api.js';

after(closeBrowser);

describe('the dashboard and the battle map', () => {
  it("shows a Qujing scheduler 2022 Q1's 394 projects started, 1254亿, and opens exactly those projects", async () => {
    const { context, page, errors } = await newContext();
    await signIn(page, 'reviewer.qujing', '/');
    await page.getByTestId('dashboard-ready').waitFor();
    await page.getByTestId('dashboard-year').click();
    await page.locator('.ant-select-item-option', { hasText: '2022年' }).click();
    await page.getByTestId('dashboard-quarter').click();
    await page.locator('.ant-select-item-option', { hasText: '第1季度' }).click();
    await page.waitForFunction(() => location.search.includes('year=2022') && location.search.includes('quarter=1'));
    await page.getByTestId('kpi-started-count').filter({ hasText: '394' }).waitFor();
    assert.equal(await page.getByTestId('kpi-started-total').innerText(), '1254亿元');
    assert.equal(await page.getByTestId('kpi-started-total').getAttribute('data-yuan'), '125400000000');

    await page.getByTestId('kpi-started-count').click();
    await page.getByTestId('project-total').filter({ hasText: '共 394 个项目' }).waitFor();
    const search = new URL(page.url()).searchParams;
    assert.deepEqual(Object.fromEntries(search), { region: '530300', startedFrom: '2022-01-01', startedTo: '2022-03-31' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('draws 16 prefectures; clicking Qujing lists its counties, ranked', async () => {
    const { context, page, errors } = await newContext();
    await signIn(page, 'reviewer.qujing', '/map?year=2022');
    await page.locator('[data-testid="battle-map"][data-map-regions="16"]').waitFor();
    const qujing = page.getByTestId('prefecture-table').locator('tr', { hasText: '曲靖市' });
    // A prefecture's own officer sees its row filled in, not the zeros of a region outside their area.
    const call = await apiAs('reviewer.qujing');
    const { total } = await call<{ total: { count: number } }>('POST', '/stats', { filter: { region: '530300' }, measures: ['count'] });
    assert.ok(total.count > 0);
    await qujing.locator('td', { hasText: new RegExp(`^${total.count.toLocaleString('zh-CN')}$`) }).waitFor();
    await qujing.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get('region') === '530300');
    const names = page.getByTestId('county-table').getByTestId('region-name');
    await names.first().waitFor();
    const listed = await names.allInnerTexts();
    const counties = await call<{ items: { name: string }[] }>('GET', '/regions?parent=530300');
    assert.deepEqual([...listed].sort(), counties.items.map((r) => r.name).sort());
    assert.ok(listed.includes('麒麟区') && listed.includes('宣威市'));
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("opens a Lijiang batch's figure as exactly the projects of the batch", async () => {
    const call = await apiAs('leader.lijiang');
    const { items } = await call<{ items: { id: number; name: string; projectIds: number[] }[] }>('GET', '/batches?region=530700');
    const batch = items.find((b) => b.name.includes('2022年第一季度'))!;
    assert.equal(batch.projectIds.length, 32);

    const { context, page, errors } = await newContext();
    await signIn(page, 'leader.lijiang', '/collections?tab=batches');
    const figure = page.getByTestId(`collection-count-${batch.id}`);
    await figure.filter({ hasText: '32' }).waitFor();
    await figure.click();
    await page.getByTestId('project-total').filter({ hasText: '共 32 个项目' }).waitFor();
    assert.deepEqual(Object.fromEntries(new URL(page.url()).searchParams), { batch: String(batch.id) });
    // All of them on one page, to compare with the batch itself.
    await page.goto(`${new URL(page.url()).pathname}${new URL(page.url()).search}&pageSize=50`);
    await page.locator('.ant-table-row').nth(31).waitFor();
    const ids = await page.locator('.ant-table-row a[href^="/projects/"]').evaluateAll((as) => as.map((a) => Number(a.getAttribute('href')!.split('/')[2])));
    assert.equal(await page.locator('.ant-table-row').count(), 32);
    assert.deepEqual([...ids].sort((a, b) => a - b), [...batch.projectIds].sort((a, b) => a - b));
    assert.deepEqual(errors, []);
    await context.close();
  });
});
