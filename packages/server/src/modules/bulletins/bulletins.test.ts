import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sumYuan } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia } from '../../test/fixtures.js';

/** The source report's figures, beside the repository: ../shared/product/article-figures.json. */
const FIGURES_FILE = new URL('../../../../../../shared/product/article-figures.json', import.meta.url);
const article = new Map<string, string>((JSON.parse(readFileSync(FIGURES_FILE, 'utf8')).figures as { id: string; value: string | number }[]).map((f) => [f.id, String(f.value)]));

/** The quarterly start-up template's figures and the source report's figures they state for Qujing. */
const QUJING_FIGURES: Record<string, string> = {
  started: 'qj-q1-started-count',
  startedTotal: 'qj-q1-started-total',
  industry: 'qj-q1-industry-count',
  industryTotal: 'qj-q1-industry-total',
  industryPlan: 'qj-q1-industry-plan2022',
  energy: 'qj-q1-energy-industry-count',
  energyPlan: 'qj-q1-energy-industry-plan2022',
  otherIndustry: 'qj-q1-other-industry-count',
  otherIndustryPlan: 'qj-q1-other-industry-plan2022',
  over500m: 'qj-q1-industry-over-500m',
  over1b: 'qj-q1-industry-over-1b',
};

let t: TestContext;
let press: TestUser;
let provinceAdmin: TestUser;
const templates: Record<string, number> = {};
let qujing: any;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  press = await t.user('530300', 'press');
  provinceAdmin = await t.user('530000', ['admin', 'press']);
  for (const item of (await t.call(press, 'GET', '/api/v1/bulletin-templates')).body.items) templates[item.code] = item.id;
  qujing = (await t.call(press, 'POST', '/api/v1/bulletins', { templateId: templates['prefecture-quarter-starts'], regionCode: '530300', period: '2022-Q1', date: '2022-04-02' })).body;
});
afterAll(() => t.close());

async function sumOfPlans(ids: number[], year: number): Promise<string> {
  const result = await t.database.db.execute(sql`select amount from project_annual_plans where year = ${year} and project_id in ${ids}`);
  return sumYuan((result as unknown as { rows: { amount: string }[] }).rows.map((r) => r.amount));
}

