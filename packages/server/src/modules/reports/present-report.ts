import { chinaDate, isReportLate, normalizeYuan, reportDeadline, sumYuan, type ReportStatus } from '@guatu/core';
import type { Actor } from '../../policies/actor.js';
import { reportActions } from '../../policies/abilities.js';
import type { ReportRow } from './reports.repository.js';
import type { ReportBody } from './reports.schemas.js';

/** Reports fall due on this day of the following month. */
export const REPORT_DUE_DAY = 5;

export function presentReport(actor: Actor, row: ReportRow): ReportBody {
  const r = row.report;
  const funds = {
    outOfProvince: normalizeYuan(r.fundsOutOfProvince)!,
    inProvince: normalizeYuan(r.fundsInProvince)!,
    foreign: normalizeYuan(r.fundsForeign)!,
    centralBudget: normalizeYuan(r.fundsCentralBudget)!,
    specialBonds: normalizeYuan(r.fundsSpecialBonds)!,
    bankLoans: normalizeYuan(r.fundsBankLoans)!,
    selfRaised: normalizeYuan(r.fundsSelfRaised)!,
  };
  return {
    id: r.id,
    projectId: r.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    regionCode: row.regionCode,
    regionName: row.regionName,
    period: r.period,
    status: r.status,
    completedInvestment: normalizeYuan(r.completedInvestment)!,
    funds,
    fundsTotal: sumYuan(Object.values(funds)),
    physicalProgress: r.physicalProgress,
    progressPercent: r.progressPercent === null ? null : Number(r.progressPercent),
    workersOnSite: r.workersOnSite,
    workersExpected: r.workersExpected,
    narrative: r.narrative,
    reviewComment: r.reviewComment,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    submittedByName: row.submittedByName,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    reviewedByName: row.reviewedByName,
    deadline: reportDeadline(r.period, REPORT_DUE_DAY),
    late: isReportLate(r.period, r.status as ReportStatus, chinaDate(), REPORT_DUE_DAY),
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
    actions: reportActions(actor, { status: r.status, submittedBy: r.submittedBy }),
  };
}

/** Request figures → report columns. Absent funds stay as they were (or 0 on a new report). */
export function figureColumns(input: {
  completedInvestment?: string | undefined;
  funds?: Partial<Record<'outOfProvince' | 'inProvince' | 'foreign' | 'centralBudget' | 'specialBonds' | 'bankLoans' | 'selfRaised', string>> | undefined;
  physicalProgress?: string | null | undefined;
  progressPercent?: number | null | undefined;
  workersOnSite?: number | null | undefined;
  workersExpected?: number | null | undefined;
  narrative?: string | null | undefined;
}) {
  const f = input.funds ?? {};
  const out: Record<string, unknown> = {
    completedInvestment: input.completedInvestment,
    fundsOutOfProvince: f.outOfProvince,
    fundsInProvince: f.inProvince,
    fundsForeign: f.foreign,
    fundsCentralBudget: f.centralBudget,
    fundsSpecialBonds: f.specialBonds,
    fundsBankLoans: f.bankLoans,
    fundsSelfRaised: f.selfRaised,
    physicalProgress: input.physicalProgress,
    progressPercent: input.progressPercent === undefined ? undefined : input.progressPercent === null ? null : String(input.progressPercent),
    workersOnSite: input.workersOnSite,
    workersExpected: input.workersExpected,
    narrative: input.narrative,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
