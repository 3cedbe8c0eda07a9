/**
 * The requests the dashboard (packages/web/src/pages/dashboard/dashboardQueries.ts) and the battle
 * map (packages/web/src/pages/map/mapData.ts) send for the province in Q4 of the data's last year,
 * and the figure drill-down list, each beside the naive SQL that computes the same aggregate
 * straight from the base tables.
 */
import { AS_OF, LAST_PERIOD } from './data.js';

export interface HttpQuery {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  /** The same figures as plain SQL over base tables: no summaries, the way a report writer would. */
  naive?: string;
}

const YEAR = Number(LAST_PERIOD.slice(0, 4));
const REGION = '530000';
const from = `${YEAR}-10-01`;
const to = `${YEAR}-12-31`;
const ytd = `${YEAR}-01..${LAST_PERIOD}`;
const month = `${LAST_PERIOD}..${LAST_PERIOD}`;
const PREV = YEAR - 1;
const prevMonth = `${PREV}${LAST_PERIOD.slice(4)}`;

const stats = (name: string, body: unknown, naive: string): HttpQuery => ({ name, method: 'POST', path: '/api/v1/stats', body, naive });

/** Approved report sums per project over a month range: what the engine's completed/funds measures read. */
const reportSum = (column: string, fromPeriod: string, toPeriod: string) =>
  `(select coalesce(sum(${column}), 0) from monthly_reports mr where mr.status = 'approved' and mr.period between '${fromPeriod}' and '${toPeriod}')`;

