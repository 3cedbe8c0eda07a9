import { STAGE_DATE_FIELD, chinaDate, checkTransition, decimalToString, normalizeYuan, parseDecimal, type Stage } from '@guatu/core';
import type { Db } from '../../../db/client.js';
import { fromZodIssues, type Issue } from '../../../http/errors.js';
import type { Actor } from '../../../policies/actor.js';
import { createProjectBody, type CreateProjectInput } from '../../projects/projects.schemas.js';
import { projectFactIssues } from '../../projects/validate-project.js';
import type { CodeLookups } from '../workbook/cells.js';
import { findEnterprisesByCreditCodes, findProjectsByCodes, takenProjectCodes, type ExistingProject } from '../exchange.repository.js';
import { issueAt, type ParsedRow, type RowIssue, type RowOutcome } from './import-types.js';

export type ProjectState = CreateProjectInput & { investorEnterpriseId: number | null };

export interface ProjectChange {
  row: ParsedRow;
  existing: ExistingProject | null;
  /** The project as it will be once the import is written. */
  next: ProjectState;
  changes: Record<string, [unknown, unknown]>;
  /** A stage move the row makes on an existing project, dated by the row or today. */
  transition: { from: Stage; to: Stage; on: string } | null;
}

export interface ProjectsPlan {
  changes: ProjectChange[];
  /** Every project the file names, as it will be after the import: for the plan and report sheets. */
  byCode: Map<string, { id: number | null; state: ProjectState } | null>;
  outcomes: RowOutcome[];
  issues: RowIssue[];
}

const FIELDS = ['name', 'kind', 'regionCode', 'locationRegionCode', 'longitude', 'latitude', 'categoryCode', 'level', 'stage', 'signedOn', 'startedOn', 'completedOn', 'totalInvestment', 'agreementAmount', 'annualPlans', 'investorEnterpriseId', 'liaisonLeader', 'workingTeam', 'caseFile', 'attributes', 'description'] as const;

/** The current record in the shape of the create body, with amounts and coordinates canonical. */
export function stateOf(p: ExistingProject): ProjectState {
  return {
    code: p.code,
    name: p.name,
    kind: p.kind,
    regionCode: p.regionCode,
    locationRegionCode: p.locationRegionCode,
    longitude: canonicalNumber(p.longitude),
    latitude: canonicalNumber(p.latitude),
    categoryCode: p.categoryCode,
    level: p.level,
    stage: p.stage,
    signedOn: p.signedOn,
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    totalInvestment: normalizeYuan(p.totalInvestment)!,
    agreementAmount: normalizeYuan(p.agreementAmount),
    annualPlans: p.annualPlans.map((a) => ({ year: a.year, amount: normalizeYuan(a.amount)! })),
    investorEnterpriseId: p.investorEnterpriseId,
    liaisonLeader: p.liaisonLeaderName ? { name: p.liaisonLeaderName, title: p.liaisonLeaderTitle } : null,
    workingTeam: p.workingTeam,
    caseFile: p.caseFile,
    attributes: p.attributes,
    description: p.description,
  };
}

const canonicalNumber = (v: string | null | undefined) => (v === null || v === undefined ? null : decimalToString(parseDecimal(v) ?? { units: 0n, scale: 0 }));

/** The row's present columns laid over the current record (or over nothing, for a new project). */
function overlay(row: ParsedRow, base: Partial<ProjectState>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...base, attributes: { ...(base.attributes ?? {}) } };
  const plans = new Map((base.annualPlans ?? []).map((p) => [p.year, p.amount]));
  let leader = base.liaisonLeader ?? null;
  for (const [key, value] of row.values) {
    if (value === undefined) continue;
    const [head, rest] = [key.split('.')[0]!, key.split('.').slice(1).join('.')];
    if (head === 'attributes') {
      if (value === null) delete (next.attributes as Record<string, string>)[rest];
      else (next.attributes as Record<string, string>)[rest] = String(value);
    } else if (head === 'annualPlans') {
      if (value !== null) plans.set(Number(rest), String(value));
    } else if (head === 'liaisonLeader') {
      leader = rest === 'name' ? (value === null ? null : { name: String(value), title: leader?.title ?? null }) : leader && { ...leader, title: value === null ? null : String(value) };
    } else if (head !== 'investorCreditCode') {
      next[key] = value;
    }
  }
  next.annualPlans = [...plans].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year, amount }));
  next.liaisonLeader = leader;
  return next;
}

