/**
 * 预警: a project's light. Investment is yellow when the year-to-date completed investment lags the
 * time-elapsed share of the year's plan (序时进度) by `yellow` points or more, and red when it lags by
 * more than `red` points. Milestones (节点) and problems past their due date are warnings too: each
 * makes the project at least yellow. Everything is exact: amounts in 分, thresholds in hundredths.
 */
import { ratioPercent, yuanToFen } from './money.js';
import { shiftPeriod } from './report-workflow.js';

export const LIGHTS = ['red', 'yellow', 'green'] as const;
export type Light = (typeof LIGHTS)[number];

/** Why a project is not green. */
export const WARNING_REASONS = ['investment-red', 'investment-yellow', 'milestone-overdue', 'problem-overdue'] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

/** Lag in percentage points of the year; at most two decimals. */
export interface WarningThresholds {
  yellow: number;
  red: number;
}

export const DEFAULT_WARNING_THRESHOLDS: WarningThresholds = { yellow: 10, red: 30 };

/** The region setting (region_settings.key) that holds a region's thresholds; regions below inherit it. */
export const WARNING_THRESHOLDS_SETTING = 'warningThresholds';

export function isValidThresholds(t: WarningThresholds): boolean {
  const ok = (v: number) => Number.isFinite(v) && v >= 0 && v <= 100 && Math.round(v * 100) === v * 100;
  return ok(t.yellow) && ok(t.red) && t.yellow <= t.red;
}

/**
 * The month whose figures a light on `date` judges: the month before, since a month's report is
 * filed in the month after it. On 2022-03-15 the light judges January–February 2022.
 */
export function assessedPeriod(date: string): string {
  return shiftPeriod(date.slice(0, 7), -1);
}

/** The share of the year elapsed at the end of `period`, in percent: 2022-02 → 16.67. */
export function timeElapsedPercent(period: string): string {
  return ratioPercent(BigInt(Number(period.slice(5, 7))), 12n)!;
}

export interface InvestmentAssessment {
  light: Light | null;
  /** Points by which completion trails the elapsed share (negative: ahead of schedule). */
  lagPoints: string | null;
  /** Year-to-date completed investment as a share of the year's plan. */
  progressPercent: string | null;
  elapsedPercent: string;
}

/**
 * The investment light for the year of `period`. A project without a plan for that year (or a plan
 * of zero) has no investment light: there is nothing to lag behind.
 */
export function investmentLight(input: {
  annualPlan: string | null;
  completedYearToDate: string;
  period: string;
  thresholds?: WarningThresholds;
}): InvestmentAssessment {
  const thresholds = input.thresholds ?? DEFAULT_WARNING_THRESHOLDS;
  const month = BigInt(Number(input.period.slice(5, 7)));
  const elapsedPercent = timeElapsedPercent(input.period);
  const plan = input.annualPlan === null ? 0n : yuanToFen(input.annualPlan);
  if (plan === 0n) return { light: null, lagPoints: null, progressPercent: null, elapsedPercent };
  const done = yuanToFen(input.completedYearToDate);
  // lag = 100·month/12 − 100·done/plan; compared as integers: plan·(10000·month − 12·t) ⋛ 120000·done, t in hundredths.
  const lagAtLeast = (t: number) => plan * (10000n * month - 12n * BigInt(Math.round(t * 100))) >= 120000n * done;
  const lagAbove = (t: number) => plan * (10000n * month - 12n * BigInt(Math.round(t * 100))) > 120000n * done;
  const light: Light = lagAbove(thresholds.red) ? 'red' : lagAtLeast(thresholds.yellow) ? 'yellow' : 'green';
  return {
    light,
    lagPoints: ratioPercent(month * plan - 12n * done, 12n * plan),
    progressPercent: ratioPercent(done, plan),
    elapsedPercent,
  };
}

/** The project's light: investment decides red; an overdue milestone or problem makes it at least yellow. */
export function projectLight(input: { investment: Light | null; overdueMilestones: number; overdueProblems: number }): { light: Light; reasons: WarningReason[] } {
  const reasons: WarningReason[] = [];
  if (input.investment === 'red') reasons.push('investment-red');
  if (input.investment === 'yellow') reasons.push('investment-yellow');
  if (input.overdueMilestones > 0) reasons.push('milestone-overdue');
  if (input.overdueProblems > 0) reasons.push('problem-overdue');
  const light: Light = input.investment === 'red' ? 'red' : reasons.length ? 'yellow' : 'green';
  return { light, reasons };
}

/** A milestone is overdue when its planned date has passed and it has not happened. */
export function isMilestoneOverdue(m: { plannedOn: string | null; actualOn: string | null }, today: string): boolean {
  return m.actualOn === null && m.plannedOn !== null && m.plannedOn < today;
}
