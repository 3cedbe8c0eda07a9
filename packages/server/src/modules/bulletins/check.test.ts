import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yuanInUnit } from '@guatu/core';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

/** The source report and its figures, beside the repository in ../shared. */
const SOURCE = readFileSync(new URL('../../../../../../shared/reference/yunnan-daily-2022-02-27.md', import.meta.url), 'utf8');
const FIGURES: { id: string; region: string; value: string | number; kind: string }[] = JSON.parse(
  readFileSync(new URL('../../../../../../shared/product/article-figures.json', import.meta.url), 'utf8'),
).figures;

let t: TestContext;
let province: TestUser;

type Checked = { text: string; start: number; end: number; status: string; value: string; dataText: string | null; sentence: string; request: { filter: { region?: string } } | null; unresolved: { rule: string }[] };
const check = async (text: string, as: TestUser = province, extra: object = {}) => {
  const res = await t.call(as, 'POST', '/api/v1/bulletins/check', { text, ...extra });
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
  return res.body as { summary: Record<string, number>; figures: Checked[]; date: string; dateFrom: string };
};

let original: Checked[];

beforeAll(async () => {
  t = await startTestApp({ demo: true });
  province = await t.user('530000', 'leader');
  original = (await check(SOURCE)).figures;
});
afterAll(() => t.close());

