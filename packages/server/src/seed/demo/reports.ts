import { FUND_SOURCES, shiftPeriod, type FundSource, type ReportStatus } from '@guatu/core';
import { split, type Random } from './random.js';
import { placeByCode } from './places.js';
import type { DemoProject } from './projects.js';

export interface DemoReport {
  project: DemoProject;
  period: string;
  status: ReportStatus;
  /** 万元 */
  completed: number;
  funds: Record<FundSource, number>;
  progressPercent: number;
  workersExpected: number;
  workersOnSite: number;
  reviewComment: string | null;
}

export const FIRST_PERIOD = '2021-01';
export const LAST_PERIOD = '2022-12';

const noFunds = (): Record<FundSource, number> => Object.fromEntries(FUND_SOURCES.map((s) => [s, 0])) as Record<FundSource, number>;

/** The months a project reports in: while it is prepared or built, within 2021-01..2022-12. */
function reportingPeriods(p: DemoProject): string[] {
  let from: string | null = null;
  let to = LAST_PERIOD;
  if (p.stage === 'preparation') from = (p.signedOn ?? '2022-01-01').slice(0, 7);
  else if (p.startedOn && ['construction', 'completed', 'operating', 'suspended'].includes(p.stage)) from = p.startedOn.slice(0, 7);
  if (!from) return [];
  if (p.completedOn) to = p.completedOn.slice(0, 7);
  if (p.stage === 'suspended') to = '2022-06';
  if (from < FIRST_PERIOD) from = FIRST_PERIOD;
  const out: string[] = [];
  for (let m = from; m <= to; m = shiftPeriod(m, 1)) out.push(m);
  return out;
}

/**
 * Monthly reports for 2021–2022. Each month completes the year's plan at the project's own pace;
 * funds come from the sources its kind and investor suggest. Reports up to September 2022 are all
 * approved; the last three months still have some waiting for review, returned, in draft or not
 * filed at all, so the review worklists and the late list have something to show.
 */
export function monthlyReports(r: Random, projects: DemoProject[]): DemoReport[] {
  const out: DemoReport[] = [];
  for (const p of projects) {
    const periods = reportingPeriods(p);
    let done = 0;
    for (const period of periods) {
      const year = Number(period.slice(0, 4));
      const activeMonths = periods.filter((x) => x.startsWith(`${year}-`)).length;
      const plan = p.plans[year] ?? 0;
      const building = p.stage !== 'preparation' && !(p.stage === 'suspended' && p.suspendedFrom === 'preparation');
      const completed = building ? Math.max(0, Math.round((plan * p.performance * r.int(60, 140)) / 100 / activeMonths)) : 0;
      done += completed;
      const funds = noFunds();
      const amount = Math.round((completed * r.int(70, 130)) / 100) + (building ? 0 : r.int(0, 1) * r.int(10, 200));
      const mix = sourcesOf(p);
      split(amount, mix.map(([, w]) => w)).forEach((v, i) => (funds[mix[i]![0]] += v));
      const status = statusOf(r, period);
      if (!status) continue;
      const expected = Math.max(20, Math.round(Math.sqrt(p.total) * 2));
      out.push({
        project: p,
        period,
        status,
        completed,
        funds,
        progressPercent: building ? Math.min(99, Math.round((done / Math.max(1, p.total)) * 100)) : 0,
        workersExpected: expected,
        workersOnSite: building ? Math.round((expected * r.int(60, 110)) / 100) : 0,
        reviewComment: status === 'returned' ? r.pick(['本月完成投资与形象进度不符，请核实后重新提交', '到位资金来源填报有误，请更正', '请补充现场调度图片']) : null,
      });
    }
  }
  return out;
}

function sourcesOf(p: DemoProject): [FundSource, number][] {
  if (p.kind === 'government') return [['centralBudget', 3], ['specialBonds', 4], ['inProvince', 2], ['bankLoans', 1]];
  if (p.investor && p.investor.homeProvinceCode !== '530000') return [['outOfProvince', 55], ['selfRaised', 20], ['bankLoans', 25]];
  return [['inProvince', 50], ['selfRaised', 20], ['bankLoans', 30]];
}

function statusOf(r: Random, period: string): ReportStatus | null {
  if (period <= '2022-09') return 'approved';
  const roll = r.next();
  if (period === '2022-10') return roll < 0.95 ? 'approved' : 'submitted';
  if (period === '2022-11') return roll < 0.8 ? 'approved' : roll < 0.92 ? 'submitted' : roll < 0.97 ? 'returned' : 'draft';
  return roll < 0.45 ? 'approved' : roll < 0.7 ? 'submitted' : roll < 0.8 ? 'returned' : roll < 0.88 ? 'draft' : null;
}

const inHonghe = (p: DemoProject) => p.regionCode === '532500' || placeByCode.get(p.regionCode)?.parentCode === '532500';

/**
 * 红河's funds, by design: out-of-province funds in place in January 2022 were 57.15亿, against
 * 41.76亿 in January 2021 (+36.85%); both came with the investment-attraction projects under
 * construction, whose funds in place up to January 2022 add up to the 830亿 "in stock" (库存资金).
 */
export function designHongheFunds(r: Random, reports: DemoReport[]) {
  const janOutOfProvince: Record<string, number> = { '2021-01': 417_600, '2022-01': 571_500 };
  const stock = 8_300_000;
  const honghe = reports.filter((x) => inHonghe(x.project));
  for (const x of honghe) {
    if (x.project.cohort !== 'honghe-construction' && x.period in janOutOfProvince) {
      x.funds.inProvince += x.funds.outOfProvince;
      x.funds.outOfProvince = 0;
    }
  }
  const early = honghe.filter((x) => x.project.cohort === 'honghe-construction' && x.period <= '2022-01');
  for (const x of early) x.funds = noFunds();
  for (const [period, total] of Object.entries(janOutOfProvince)) {
    const month = early.filter((x) => x.period === period && x.project.investor!.homeProvinceCode !== '530000');
    split(total, month.map((x) => x.project.agreement!)).forEach((v, i) => (month[i]!.funds.outOfProvince = v));
  }
  const byProject = new Map<DemoProject, DemoReport[]>();
  for (const x of early) byProject.set(x.project, [...(byProject.get(x.project) ?? []), x]);
  const projects = [...byProject.keys()];
  const rest = stock - janOutOfProvince['2021-01']! - janOutOfProvince['2022-01']!;
  split(rest, projects.map((p) => p.agreement!)).forEach((share, i) => {
    const months = byProject.get(projects[i]!)!;
    split(share, months.map(() => r.int(5, 15))).forEach((amount, k) => {
      const x = months[k]!;
      const outside = x.project.investor!.homeProvinceCode !== '530000';
      const mix: [FundSource, number][] =
        x.period in janOutOfProvince || !outside ? [['selfRaised', 40], ['bankLoans', 60]] : [['outOfProvince', 50], ['selfRaised', 20], ['bankLoans', 30]];
      split(amount, mix.map(([, w]) => w)).forEach((v, j) => (x.funds[mix[j]![0]] += v));
    });
  });
}
