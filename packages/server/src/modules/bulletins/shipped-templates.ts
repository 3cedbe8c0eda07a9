import type { TemplateBody, TemplateFigure } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { insertShippedTemplate } from './templates.repository.js';

/**
 * The templates Guatu ships, owned by the province so that every region can use them; an
 * administrator may change them (a new version) or write their own. Their wording follows the
 * press office's copy, so the figure check reads a generated bulletin as it reads a hand-written one.
 */
const STARTED = { region: '${region}', startedFrom: '${from}', startedTo: '${to}' };
const count = (label: string, filter: Record<string, unknown>): TemplateFigure => ({ label, filter, measure: 'count', format: 'count' });
const yi = (label: string, filter: Record<string, unknown>, measure: string): TemplateFigure => ({ label, filter, measure, format: '亿元' });

const quarterStarts: TemplateBody = {
  title: '{{region}}{{periodFull}}开工重大项目{{started}}个',
  categories: ['guatu'],
  tags: ['重大项目调度', '项目开工'],
  needs: [],
  paragraphs: [
    { heading: true, text: '{{regionShort}}开工{{started}}个重大项目' },
    {
      heading: false,
      text: '{{region}}{{periodFull}}开工重大项目{{started}}个、总投资{{startedTotal}}亿元，开工产业项目{{industry}}个、总投资{{industryTotal}}亿元，年度计划完成投资{{industryPlan}}亿元。',
    },
    {
      heading: false,
      text:
        '具体来看，能源工业项目{{energy}}个，年度计划完成投资{{energyPlan}}亿元；能源以外工业项目{{otherIndustry}}个，年度计划完成投资{{otherIndustryPlan}}亿元。' +
        '{{region}}{{periodFull}}开工的产业项目中，5亿元以上投资的产业项目有{{over500m}}个，10亿元以上投资的产业项目有{{over1b}}个。',
    },
  ],
  figures: {
    started: count('开工重大项目数', STARTED),
    startedTotal: yi('开工重大项目总投资', STARTED, 'totalInvestment'),
    industry: count('开工产业项目数', { ...STARTED, categories: ['industry'] }),
    industryTotal: yi('开工产业项目总投资', { ...STARTED, categories: ['industry'] }, 'totalInvestment'),
    industryPlan: yi('开工产业项目年度计划投资', { ...STARTED, categories: ['industry'] }, 'plannedInvestment:${year}'),
    energy: count('能源工业项目数', { ...STARTED, categories: ['energy-industry'] }),
    energyPlan: yi('能源工业项目年度计划投资', { ...STARTED, categories: ['energy-industry'] }, 'plannedInvestment:${year}'),
    otherIndustry: count('能源以外工业项目数', { ...STARTED, categories: ['other-industry'] }),
    otherIndustryPlan: yi('能源以外工业项目年度计划投资', { ...STARTED, categories: ['other-industry'] }, 'plannedInvestment:${year}'),
    over500m: count('5亿元以上产业项目数', { ...STARTED, categories: ['industry'], minTotalInvestment: '500000000' }),
    over1b: count('10亿元以上产业项目数', { ...STARTED, categories: ['industry'], minTotalInvestment: '1000000000' }),
  },
};

const BATCH = { region: '${region}', batch: '${batch}' };
const CITY = { ...BATCH, managedBy: 'prefecture' };
const batch: TemplateBody = {
  title: '{{batch.name}}',
  categories: ['guatu'],
  tags: ['重大项目调度', '集中开工'],
  needs: ['batch'],
  paragraphs: [
    { heading: true, text: '{{regionShort}}{{count}}项重点项目集中开工' },
    { heading: false, text: '{{batch.heldOn}}，{{batch.name}}仪式在{{batch.place}}举行。' },
    {
      heading: false,
      text: '据介绍，{{region}}{{periodFull}}集中开工的项目共计{{count}}项，总投资{{total}}亿元。{{year}}年计划完成投资{{plan}}亿元，其中市直项目{{city}}项，总投资{{cityTotal}}亿元，年度计划完成投资{{cityPlan}}亿元。',
    },
  ],
  figures: {
    count: count('集中开工项目数', BATCH),
    total: yi('集中开工项目总投资', BATCH, 'totalInvestment'),
    plan: yi('集中开工项目年度计划投资', BATCH, 'plannedInvestment:${year}'),
    city: count('市直项目数', CITY),
    cityTotal: yi('市直项目总投资', CITY, 'totalInvestment'),
    cityPlan: yi('市直项目年度计划投资', CITY, 'plannedInvestment:${year}'),
  },
};

