/**
 * How each figure of the source report (shared/product/article-figures.json) is asked of the
 * statistics engine. The demo province is built so that every answer is exact; the figures test
 * walks the file and asks each one through POST /api/v1/stats, and `guatu stats --figure ID` prints it.
 *
 * Definitions worth stating:
 * - "Started in 2022 Q1" (开工) is the start date in 2022-01-01..2022-03-31; the projects are counted
 *   wherever they are in Qujing, 市直 included.
 * - Honghe's "investment-attraction projects under construction" (在建) are those at stage
 *   construction that had started by the report's date, 2022-02-27.
 * - 库存资金 (funds in stock) for them is their cumulative funds in place, from every source, in
 *   approved monthly reports up to January 2022 — the last month reported before the article.
 * - Out-of-province funds (省外到位资金) are the `outOfProvince` source of funds in place; the
 *   year-on-year growth compares January 2022 with January 2021.
 * - Lijiang's "new-energy + green-hydrogen" projects are the category 新能源+绿氢 (a child of 能源工业
 *   the demo configures), started in 2022 Q1 in 永胜, 华坪 and 宁蒗; capacity and tax are the
 *   numeric attributes capacityKw and expectedAnnualTax.
 * - The batch figures read the batch's projects; the 市直 ones add `managedBy: prefecture`.
 * - "Enterprises sorted out for 招商服务进万企" are Honghe's enterprises enrolled in that programme.
 */

/** A reference resolved against the data before asking: a batch or key list by its name. */
export type FigureRef = { batch: string } | { keyList: string };

export interface FigureQuery {
  subject?: 'projects' | 'enterprises' | 'groups';
  filter: Record<string, unknown>;
  /** The measure whose total is the figure. */
  measure: string;
  ref?: FigureRef;
}

const QJ_Q1 = { region: '530300', startedFrom: '2022-01-01', startedTo: '2022-03-31' };
const HH_BUILDING = { region: '532500', kinds: ['investment-attraction'], stages: ['construction'], startedTo: '2022-02-27' };
const LJ_BATCH: FigureRef = { batch: '丽江市2022年第一季度重点项目暨新能源+绿氢（9+1）智慧工厂项目集中开工' };
const LJ_HYDROGEN = { region: '530700', regions: ['530722', '530723', '530724'], categories: ['new-energy-hydrogen'], startedFrom: '2022-01-01', startedTo: '2022-03-31' };
const HH_OUT_OF_PROVINCE = 'fundsInPlace:2022-01..2022-01:outOfProvince';

export const FIGURE_QUERIES: Record<string, FigureQuery> = {
  'qj-q1-started-count': { filter: QJ_Q1, measure: 'count' },
  'qj-q1-started-total': { filter: QJ_Q1, measure: 'totalInvestment' },
  'qj-q1-industry-count': { filter: { ...QJ_Q1, categories: ['industry'] }, measure: 'count' },
  'qj-q1-industry-total': { filter: { ...QJ_Q1, categories: ['industry'] }, measure: 'totalInvestment' },
  'qj-q1-industry-plan2022': { filter: { ...QJ_Q1, categories: ['industry'] }, measure: 'plannedInvestment:2022' },
  'qj-q1-energy-industry-count': { filter: { ...QJ_Q1, categories: ['energy-industry'] }, measure: 'count' },
  'qj-q1-energy-industry-plan2022': { filter: { ...QJ_Q1, categories: ['energy-industry'] }, measure: 'plannedInvestment:2022' },
  'qj-q1-other-industry-count': { filter: { ...QJ_Q1, categories: ['other-industry'] }, measure: 'count' },
  'qj-q1-other-industry-plan2022': { filter: { ...QJ_Q1, categories: ['other-industry'] }, measure: 'plannedInvestment:2022' },
  'qj-q1-industry-over-500m': { filter: { ...QJ_Q1, categories: ['industry'], minTotalInvestment: '500000000' }, measure: 'count' },
  'qj-q1-industry-over-1b': { filter: { ...QJ_Q1, categories: ['industry'], minTotalInvestment: '1000000000' }, measure: 'count' },
  'hh-2022-01-out-of-province-funds': { filter: { region: '532500' }, measure: HH_OUT_OF_PROVINCE },
  'hh-2022-01-out-of-province-funds-yoy': { filter: { region: '532500' }, measure: `yoy:${HH_OUT_OF_PROVINCE}` },
  'hh-groups': { subject: 'groups', filter: { region: '532500' }, measure: 'count' },
  'hh-under-construction-count': { filter: HH_BUILDING, measure: 'count' },
  'hh-under-construction-agreements': { filter: HH_BUILDING, measure: 'agreementAmount' },
  'hh-under-construction-stock': { filter: HH_BUILDING, measure: 'fundsInPlace:..2022-01' },
  'hh-2022-key-list': { filter: {}, ref: { keyList: '红河州2022年重点招商引资项目' }, measure: 'count' },
  'hh-enterprises-visited': { subject: 'enterprises', filter: { region: '532500', programmes: ['enterprise-visits'] }, measure: 'count' },
  'lj-q1-batch-count': { filter: {}, ref: LJ_BATCH, measure: 'count' },
  'lj-q1-batch-total': { filter: {}, ref: LJ_BATCH, measure: 'totalInvestment' },
  'lj-q1-batch-plan2022': { filter: {}, ref: LJ_BATCH, measure: 'plannedInvestment:2022' },
  'lj-q1-batch-city-count': { filter: { managedBy: 'prefecture' }, ref: LJ_BATCH, measure: 'count' },
  'lj-q1-batch-city-total': { filter: { managedBy: 'prefecture' }, ref: LJ_BATCH, measure: 'totalInvestment' },
  'lj-q1-batch-city-plan2022': { filter: { managedBy: 'prefecture' }, ref: LJ_BATCH, measure: 'plannedInvestment:2022' },
  'lj-hydrogen-count': { filter: LJ_HYDROGEN, measure: 'count' },
  'lj-hydrogen-capacity': { filter: LJ_HYDROGEN, measure: 'attr:capacityKw' },
  'lj-hydrogen-total': { filter: LJ_HYDROGEN, measure: 'totalInvestment' },
  'lj-hydrogen-tax': { filter: LJ_HYDROGEN, measure: 'attr:expectedAnnualTax' },
};

/** The kinds of figures the statistics engine answers; the others are plan targets. */
export const ENGINE_FIGURE_KINDS = ['project-stat', 'batch-stat', 'funds-stat', 'key-list', 'enterprise-stat', 'accountability'];

/** The request body for a figure, once its reference has an id. */
export async function figureRequest(query: FigureQuery, resolve: (ref: FigureRef) => Promise<number>) {
  const filter = { ...query.filter };
  if (query.ref) Object.assign(filter, 'batch' in query.ref ? { batch: await resolve(query.ref) } : { keyList: await resolve(query.ref) });
  return { subject: query.subject ?? 'projects', filter, measures: [query.measure] };
}