export const DASHBOARD_QUERIES: HttpQuery[] = [
  stats(
    'construction: count, total investment',
    { filter: { region: REGION, stages: ['construction'] }, measures: ['count', 'totalInvestment'] },
    `select count(*), sum(total_investment) from projects where stage = 'construction'`,
  ),
  stats(
    'money: YTD completed vs plan, out-of-province funds with YoY',
    {
      filter: { region: REGION },
      measures: [
        `completedInvestment:${ytd}`,
        `plannedInvestment:${YEAR}`,
        `fundsInPlace:${month}:outOfProvince`,
        `fundsInPlace:${ytd}:outOfProvince`,
        `yoy:fundsInPlace:${month}:outOfProvince`,
        `yoy:fundsInPlace:${ytd}:outOfProvince`,
      ],
    },
    `select ${reportSum('completed_investment', `${YEAR}-01`, LAST_PERIOD)},
       (select sum(amount) from project_annual_plans where year = ${YEAR}),
       ${reportSum('funds_out_of_province', LAST_PERIOD, LAST_PERIOD)}, ${reportSum('funds_out_of_province', `${YEAR}-01`, LAST_PERIOD)},
       ${reportSum('funds_out_of_province', prevMonth, prevMonth)}, ${reportSum('funds_out_of_province', `${PREV}-01`, prevMonth)}`,
  ),
  stats(
    'started this quarter: count, total investment',
    { filter: { region: REGION, startedFrom: from, startedTo: to }, measures: ['count', 'totalInvestment'] },
    `select count(*), sum(total_investment) from projects where started_on between '${from}' and '${to}'`,
  ),
  stats(
    'warning lights: count by light',
    { filter: { region: REGION, asOf: AS_OF }, measures: ['count'], groupBy: ['light'] },
    // Investment behind the time-elapsed share of the plan, an overdue node or an overdue problem.
    `select light, count(*) from (
       select p.id, case when ap.amount > 0 and ap.amount * (10000 * 10 - 12 * 2000) > 120000 * coalesce(y.done, 0) then 'red'
                         when (ap.amount > 0 and ap.amount * (10000 * 10 - 12 * 1000) >= 120000 * coalesce(y.done, 0))
                           or exists (select 1 from project_milestones m where m.project_id = p.id and m.actual_on is null and m.planned_on < '${AS_OF}')
                           or exists (select 1 from problems pr where pr.project_id = p.id and pr.status in ('open', 'in_progress', 'escalated') and pr.due_on < '${AS_OF}')
                         then 'yellow' else 'green' end as light
       from projects p
       left join project_annual_plans ap on ap.project_id = p.id and ap.year = ${YEAR}
       left join (select project_id, sum(completed_investment) as done from monthly_reports
                  where status = 'approved' and period between '${YEAR}-01' and '${LAST_PERIOD}' group by project_id) y on y.project_id = p.id
     ) w group by light`,
  ),
  stats(
    'started YTD by category',
    { filter: { region: REGION, startedFrom: `${YEAR}-01-01`, startedTo: to }, measures: ['count', 'totalInvestment'], groupBy: ['category'] },
    `select split_part(c.path, '/', 1), count(*), sum(p.total_investment) from projects p join categories c on c.code = p.category_code
     where p.started_on between '${YEAR}-01-01' and '${to}' group by 1`,
  ),
  stats(
    'started YTD by month',
    { filter: { region: REGION, startedFrom: `${YEAR}-01-01`, startedTo: to }, measures: ['count', 'totalInvestment'], groupBy: ['startMonth'] },
    `select to_char(started_on, 'YYYY-MM'), count(*), sum(total_investment) from projects where started_on between '${YEAR}-01-01' and '${to}' group by 1`,
  ),
  stats(
    'started YTD by region',
    { filter: { region: REGION, startedFrom: `${YEAR}-01-01`, startedTo: to }, measures: ['count', 'totalInvestment'], groupBy: ['region'] },
    `select split_part(r.path, '/', 2), count(*), sum(p.total_investment) from projects p join regions r on r.code = p.region_code
     where p.started_on between '${YEAR}-01-01' and '${to}' group by 1`,
  ),
  stats(
    'map: region × YTD completed vs annual plan',
    { filter: { region: REGION }, measures: ['count', 'totalInvestment', `completedInvestment:${ytd}`, `plannedInvestment:${YEAR}`], groupBy: ['region'] },
    `select split_part(r.path, '/', 2), count(*), sum(p.total_investment), sum(y.done), sum(ap.amount)
     from projects p join regions r on r.code = p.region_code
     left join (select project_id, sum(completed_investment) as done from monthly_reports
                where status = 'approved' and period between '${YEAR}-01' and '${LAST_PERIOD}' group by project_id) y on y.project_id = p.id
     left join project_annual_plans ap on ap.project_id = p.id and ap.year = ${YEAR}
     group by 1`,
  ),
  stats(
    'map: red lights by region',
    { filter: { region: REGION, lights: ['red'], asOf: AS_OF }, measures: ['count'], groupBy: ['region'] },
    `select split_part(r.path, '/', 2), count(*) from projects p join regions r on r.code = p.region_code
     join project_annual_plans ap on ap.project_id = p.id and ap.year = ${YEAR}
     left join (select project_id, sum(completed_investment) as done from monthly_reports
                where status = 'approved' and period between '${YEAR}-01' and '${LAST_PERIOD}' group by project_id) y on y.project_id = p.id
     where ap.amount > 0 and ap.amount * (10000 * 10 - 12 * 2000) > 120000 * coalesce(y.done, 0) group by 1`,
  ),
  {
    name: 'drill-down: the projects behind the construction figure',
    method: 'GET',
    path: `/api/v1/projects?region=${REGION}&stages=construction&page=2&pageSize=20`,
    naive: `select p.*, r.name from projects p join regions r on r.code = p.region_code where p.stage = 'construction' order by p.updated_at desc, p.id desc limit 20 offset 20`,
  },
];

export const LIST_QUERY: HttpQuery = {
  name: 'project list: filtered (construction, ≥ 1 亿) and sorted by total investment',
  method: 'GET',
  path: `/api/v1/projects?region=${REGION}&stages=construction&minTotalInvestment=100000000&sort=totalInvestment&order=desc&page=3&pageSize=50`,
  naive: `select p.*, r.name from projects p join regions r on r.code = p.region_code
    where p.stage = 'construction' and p.total_investment >= 100000000 order by p.total_investment desc nulls last, p.id desc limit 50 offset 100`,
};