const REGION = { region: '${region}' };
const monthlyFunds: TemplateBody = {
  title: '{{region}}{{periodFull}}引进省外到位资金{{funds}}亿元',
  categories: ['guatu'],
  tags: ['招商引资', '到位资金'],
  needs: [],
  paragraphs: [
    { heading: true, text: '{{regionShort}}{{period}}引进省外到位资金{{funds}}亿元' },
    {
      heading: false,
      text: '{{periodFull}}，{{region}}共引进省外到位资金{{funds}}亿元，同比{{fundsYoy}}；到位资金合计{{allFunds}}亿元，同比{{allFundsYoy}}。{{ytd}}，累计引进省外到位资金{{ytdFunds}}亿元，同比{{ytdYoy}}。',
    },
  ],
  figures: {
    funds: yi('省外到位资金', REGION, 'fundsInPlace:${fromMonth}..${toMonth}:outOfProvince'),
    fundsYoy: { label: '省外到位资金同比增长', filter: REGION, measure: 'yoy:fundsInPlace:${fromMonth}..${toMonth}:outOfProvince', format: 'growth' },
    allFunds: yi('到位资金合计', REGION, 'fundsInPlace:${fromMonth}..${toMonth}'),
    allFundsYoy: { label: '到位资金合计同比增长', filter: REGION, measure: 'yoy:fundsInPlace:${fromMonth}..${toMonth}', format: 'growth' },
    ytdFunds: yi('年初以来省外到位资金', REGION, 'fundsInPlace:${year}-01..${toMonth}:outOfProvince'),
    ytdYoy: { label: '年初以来省外到位资金同比增长', filter: REGION, measure: 'yoy:fundsInPlace:${year}-01..${toMonth}:outOfProvince', format: 'growth' },
  },
};

const LIST = { region: '${region}', keyList: '${keyList}' };
const keyListProgress: TemplateBody = {
  title: '{{keyList.name}}推进情况（{{periodFull}}）',
  categories: ['guatu'],
  tags: ['重大项目调度', '重点项目清单'],
  needs: ['keyList'],
  paragraphs: [
    { heading: true, text: '{{keyList.name}}推进情况' },
    { heading: false, text: '截至{{periodEnd}}，{{keyList.name}}共有项目{{count}}个，总投资{{total}}亿元，{{year}}年计划完成投资{{plan}}亿元。' },
    { heading: false, text: '清单内在建项目{{building}}个，签约项目{{signed}}个，协议总额{{agreements}}亿元；{{ytd}}完成投资{{completed}}亿元，到位资金{{funds}}亿元。' },
  ],
  figures: {
    count: count('清单项目数', LIST),
    total: yi('清单项目总投资', LIST, 'totalInvestment'),
    plan: yi('清单项目年度计划投资', LIST, 'plannedInvestment:${year}'),
    building: count('清单内在建项目数', { ...LIST, stages: ['construction'], startedTo: '${to}' }),
    signed: count('清单内已签约项目数', { ...LIST, signedTo: '${to}' }),
    agreements: yi('清单内已签约项目协议总额', { ...LIST, signedTo: '${to}' }, 'agreementAmount'),
    completed: yi('清单项目年初以来完成投资', LIST, 'completedInvestment:${year}-01..${toMonth}'),
    funds: yi('清单项目年初以来到位资金', LIST, 'fundsInPlace:${year}-01..${toMonth}'),
  },
};

export const SHIPPED_TEMPLATES: { code: string; name: string; description: string; body: TemplateBody }[] = [
  { code: 'prefecture-quarter-starts', name: '州（市）季度开工情况', description: '一个州（市）一季度（或任一期间）开工的重大项目、产业项目及其投资，按类别和规模。', body: quarterStarts },
  { code: 'concentrated-start', name: '集中开工', description: '一次集中开工活动：项目数、总投资、年度计划投资，其中市直项目。', body: batch },
  { code: 'monthly-funds', name: '月度省外到位资金', description: '一个月（或任一期间）引进的省外到位资金及同比增长、年初以来累计。', body: monthlyFunds },
  { code: 'key-list-progress', name: '重点项目清单推进情况', description: '一份重点项目清单的项目数、投资、在建和签约情况、年初以来完成投资和到位资金。', body: keyListProgress },
];

/** The region that owns the shipped templates: the province. */
export const SHIPPED_TEMPLATES_REGION = '530000';

/** The province's templates, loaded with the reference data: added when missing, never overwriting an edit. */
export async function seedShippedTemplates(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const t of SHIPPED_TEMPLATES) await insertShippedTemplate(tx, { ...t, regionCode: SHIPPED_TEMPLATES_REGION });
  });
}
