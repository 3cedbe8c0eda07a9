import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES } from './catalog.js';
import { readDraft } from './draft-text.js';
import { buildVocabulary, type VocabularyData } from './figure-words.js';
import { readFigures } from './figure-reading.js';
import { compareFigure, figureQuery } from './figure-query.js';
import { findFigures } from './draft-figures.js';

const region = (code: string, name: string, shortName: string, level: 'province' | 'prefecture' | 'county', parentCode: string | null) => {
  const path = level === 'province' ? `${code}/` : level === 'prefecture' ? `530000/${code}/` : `530000/${parentCode}/${code}/`;
  return { code, name, shortName, level, parentCode, path };
};

const DATA: VocabularyData = {
  regions: [
    region('530000', '云南省', '云南', 'province', null),
    region('530300', '曲靖市', '曲靖', 'prefecture', '530000'),
    region('530302', '麒麟区', '麒麟', 'county', '530300'),
    region('530700', '丽江市', '丽江', 'prefecture', '530000'),
    region('530722', '永胜县', '永胜', 'county', '530700'),
    region('530723', '华坪县', '华坪', 'county', '530700'),
    region('530724', '宁蒗彝族自治县', '宁蒗', 'county', '530700'),
    region('532500', '红河哈尼族彝族自治州', '红河', 'prefecture', '530000'),
    region('532529', '红河县', '红河', 'county', '532500'),
  ],
  categories: [...DEFAULT_CATEGORIES.map((c) => ({ code: c.code, nameZh: c.zh })), { code: 'new-energy-hydrogen', nameZh: '新能源+绿氢' }],
  batches: [
    { id: 7, name: '丽江市2022年第一季度重点项目集中开工', regionCode: '530700', heldOn: '2022-02-25' },
    { id: 8, name: '曲靖市2022年第一季度重大项目集中开工', regionCode: '530300', heldOn: '2022-02-10' },
    { id: 9, name: '曲靖市2022年第二季度重大项目集中开工', regionCode: '530300', heldOn: '2022-05-10' },
  ],
  keyLists: [{ id: 3, name: '红河州2022年重点招商引资项目', regionCode: '532500', year: 2022 }],
};
const vocabulary = buildVocabulary(DATA);

/** Each figure of a draft as "figure → measure filter" or "figure ✗ rule". */
function check(text: string, today = '2022-02-27', options: { defaultRegion?: string; scopePath?: string } = {}) {
  const figures = readFigures(readDraft(text), vocabulary, { today, defaultRegion: options.defaultRegion ?? null });
  return figures.map((f, i) => {
    const q = figureQuery(i, figures, vocabulary, { today, scopePath: options.scopePath });
    return q.ok ? `${f.figure.text} → ${q.request.subject === 'projects' ? '' : q.request.subject + ' '}${q.request.measures[0]} ${JSON.stringify(q.request.filter)}` : `${f.figure.text} ✗ ${q.unresolved.map((u) => u.rule).join(',')}`;
  });
}

const QJ = '"region":"530300"';
const Q1 = '"startedFrom":"2022-01-01","startedTo":"2022-03-31"';

