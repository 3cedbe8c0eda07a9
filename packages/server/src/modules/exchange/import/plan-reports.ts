import { FUND_SOURCES, REPORTING_STAGES, REPORT_STATUS_LABELS, chinaPeriod, decimalToString, normalizeYuan, parseDecimal, type FundSource, type Stage } from '@guatu/core';
import type { Db } from '../../../db/client.js';
import { fromZodIssues } from '../../../http/errors.js';
import type { Actor } from '../../../policies/actor.js';
import { createReportBody } from '../../reports/reports.schemas.js';
import { NO_FIGURES, findReports, type ExistingReport, type ReportFigures } from '../exchange.repository.js';
import type { ProjectContext } from './project-context.js';
import { quickReportCheck } from './report-check.js';
import { issueAt, type ParsedRow, type RowIssue, type RowOutcome } from './import-types.js';

export const FUND_COLUMN: Record<FundSource, keyof ReportFigures> = {
  outOfProvince: 'fundsOutOfProvince',
  inProvince: 'fundsInProvince',
  foreign: 'fundsForeign',
  centralBudget: 'fundsCentralBudget',
  specialBonds: 'fundsSpecialBonds',
  bankLoans: 'fundsBankLoans',
  selfRaised: 'fundsSelfRaised',
};

export interface ReportsPlan {
  /** projectId is null in a dry run for a project the same file creates. */
  creates: ({ code: string; period: string; sheet: string; row: number; projectId: number | null } & ReportFigures)[];
  updates: ({ id: number; version: number; code: string; period: string; changes: string[] } & ReportFigures)[];
  outcomes: RowOutcome[];
  issues: RowIssue[];
}

const NONE: string[] = [];
const FUND_FIELD = Object.fromEntries(FUND_SOURCES.map((s) => [s, `funds.${s}`])) as Record<FundSource, string>;

/** A figure's name in the API and in the sheet's columns: fundsOutOfProvince → funds.outOfProvince. */
const FIELD_OF: Record<keyof ReportFigures, string> = {
  completedInvestment: 'completedInvestment',
  ...(Object.fromEntries(FUND_SOURCES.map((s) => [FUND_COLUMN[s], `funds.${s}`])) as Record<string, string>),
  physicalProgress: 'physicalProgress',
  progressPercent: 'progressPercent',
  workersOnSite: 'workersOnSite',
  workersExpected: 'workersExpected',
  narrative: 'narrative',
} as Record<keyof ReportFigures, string>;

const FIGURE_KEYS = Object.keys(FIELD_OF) as (keyof ReportFigures)[];


/** A stored report's figures in canonical form, so equal figures compare equal. */
export function figuresOf(r: ExistingReport): ReportFigures {
  const funds = Object.fromEntries(FUND_SOURCES.map((s) => [FUND_COLUMN[s], normalizeYuan(r[FUND_COLUMN[s]] as string)!]));
  return {
    ...NO_FIGURES,
    ...funds,
    completedInvestment: normalizeYuan(r.completedInvestment)!,
    physicalProgress: r.physicalProgress,
    progressPercent: r.progressPercent === null ? null : decimalToString(parseDecimal(r.progressPercent)!),
    workersOnSite: r.workersOnSite,
    workersExpected: r.workersExpected,
    narrative: r.narrative,
  };
}

/**
 * Monthly report rows, by the rules of POST /projects/:id/reports and PATCH /reports/:id: one
 * report per project and month, matched by project code and month; a new one starts as a draft,
 * a draft or returned one takes the new figures, and a submitted or approved one may not change
 * (the same figures again are simply unchanged). The project must be in the actor's region (or
 * created by the same file) and at a stage that reports, and the month not in the future.
 */
export async function planReports(db: Db, actor: Actor, rows: ParsedRow[], projects: ProjectContext, options: { lock: boolean; seen?: Map<string, number> }): Promise<ReportsPlan> {
  return planLookedUpReports(rows, projects, await lookUpReports(db, actor, rows, projects, options), options);
}

/** The reports a chunk of rows names, keyed "projectId|period" (their projects looked up first, and locked with `lock`). */
export type ExistingReports = Map<string, ExistingReport>;

/**
 * What planning a chunk of report rows needs from the database: its projects and its existing
 * reports. Nothing it reads is written by the report chunks before it, so an import may look up
 * one chunk while the database still writes the one before.
 */
export async function lookUpReports(db: Db, actor: Actor, rows: ParsedRow[], projects: ProjectContext, options: { lock: boolean }): Promise<ExistingReports> {
  await projects.ensure(rows.map((r) => r.values.get('code')).filter((c): c is string => typeof c === 'string'));
  const ids = new Set<number>();
  const periods = new Set<string>();
  for (const row of rows) {
    const p = projects.byCode.get(row.values.get('code') as string);
    if (p?.id) ids.add(p.id);
    const period = row.values.get('period');
    if (typeof period === 'string') periods.add(period);
  }
  return findReports(db, actor, [...ids], [...periods], options);
}