describe('a bulletin for Qujing, 2022 Q1, from the demo province', () => {
  it('states the source report’s Qujing figures', () => {
    expect(qujing.title).toBe('曲靖市2022年一季度开工重大项目394个');
    const values = Object.fromEntries(qujing.figures.map((f: { key: string; value: unknown }) => [f.key, String(f.value)]));
    expect(values).toEqual(Object.fromEntries(Object.entries(QUJING_FIGURES).map(([key, id]) => [key, article.get(id)])));
    expect(qujing.paragraphs[1].segments.map((s: { text: string }) => s.text).join('')).toBe(
      '曲靖市2022年一季度开工重大项目394个、总投资1254亿元，开工产业项目364个、总投资585亿元，年度计划完成投资369亿元。',
    );
    // The web app links each figure of the text through its key.
    expect(qujing.paragraphs[1].segments.filter((s: { figure?: string }) => s.figure).map((s: { figure: string }) => s.figure)).toEqual(['started', 'startedTotal', 'industry', 'industryTotal', 'industryPlan']);
  });

  it('is Markdown with the front matter of the press office’s posts, each figure linked to its projects and its query', () => {
    const md: string = qujing.markdown;
    expect(md.split('\n').slice(0, 7)).toEqual(['---', 'layout: post', 'title: "曲靖市2022年一季度开工重大项目394个"', expect.stringMatching(/^date: 2022-04-02 \d\d:\d\d:\d\d \+0800$/), 'categories: guatu', 'tags: 重大项目调度 项目开工', '---']);
    for (const f of qujing.figures) {
      const link = new RegExp(`\\[${f.text}\\]\\(/projects\\?filter=([^)]+)\\)\\[\\^${f.key}\\]`).exec(md);
      expect(link, f.key).not.toBeNull();
      expect(JSON.parse(decodeURIComponent(link![1]!))).toEqual(f.request.filter);
      expect(md).toContain(`[^${f.key}]: ${f.label}：`);
      expect(md).toContain(`(/api/v1/bulletins/${qujing.id}/figures/${f.key})`);
    }
  });

  it('links every figure to a drill-down that lists exactly the projects behind it', async () => {
    for (const f of qujing.figures) {
      const drill = await t.call(press, 'GET', `${f.links.figure}?pageSize=500`);
      expect(drill.status).toBe(200);
      const ids: number[] = drill.body.records.ids;
      expect(drill.body.records.projects.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      // The same projects as the project list with the figure's filter, the web app's drill-down.
      const list = await t.call(press, 'POST', '/api/v1/projects/search', { filter: f.request.filter, pageSize: 500 });
      expect(list.body.items.map((p: { id: number }) => p.id).sort((a: number, b: number) => a - b), f.key).toEqual([...ids].sort((a, b) => a - b));
      // And those projects add up to the figure, counted and summed outside the engine.
      const [measure] = f.request.measures;
      if (measure === 'count') expect(ids.length, f.key).toBe(f.value);
      if (measure === 'totalInvestment') expect(sumYuan(drill.body.records.projects.map((p: { totalInvestment: string }) => p.totalInvestment)), f.key).toBe(f.value);
      if (measure === 'plannedInvestment:2022') expect(await sumOfPlans(ids, 2022), f.key).toBe(f.value);
    }
  });

  it('prints as a self-contained page: no scripts, nothing fetched from elsewhere', async () => {
    const page = await t.call(press, 'GET', `/api/v1/bulletins/${qujing.id}/print`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const html = String(page.body);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(|src=|https?:/i);
    expect(html).toContain('<h1>曲靖市2022年一季度开工重大项目394个</h1>');
    expect(html).toMatch(/开工重大项目<a href="\/projects\?filter=[^"]+" title="开工重大项目数">394<\/a><sup><a href="#f1">\[1\]<\/a><\/sup>个/);
  });

  it('is read back by the figure check with every figure a match', async () => {
    const check = await t.call(press, 'POST', '/api/v1/bulletins/check', { text: qujing.markdown });
    expect(check.body.summary).toEqual({ figures: 12, matches: 12, differs: 0, untraceable: 0 });
  });
});

describe('the other shipped templates', () => {
  const read = async (as: TestUser, body: object) => {
    const res = await t.call(as, 'POST', '/api/v1/bulletins', { date: '2022-04-02', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const check = await t.call(as, 'POST', '/api/v1/bulletins/check', { text: res.body.markdown });
    expect(check.body.figures.filter((f: { status: string }) => f.status !== 'matches').map((f: any) => [f.text, f.sentence, f.request, f.dataText, f.unresolved])).toEqual([]);
    return { bulletin: res.body, text: res.body.paragraphs.map((p: { segments: { text: string }[] }) => p.segments.map((s) => s.text).join('')) };
  };

  it('writes Lijiang’s concentrated start, found by region and period', async () => {
    const { bulletin, text } = await read(provinceAdmin, { templateId: templates['concentrated-start'], regionCode: '530700', period: '2022-Q1' });
    expect(bulletin.title).toBe('丽江市2022年第一季度重点项目暨新能源+绿氢（9+1）智慧工厂项目集中开工');
    expect(text[0]).toBe('丽江32项重点项目集中开工');
    expect(text[2]).toBe('据介绍，丽江市2022年一季度集中开工的项目共计32项，总投资482.9亿元。2022年计划完成投资145.4亿元，其中市直项目9项，总投资406.2亿元，年度计划完成投资119亿元。');
  });

  it('writes Honghe’s out-of-province funds of January 2022 with their growth', async () => {
    const { text } = await read(provinceAdmin, { templateId: templates['monthly-funds'], regionCode: '532500', period: '2022-01' });
    expect(text[0]).toBe('红河1月引进省外到位资金57.15亿元');
    expect(text[1]).toMatch(/^2022年1月，红河哈尼族彝族自治州共引进省外到位资金57\.15亿元，同比增长36\.85%；/);
  });

  it('writes the progress of Honghe’s 2022 key list', async () => {
    const { text } = await read(provinceAdmin, { templateId: templates['key-list-progress'], regionCode: '532500', period: '2022-Q1' });
    expect(text[1]).toMatch(/^截至2022年3月31日，红河州2022年重点招商引资项目共有项目100个，总投资[\d.]+亿元，2022年计划完成投资[\d.]+亿元。$/);
  });

  it('asks which batch when a region held several in the period', async () => {
    const res = await t.call(provinceAdmin, 'POST', '/api/v1/bulletins', { templateId: templates['concentrated-start'], regionCode: '530000', period: '2022-Q1' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'batch', rule: 'bulletin.batchMany' });
  });
});

describe('a bulletin stays as it was generated', () => {
  it('keeps its text when the template changes, and names the version it came from', async () => {
    const admin = await t.user('530000', 'admin');
    const template = (await t.call(admin, 'GET', `/api/v1/bulletin-templates/${templates['prefecture-quarter-starts']}`)).body;
    const body = { ...template.body, title: '{{region}}{{periodFull}}重大项目开工情况' };
    const changed = await t.call(admin, 'PATCH', `/api/v1/bulletin-templates/${template.id}`, { version: template.version, body });
    expect(changed.status).toBe(200);
    const before = await t.call(press, 'GET', `/api/v1/bulletins/${qujing.id}`);
    expect(before.body).toMatchObject({ title: qujing.title, markdown: qujing.markdown, templateVersion: template.version });
    const after = await t.call(press, 'POST', '/api/v1/bulletins', { templateId: template.id, regionCode: '530300', period: '2022-Q1' });
    expect(after.body).toMatchObject({ title: '曲靖市2022年一季度重大项目开工情况', templateVersion: template.version + 1 });
  });

  it('compares with the data now: which figures moved and which projects came onto them', async () => {
    const reporter = await t.user('530302', 'reporter');
    const added = await createProjectVia(t, reporter, { startedOn: '2022-03-15', categoryCode: 'energy-industry', totalInvestment: '600000000', annualPlans: [{ year: 2022, amount: '100000000' }] });
    const res = await t.call(press, 'GET', `/api/v1/bulletins/${qujing.id}/compare`);
    expect(res.status).toBe(200);
    expect(res.body.now.dataVersion).toBeGreaterThan(res.body.generated.dataVersion);
    const byKey = Object.fromEntries(res.body.figures.map((f: { key: string }) => [f.key, f]));
    expect(byKey.started).toMatchObject({ then: { value: 394, text: '394' }, now: { value: 395, text: '395' }, changed: true, added: [added.id], removed: [] });
    expect(byKey.startedTotal).toMatchObject({ then: { text: '1254' }, now: { text: '1260' }, changed: true });
    expect(byKey.otherIndustry).toMatchObject({ changed: false, added: [] });
    expect(res.body.changed).toBe(8);
    // The bulletin itself does not move.
    expect((await t.call(press, 'GET', `/api/v1/bulletins/${qujing.id}`)).body.figures.find((f: { key: string }) => f.key === 'started')).toMatchObject({ value: 394 });
  });
});

describe('bulletin routes', () => {
  it('answer 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/bulletins', { templateId: 1, regionCode: '530300', period: '2022-Q1' })).status).toBe(401);
    for (const path of ['', `/${qujing.id}`, `/${qujing.id}/print`, `/${qujing.id}/compare`, `/${qujing.id}/figures/started`]) {
      expect((await t.call(null, 'GET', `/api/v1/bulletins${path}`)).status, path).toBe(401);
    }
  });

  it('answer 404 for a bulletin outside the user’s region, and 403 for writing one about another region', async () => {
    const honghe = await t.user('532500', ['press', 'admin']);
    for (const path of [`/${qujing.id}`, `/${qujing.id}/print`, `/${qujing.id}/compare`, `/${qujing.id}/figures/started`]) {
      expect((await t.call(honghe, 'GET', `/api/v1/bulletins${path}`)).status, path).toBe(404);
    }
    expect((await t.call(honghe, 'GET', '/api/v1/bulletins')).body.items.map((b: { id: number }) => b.id)).not.toContain(qujing.id);
    const other = await t.call(press, 'POST', '/api/v1/bulletins', { templateId: templates['monthly-funds'], regionCode: '532500', period: '2022-01' });
    expect(other.status).toBe(403);
    expect(other.body.issues[0]).toMatchObject({ field: 'regionCode', rule: 'region.outOfScope' });
    expect((await t.call(await t.user('530300', 'leader'), 'POST', '/api/v1/bulletins', { templateId: templates['monthly-funds'], regionCode: '530300', period: '2022-01' })).status).toBe(403);
  });

  it('answer 400 naming the field', async () => {
    const res = await t.call(press, 'POST', '/api/v1/bulletins', { templateId: templates['prefecture-quarter-starts'], regionCode: '530300', period: '2022-Q5' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'period', rule: 'bulletin.period' });
    expect((await t.call(press, 'GET', `/api/v1/bulletins/${qujing.id}/figures/nothing`)).status).toBe(404);
    expect((await t.call(press, 'GET', '/api/v1/bulletins?pageSize=0')).status).toBe(400);
  });

  it('list the region’s bulletins, latest first', async () => {
    const res = await t.call(press, 'GET', '/api/v1/bulletins?region=530300');
    expect(res.status).toBe(200);
    expect(res.body.items.at(-1)).toMatchObject({ id: qujing.id, regionName: '曲靖市', period: '2022-Q1', templateVersion: 1 });
  });
});