describe('reading what a figure is about', () => {
  it('reads a prefecture’s quarterly starts, carrying the subject from clause to clause and the context from sentence to sentence', () => {
    expect(
      check(
        '曲靖市一季度开工重大项目394个、总投资1254亿元，开工产业项目364个、总投资585亿元，年度计划完成投资369亿元。\n' +
          '今年开年以来，曲靖市新开工的这批产业项目中有近一半为工业项目。具体来看，能源工业项目23个，年度计划完成投资107亿元；能源以外工业项目141个。' +
          '其中5亿元以上投资的产业项目有24个，10亿元以上投资的产业项目有13个。',
      ),
    ).toEqual([
      `394个 → count {${QJ},${Q1}}`,
      `1254亿元 → totalInvestment {${QJ},${Q1}}`,
      `364个 → count {${QJ},"categories":["industry"],${Q1}}`,
      `585亿元 → totalInvestment {${QJ},"categories":["industry"],${Q1}}`,
      `369亿元 → plannedInvestment:2022 {${QJ},"categories":["industry"],${Q1}}`,
      `23个 → count {${QJ},"categories":["energy-industry"],${Q1}}`,
      `107亿元 → plannedInvestment:2022 {${QJ},"categories":["energy-industry"],${Q1}}`,
      `141个 → count {${QJ},"categories":["other-industry"],${Q1}}`,
      `24个 → count {${QJ},"categories":["industry"],"minTotalInvestment":"500000000",${Q1}}`,
      `13个 → count {${QJ},"categories":["industry"],"minTotalInvestment":"1000000000",${Q1}}`,
    ]);
  });

  it('lets a heading take the period it leaves unsaid from the first figure under it', () => {
    expect(check('**曲靖开工394个重大项目**\n\n曲靖市一季度开工重大项目394个。')).toEqual([`394个 → count {${QJ},${Q1}}`, `394个 → count {${QJ},${Q1}}`]);
  });

  it('reads funds with their year-on-year growth, 全州, 目前 and the kind of projects a section is about', () => {
    expect(
      check(
        '**红河州1月引进省外到位资金57.15亿元**\n' +
          '今年以来，红河哈尼族彝族自治州实现招商引资“开门红”，1月共引进省外到位资金57.15亿元，同比增长36.85%。\n' +
          '红河州成立6个划片包保小组对13县市分别开展调度工作。目前，全州共有在建项目229个，协议总额1357.59亿元，库存资金830亿元。\n' +
          '按照“好中选优，优中选精”原则，筛选100个有前景、有潜力的项目作为2022年重点招商引资项目。目前，共梳理“招商服务进万企”1000家企业。',
      ),
    ).toEqual([
      '57.15亿元 → fundsInPlace:2022-01..2022-01:outOfProvince {"region":"532500"}',
      '57.15亿元 → fundsInPlace:2022-01..2022-01:outOfProvince {"region":"532500","kinds":["investment-attraction"]}',
      '36.85% → yoy:fundsInPlace:2022-01..2022-01:outOfProvince {"region":"532500","kinds":["investment-attraction"]}',
      '6个 → groups count {"region":"532500"}',
      '229个 → count {"region":"532500","kinds":["investment-attraction"],"stages":["construction"],"startedTo":"2022-02-27"}',
      '1357.59亿元 → agreementAmount {"region":"532500","kinds":["investment-attraction"],"stages":["construction"],"startedTo":"2022-02-27"}',
      '830亿元 → fundsInPlace:..2022-01 {"region":"532500","kinds":["investment-attraction"],"stages":["construction"],"startedTo":"2022-02-27"}',
      '100个 → count {"region":"532500","keyList":3}',
      '1000家 → enterprises count {"region":"532500","programmes":["enterprise-visits"]}',
    ]);
  });

  it('finds a concentrated start by its region and period, and places projects by the counties they are in', () => {
    expect(
      check(
        '**丽江32项重点项目集中开工**\n' +
          '2月25日，丽江市重点项目开工仪式在金山工业园区举行。\n' +
          '据介绍，丽江市一季度集中开工的项目以能源产业项目为主，涵盖文化旅游、基础设施等领域，共计32项，总投资482.9亿元。2022年计划完成投资145.4亿元，其中市直项目9项，总投资406.2亿元。' +
          '其中，“新能源+绿氢”项目争取2022年一季度计划开工9个项目，分布于永胜、华坪和宁蒗县，装机总规模83.2万千瓦，建成后年均实现税收8674万元。',
      ),
    ).toEqual([
      '32项 → count {"region":"530700","batch":7}',
      '32项 → count {"region":"530700","batch":7}',
      '482.9亿元 → totalInvestment {"region":"530700","batch":7}',
      '145.4亿元 → plannedInvestment:2022 {"region":"530700","batch":7}',
      '9项 → count {"region":"530700","managedBy":"prefecture","batch":7}',
      '406.2亿元 → totalInvestment {"region":"530700","managedBy":"prefecture","batch":7}',
      `9个 → count {"region":"530700","regions":["530722","530723","530724"],"categories":["new-energy-hydrogen"],${Q1}}`,
      `83.2万千瓦 → attr:capacityKw {"region":"530700","regions":["530722","530723","530724"],"categories":["new-energy-hydrogen"],${Q1}}`,
      `8674万元 → attr:expectedAnnualTax {"region":"530700","regions":["530722","530723","530724"],"categories":["new-energy-hydrogen"],${Q1}}`,
    ]);
  });

  it('reads drafts about other regions and months through the same words', () => {
    expect(check('曲靖市2月签约项目12个，协议总额50亿元；麒麟区3月完成投资5.2亿元，1—3月省内到位资金3亿元，同比下降5%。', '2022-04-10')).toEqual([
      `12个 → count {${QJ},"signedFrom":"2022-02-01","signedTo":"2022-02-28"}`,
      `50亿元 → agreementAmount {${QJ},"signedFrom":"2022-02-01","signedTo":"2022-02-28"}`,
      '5.2亿元 → completedInvestment:2022-03..2022-03 {"region":"530302"}',
      '3亿元 → fundsInPlace:2022-01..2022-03:inProvince {"region":"530302"}',
      '5% → yoy:fundsInPlace:2022-01..2022-03:inProvince {"region":"530302"}',
    ]);
    expect(check('红河县1月开工项目3个。红河1月开工项目5个。', '2022-02-27')).toEqual([
      '3个 → count {"region":"532529","startedFrom":"2022-01-01","startedTo":"2022-01-31"}',
      '5个 → count {"region":"532500","startedFrom":"2022-01-01","startedTo":"2022-01-31"}',
    ]);
    expect(check('曲靖市二季度集中开工项目150个。', '2022-06-30')).toEqual([`150个 → count {${QJ},"batch":9}`]);
  });

  it('reads full-width digits as figures in their place', () => {
    expect(check('曲靖市一季度开工重大项目３９４个、总投资１２５４亿元。')).toEqual([`３９４个 → count {${QJ},${Q1}}`, `１２５４亿元 → totalInvestment {${QJ},${Q1}}`]);
  });

  it('never traces plans, targets, approximations, future periods or things Guatu does not count', () => {
    expect(
      check(
        '省工业和信息化厅会同19个部门发布行动方案。2022年至2024年，全省规划开工改造城镇老旧小区3692个，项目预计总投资共3000.55亿元。力争5G用户普及率超过40%。' +
          '2024年以前，建成超过100个5G专网。曲靖市一季度开工项目约400个。曲靖市1月项目50个。全省开工项目增长12%。全州开工项目3个。曲靖市总投资1254亿元。',
      ),
    ).toEqual([
      '19个 ✗ check.otherSubject,check.region',
      '3692个 ✗ check.plan',
      '3000.55亿元 ✗ check.plan',
      '40% ✗ check.plan',
      '100个 ✗ check.future',
      '400个 ✗ check.approximate',
      '50个 ✗ check.event',
      '12% ✗ check.growth',
      '3个 ✗ check.regionUnplaced',
      '1254亿元 → totalInvestment {"region":"530300"}',
    ]);
  });

  it('says when it cannot tell the region, the measure, what is counted, or which batch', () => {
    expect(check('一季度开工项目394个。曲靖市一季度共有1254亿元。曲靖市2022年集中开工项目200个。')).toEqual(['394个 ✗ check.region', '1254亿元 ✗ check.measure', '200个 ✗ check.batchMany']);
    expect(check('曲靖市一季度开工394个。')).toEqual(['394个 ✗ check.subject']);
    expect(check('一季度开工项目394个。', '2022-02-27', { defaultRegion: '530300' })).toEqual([`394个 → count {${QJ},${Q1}}`]);
    expect(check('丽江市一季度开工项目32个。', '2022-02-27', { scopePath: '530000/530300/' })).toEqual(['32个 ✗ region.outOfScope']);
  });
});