function canonical(field: string, value: unknown): unknown {
  if (value === undefined || value === '') return null;
  if (field === 'longitude' || field === 'latitude') return canonicalNumber(value as string | null);
  if (field === 'totalInvestment' || field === 'agreementAmount') return normalizeYuan(value as string | null);
  if (field === 'attributes') return Object.fromEntries(Object.entries((value as Record<string, string>) ?? {}).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonicalNumber(v)]));
  if (field === 'liaisonLeader') return value ? { name: (value as { name: string }).name, title: (value as { title?: string | null }).title ?? null } : null;
  return value;
}

function diffStates(before: Partial<ProjectState> | null, after: ProjectState): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const field of FIELDS) {
    const a = before ? canonical(field, before[field]) : null;
    const b = canonical(field, after[field]);
    if (JSON.stringify(a) !== JSON.stringify(b)) out[field] = [a, b];
  }
  return out;
}

/** Zod's field paths name plans by index; the officer knows them by year. */
function placeIssue(row: ParsedRow, state: Record<string, unknown>, issue: Issue): RowIssue | null {
  let field = issue.field;
  const plan = /^annualPlans\.(\d+)(\..+)?$/.exec(field);
  if (plan) field = `annualPlans.${(state.annualPlans as { year: number }[])[Number(plan[1])]?.year ?? ''}`;
  if (row.values.has(field) && row.values.get(field) === undefined) return null; // the cell itself was already reported
  return issueAt(row, field, issue.rule, issue.params);
}

/**
 * Decides what each project row does, by the rules of POST and PATCH /projects: rows are matched
 * to projects in the actor's region by code; a new code creates a project (entry stage and stage
 * dates checked), a known one is updated field by field. A stage change must be a legal move of
 * the pipeline and is dated; a stage date changes only with its stage, as in the app.
 */