describe('checking the source report against the demo province', () => {
  it('marks every project, batch and funds figure of the report a match, in its region', () => {
    const wanted = FIGURES.filter((f) => ['project-stat', 'batch-stat', 'funds-stat'].includes(f.kind));
    expect(wanted.length).toBe(26);
    for (const f of wanted) {
      const found = original.filter((c) => c.status === 'matches' && c.value === String(f.value) && c.request?.filter.region === f.region);
      expect(found.length, f.id).toBeGreaterThan(0);
    }
  });

  it('marks no figure a match that it did not trace, and never the plan targets', () => {
    for (const c of original.filter((x) => x.status === 'matches')) expect(c.request && c.unresolved.length === 0, c.text).toBe(true);
    const plans = original.filter((c) => /规划|预计|约需|力争|5G|行动计划/.test(c.sentence));
    expect(plans.map((c) => c.text)).toEqual(['3692个', '3692个', '3692个', '15万套', '300个', '60个', '35片', '3000.55亿元', '692亿元', '100个', '19个', '4个', '40%', '50%', '5个', '30家', '100个', '3个以上']);
    expect(plans.filter((c) => c.status !== 'untraceable')).toEqual([]);
    expect(plans.every((c) => c.unresolved.length > 0)).toBe(true);
  });

  it('finds each figure where it stands in the submitted text', () => {
    expect(original).toHaveLength(50);
    for (const c of original) expect(SOURCE.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads the draft’s date from its front matter', async () => {
    const res = await check(SOURCE);
    expect(res).toMatchObject({ date: '2022-02-27', dateFrom: 'frontMatter' });
  });
});

describe('a copy of the report with some figures changed', () => {
  const CHANGES: [string, string, string][] = [
    ['曲靖市一季度开工重大项目394个', '曲靖市一季度开工重大项目395个', '394个'],
    ['总投资1254亿元', '总投资1264亿元', '1254亿元'],
    ['能源以外工业项目141个', '能源以外工业项目114个', '141个'],
    ['1月共引进省外到位资金57.15亿元', '1月共引进省外到位资金57.51亿元', '57.15亿元'],
    ['同比增长36.85%', '同比增长38.65%', '36.85%'],
    ['库存资金830亿元', '库存资金803亿元', '830亿元'],
    ['共计32项', '共计33项', '32项'],
    ['装机总规模83.2万千瓦', '装机总规模82.3万千瓦', '83.2万千瓦'],
    ['年均实现税收8674万元', '年均实现税收8647万元', '8674万元'],
  ];

  it('marks exactly the changed figures as differing, with the values in the data', async () => {
    let copy = SOURCE;
    for (const [from, to] of CHANGES) {
      expect(copy.split(from).length, from).toBe(2);
      copy = copy.replace(from, to);
    }
    const changed = (await check(copy)).figures;
    expect(changed).toHaveLength(original.length);
    const edited = changed.flatMap((c, i) => (c.text !== original[i]!.text ? [i] : []));
    expect(edited).toHaveLength(CHANGES.length);
    // The edited figures differ, and the data says what the report said; everything else reads as it did.
    expect(edited.map((i) => [changed[i]!.text, changed[i]!.status, changed[i]!.dataText])).toEqual(CHANGES.map(([from, to, data]) => [to.slice(from.length - data.length), 'differs', data]));
    expect(changed.filter((_, i) => !edited.includes(i)).map((c) => c.status)).toEqual(original.filter((_, i) => !edited.includes(i)).map((c) => c.status));
  });
});

describe('drafts about other prefectures and months', () => {
  const stats = async (filter: object, measures: string[]) => (await t.call(province, 'POST', '/api/v1/stats', { filter, measures })).body.total;
  const yi = (yuan: string) => yuanInUnit(yuan, '亿元', 2);
  const growth = (pct: string) => (pct.startsWith('-') ? `同比下降${pct.slice(1)}%` : `同比增长${pct}%`);

  it('are read by the same words, and checked against the data', async () => {
    const km = await stats({ region: '530100', startedFrom: '2022-05-01', startedTo: '2022-05-31' }, ['count', 'totalInvestment']);
    const yx = await stats({ region: '530400' }, ['fundsInPlace:2022-08..2022-08:outOfProvince', 'yoy:fundsInPlace:2022-08..2022-08:outOfProvince']);
    const dl = await stats({ region: '532900', signedFrom: '2022-04-01', signedTo: '2022-06-30' }, ['count', 'agreementAmount']);
    const qj = await stats({ region: '530300', categories: ['culture-tourism'], startedFrom: '2022-01-01', startedTo: '2022-09-10' }, ['count']);
    expect(km.count).toBeGreaterThan(0);
    expect(yx['yoy:fundsInPlace:2022-08..2022-08:outOfProvince']).not.toBeNull();
    const right = [
      '---',
      'date: 2022-09-10',
      '---',
      `昆明市5月开工项目${km.count}个，总投资${yi(km.totalInvestment)}亿元。`,
      `玉溪市8月引进省外到位资金${yi(yx['fundsInPlace:2022-08..2022-08:outOfProvince'])}亿元，${growth(yx['yoy:fundsInPlace:2022-08..2022-08:outOfProvince'])}。`,
      `大理州二季度签约项目${dl.count}个，协议总额${yi(dl.agreementAmount)}亿元。`,
      `今年以来，曲靖市开工文化旅游项目${qj.count}个。`,
    ].join('\n');
    const good = await check(right);
    expect(good.figures.map((c) => c.status)).toEqual(Array(7).fill('matches'));
    const wrong = right.replace(`开工项目${km.count}个`, `开工项目${km.count + 3}个`).replace(`签约项目${dl.count}个`, `签约项目${dl.count + 1}个`);
    const bad = await check(wrong);
    expect(bad.figures.map((c) => [c.status, c.dataText])).toEqual([
      ['differs', `${km.count}个`],
      ['matches', expect.any(String)],
      ['matches', expect.any(String)],
      ['matches', expect.any(String)],
      ['differs', `${dl.count}个`],
      ['matches', expect.any(String)],
      ['matches', expect.any(String)],
    ]);
  });
});

describe('POST /api/v1/bulletins/check', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/bulletins/check', { text: SOURCE })).status).toBe(401);
  });

  it('answers 400 naming the field', async () => {
    const empty = await t.call(province, 'POST', '/api/v1/bulletins/check', { text: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.issues[0]).toMatchObject({ field: 'text', rule: 'tooShort' });
    const region = await t.call(province, 'POST', '/api/v1/bulletins/check', { text: '一季度开工项目394个。', region: '539999' });
    expect(region.body.issues[0]).toMatchObject({ field: 'region', rule: 'region.unknown' });
  });

  it('checks only within the user’s region: figures of other regions cannot be traced, never compared', async () => {
    const qilin = await t.user('530302', 'press');
    const res = await check(SOURCE, qilin);
    expect(res.summary.matches).toBe(0);
    expect(res.figures.filter((c) => c.request?.filter.region === '530300').every((c) => c.status === 'untraceable' && c.unresolved.some((u) => u.rule === 'region.outOfScope'))).toBe(true);
  });

  it('takes the region and date of a draft that does not say them', async () => {
    const qujing = await t.user('530300', 'press');
    const res = await check('一季度开工重大项目394个、总投资1254亿元。', qujing, { region: '530300', date: '2022-02-27' });
    expect(res).toMatchObject({ date: '2022-02-27', dateFrom: 'request', summary: { figures: 2, matches: 2 } });
  });
});