describe('comparing a figure with the data', () => {
  const figure = (text: string) => findFigures(text)[0]!;
  it('matches at the precision the figure is written in', () => {
    expect(compareFigure(figure('1254亿元'), 1, '125400000000')).toEqual({ status: 'matches', dataValue: '125400000000', dataText: '1254亿元', rounded: false });
    expect(compareFigure(figure('1254亿元'), 1, '125420000000')).toMatchObject({ status: 'matches', rounded: true, dataText: '1254.2亿元' });
    expect(compareFigure(figure('57.15亿元'), 1, '5715000000')).toMatchObject({ status: 'matches' });
    expect(compareFigure(figure('83.2万千瓦'), 1, '832000')).toMatchObject({ status: 'matches', dataText: '83.2万千瓦' });
    expect(compareFigure(figure('394个'), 1, 394)).toMatchObject({ status: 'matches', dataText: '394个' });
    expect(compareFigure(figure('36.85%'), 1, '36.85')).toMatchObject({ status: 'matches' });
    expect(compareFigure(figure('5%'), -1, '-5.00')).toMatchObject({ status: 'matches' });
  });
  it('gives the value in the data, written as the figure is, when they differ', () => {
    expect(compareFigure(figure('1254亿元'), 1, '125340000000')).toEqual({ status: 'differs', dataValue: '125340000000', dataText: '1253.4亿元', rounded: false });
    expect(compareFigure(figure('1254亿元'), 1, '125350000000')).toMatchObject({ status: 'matches', rounded: true });
    expect(compareFigure(figure('395个'), 1, 394)).toMatchObject({ status: 'differs', dataText: '394个' });
    expect(compareFigure(figure('38.65%'), 1, '36.85')).toMatchObject({ status: 'differs', dataText: '36.85%' });
    expect(compareFigure(figure('5%'), 1, '-5.00')).toMatchObject({ status: 'differs', dataText: '-5%' });
    expect(compareFigure(figure('36.85%'), 1, null)).toMatchObject({ status: 'differs', dataValue: null });
  });
});