export async function planProjects(db: Db, actor: Actor, rows: ParsedRow[], lookups: CodeLookups, options: { lock: boolean }): Promise<ProjectsPlan> {
  const codes = [...new Set(rows.map((r) => r.values.get('code')).filter((c): c is string => typeof c === 'string'))];
  const creditCodes = [...new Set(rows.map((r) => r.values.get('investorCreditCode')).filter((c): c is string => typeof c === 'string'))];
  const [existing, investors] = await Promise.all([findProjectsByCodes(db, actor, codes, options), findEnterprisesByCreditCodes(db, actor, creditCodes)]);
  const taken = await takenProjectCodes(db, codes.filter((c) => !existing.has(c)));
  const today = chinaDate();
  const plan: ProjectsPlan = { changes: [], byCode: new Map(), outcomes: [], issues: [] };
  const seen = new Map<string, number>();

  for (const row of rows) {
    const code = row.values.get('code') as string | null | undefined;
    const issues: RowIssue[] = [...row.issues];
    const reject = () => {
      plan.issues.push(...issues);
      plan.outcomes.push({ sheet: row.sheet, row: row.row, kind: 'projects', key: code ?? '', action: 'rejected', changedFields: [] });
    };
    if (!code) {
      if (code === null) issues.push(issueAt(row, 'code', 'required'));
      reject();
      continue;
    }
    if (seen.has(code)) {
      issues.push(issueAt(row, 'code', 'import.duplicateRow', { value: code, row: seen.get(code) }));
      reject();
      continue;
    }
    seen.set(code, row.row);
    const current = existing.get(code) ?? null;
    if (!current && taken.has(code)) {
      issues.push(issueAt(row, 'code', 'projectCode.taken', { value: code }));
      reject();
      continue;
    }
    const before = current ? stateOf(current) : null;
    const draft = overlay(row, before ?? { code, annualPlans: [], attributes: {} });
    let investorEnterpriseId = before?.investorEnterpriseId ?? null;
    if (row.values.has('investorCreditCode')) {
      const credit = row.values.get('investorCreditCode');
      if (credit === null) investorEnterpriseId = null;
      else if (typeof credit === 'string') {
        const found = investors.get(credit);
        if (found) investorEnterpriseId = found.id;
        else issues.push(issueAt(row, 'investorCreditCode', 'enterprise.unknown', { value: credit }));
      }
    }
    const parsed = createProjectBody.safeParse(withoutNulls(draft));
    if (!parsed.success) {
      for (const i of fromZodIssues(parsed.error.issues)) {
        const placed = placeIssue(row, draft, i);
        if (placed) issues.push(placed);
      }
      reject();
      continue;
    }
    const next: ProjectState = { ...parsed.data, investorEnterpriseId };
    const facts = projectFactIssues(
      actor,
      next,
      {
        region: lookups.regionByCode.get(next.regionCode) ?? null,
        location: next.locationRegionCode ? (lookups.regionByCode.get(next.locationRegionCode) ?? null) : null,
        categoryExists: lookups.categoryByCode.has(next.categoryCode),
        investorFound: true,
      },
      { checkEntryStage: !current },
    );
    for (const i of facts) {
      const placed = placeIssue(row, next, i);
      if (placed) issues.push(placed);
    }
    const transition = current ? checkStageChange(row, current, next, today, issues) : null;
    if (issues.length) {
      reject();
      continue;
    }
    const changes = diffStates(before, next);
    const action = !current ? 'create' : Object.keys(changes).length ? 'update' : 'unchanged';
    plan.outcomes.push({ sheet: row.sheet, row: row.row, kind: 'projects', key: code, action, changedFields: current ? Object.keys(changes) : [] });
    plan.byCode.set(code, { id: current?.id ?? null, state: next });
    if (action !== 'unchanged') plan.changes.push({ row, existing: current, next, changes, transition });
  }
  // A row refused here may still be named by plan or report rows: they see the project as it is.
  for (const [code, p] of existing) if (!plan.byCode.has(code)) plan.byCode.set(code, { id: p.id, state: stateOf(p) });
  for (const code of codes) if (!plan.byCode.has(code)) plan.byCode.set(code, null);
  return plan;
}

const withoutNulls = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k, v]) => v !== null || !['name', 'kind', 'regionCode', 'categoryCode', 'level', 'stage', 'totalInvestment'].includes(k)));

const DATE_FIELDS = ['signedOn', 'startedOn', 'completedOn'] as const;

/** The checks of POST /projects/:id/transitions, for a stage written into a spreadsheet. */
function checkStageChange(row: ParsedRow, current: ExistingProject, next: ProjectState, today: string, issues: RowIssue[]): ProjectChange['transition'] {
  const from = current.stage as Stage;
  const to = next.stage;
  let transition: ProjectChange['transition'] = null;
  if (from !== to) {
    const check = checkTransition({ kind: current.kind, stage: from, suspendedFrom: current.suspendedFrom as Stage | null }, to);
    if (!check.ok) {
      issues.push(issueAt(row, 'stage', 'stage.illegal', { from, value: to, values: check.allowed.length ? check.allowed : ['—'] }));
      return null;
    }
    const dateField = STAGE_DATE_FIELD[to];
    const on = (dateField && next[dateField] !== current[dateField] ? next[dateField] : null) ?? today;
    if (on > today) issues.push(issueAt(row, dateField ?? 'stage', 'stage.dateInFuture'));
    if (to === 'signed' && !next.agreementAmount) issues.push(issueAt(row, 'agreementAmount', 'stage.needsAgreement'));
    if (dateField === 'completedOn' && next.startedOn && on < next.startedOn) issues.push(issueAt(row, 'completedOn', 'date.order', { other: '开工日期 / start date' }));
    transition = { from, to, on };
    if (dateField && !next[dateField]) next[dateField] = on;
  }
  for (const field of DATE_FIELDS) {
    const moved = transition && STAGE_DATE_FIELD[transition.to] === field;
    if ((next[field] ?? null) !== (current[field] ?? null) && !moved) issues.push(issueAt(row, field, 'import.dateWithStage'));
  }
  return transition;
}