/** planReports, once lookUpReports has found what the rows name. */
export function planLookedUpReports(rows: ParsedRow[], projects: ProjectContext, existing: ExistingReports, options: { seen?: Map<string, number> }): ReportsPlan {
  const thisMonth = chinaPeriod();
  const plan: ReportsPlan = { creates: [], updates: [], outcomes: [], issues: [] };
  // Across the chunks of one import, so a month repeated far down the sheet is still caught.
  const seen = options.seen ?? new Map<string, number>();

  for (const row of rows) {
    const v = row.values;
    const code = v.get('code') as string | null | undefined;
    const period = v.get('period') as string | null | undefined;
    const key = `${code ?? ''}|${period ?? ''}`;
    const issues: RowIssue[] = row.issues.length ? [...row.issues] : [];
    const project = code ? projects.byCode.get(code) : undefined;
    if (code === null) issues.push(issueAt(row, 'code', 'required'));
    else if (code && !project) issues.push(issueAt(row, 'code', 'import.projectUnknown', { value: code }));
    else if (project && !REPORTING_STAGES.includes(project.state.stage as Stage)) issues.push(issueAt(row, 'code', 'report.notReporting', { value: project.state.stage }));
    if (period && period > thisMonth) issues.push(issueAt(row, 'period', 'report.futurePeriod'));
    if (seen.has(key)) issues.push(issueAt(row, 'period', 'import.duplicateRow', { value: key.replace('|', ' '), row: seen.get(key) }));
    seen.set(key, row.row);

    const current = project?.id && period ? existing.get(`${project.id}|${period}`) : undefined;
    const base = current ? figuresOf(current) : NO_FIGURES;
    // A column the sheet has replaces the figure (blank: none, or 0 for money); one it lacks keeps it.
    const funds: Record<string, string> = {};
    for (const s of FUND_SOURCES) {
      const field = FUND_FIELD[s];
      const cell = v.get(field);
      funds[s] = cell !== undefined && cell !== null ? String(cell) : cell === null && v.has(field) ? '0' : (base[FUND_COLUMN[s]] as string);
    }
    const input = {
      period: period ?? undefined,
      completedInvestment: v.has('completedInvestment') ? (v.get('completedInvestment') ?? undefined) : base.completedInvestment,
      funds,
      physicalProgress: v.has('physicalProgress') ? (v.get('physicalProgress') ?? null) : base.physicalProgress,
      progressPercent: v.has('progressPercent') ? (v.get('progressPercent') ?? null) : base.progressPercent === null ? null : Number(base.progressPercent),
      workersOnSite: v.has('workersOnSite') ? (v.get('workersOnSite') ?? null) : base.workersOnSite,
      workersExpected: v.has('workersExpected') ? (v.get('workersExpected') ?? null) : base.workersExpected,
      narrative: v.has('narrative') ? (v.get('narrative') ?? null) : base.narrative,
    };
    const quick = quickReportCheck(input);
    const parsed = quick ? ({ success: true, data: quick } as const) : createReportBody.safeParse(input);
    if (!parsed.success) {
      for (const i of fromZodIssues(parsed.error.issues)) if (v.get(i.field) !== undefined || !v.has(i.field)) issues.push(issueAt(row, i.field, i.rule, i.params));
    }
    if (issues.length || !parsed.success || !code || !period) {
      plan.issues.push(...issues);
      plan.outcomes.push({ sheet: row.sheet, row: row.row, kind: 'monthlyReports', key, action: 'rejected', changedFields: [] });
      continue;
    }
    // Amounts arrive canonical (cells are read to 分 and written back as yuan; stored figures are normalized), so equal amounts compare equal as text.
    const funds2 = parsed.data.funds;
    const next: ReportsPlan['creates'][number] = {
      code,
      period,
      sheet: row.sheet,
      row: row.row,
      projectId: project!.id,
      completedInvestment: parsed.data.completedInvestment,
      fundsOutOfProvince: funds2.outOfProvince ?? '0',
      fundsInProvince: funds2.inProvince ?? '0',
      fundsForeign: funds2.foreign ?? '0',
      fundsCentralBudget: funds2.centralBudget ?? '0',
      fundsSpecialBonds: funds2.specialBonds ?? '0',
      fundsBankLoans: funds2.bankLoans ?? '0',
      fundsSelfRaised: funds2.selfRaised ?? '0',
      physicalProgress: parsed.data.physicalProgress ?? null,
      progressPercent: parsed.data.progressPercent === null || parsed.data.progressPercent === undefined ? null : String(parsed.data.progressPercent),
      workersOnSite: parsed.data.workersOnSite ?? null,
      workersExpected: parsed.data.workersExpected ?? null,
      narrative: parsed.data.narrative ?? null,
    };
    const changed = current ? FIGURE_KEYS.filter((k) => (next[k] ?? null) !== (base[k] ?? null)).map((k) => FIELD_OF[k]) : NONE;
    if (current && changed.length && (current.status === 'submitted' || current.status === 'approved')) {
      const rule = current.status === 'approved' ? 'report.approvedImmutable' : 'report.illegalAction';
      plan.issues.push(issueAt(row, changed[0]!, rule, { from: `${current.status}（${REPORT_STATUS_LABELS[current.status]!.zh}）`, value: 'save（保存）', values: ['—'] }));
      plan.outcomes.push({ sheet: row.sheet, row: row.row, kind: 'monthlyReports', key, action: 'rejected', changedFields: changed });
      continue;
    }
    const action = !current ? 'create' : changed.length ? 'update' : 'unchanged';
    plan.outcomes.push({ sheet: row.sheet, row: row.row, kind: 'monthlyReports', key, action, changedFields: changed.length ? changed : NONE });
    if (action === 'create') plan.creates.push(next);
    else if (action === 'update') plan.updates.push({ ...next, id: current!.id, version: current!.version, changes: changed });
  }
  return plan;
}
