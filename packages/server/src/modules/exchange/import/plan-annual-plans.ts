import { compareYuan, normalizeYuan, sumYuan } from '@guatu/core';
import { z } from 'zod';
import { fromZodIssues } from '../../../http/errors.js';
import { yuan } from '../../../http/schemas.js';
import type { ProjectContext } from './project-context.js';
import { issueAt, type ParsedRow, type RowIssue, type RowOutcome } from './import-types.js';

const planRow = z.strictObject({ year: z.number().int().min(2000).max(2100), amount: yuan() });

export interface PlanChange {
  code: string;
  year: number;
  amount: string;
  before: string | null;
}

export interface AnnualPlansPlan {
  changes: PlanChange[];
  outcomes: RowOutcome[];
  issues: RowIssue[];
}

/**
 * Annual plan rows (code, year, amount) set one year's plan of a project in the actor's region
 * or created by the same file. As on the project form, a project's plans may not add up to more
 * than its total investment, counting the totals and plans the same file sets.
 */
export async function planAnnualPlans(rows: ParsedRow[], projects: ProjectContext): Promise<AnnualPlansPlan> {
  await projects.ensure(rows.map((r) => r.values.get('code')).filter((c): c is string => typeof c === 'string'));
  const plan: AnnualPlansPlan = { changes: [], outcomes: [], issues: [] };
  const accepted = new Map<string, { row: ParsedRow; year: number; amount: string }[]>();
  const seen = new Map<string, number>();

  for (const row of rows) {
    const code = row.values.get('code') as string | null | undefined;
    const issues: RowIssue[] = [...row.issues];
    const key = `${code ?? ''}|${row.values.get('year') ?? ''}`;
    const project = code ? projects.byCode.get(code) : undefined;
    if (code === null) issues.push(issueAt(row, 'code', 'required'));
    else if (code && !project) issues.push(issueAt(row, 'code', 'import.projectUnknown', { value: code }));
    const parsed = planRow.safeParse({ year: row.values.get('year') ?? undefined, amount: row.values.get('amount') ?? undefined });
    if (!parsed.success) {
      for (const i of fromZodIssues(parsed.error.issues)) if (row.values.get(i.field) !== undefined) issues.push(issueAt(row, i.field, i.rule, i.params));
    }
    if (seen.has(key)) issues.push(issueAt(row, 'year', 'import.duplicateRow', { value: key.replace('|', ' '), row: seen.get(key) }));
    seen.set(key, row.row);
    if (issues.length || !parsed.success || !project || !code) {
      plan.issues.push(...issues);
      plan.outcomes.push({ sheet: row.sheet, row: row.row, kind: 'annualPlans', key, action: 'rejected', changedFields: [] });
      continue;
    }
    accepted.set(code, [...(accepted.get(code) ?? []), { row, year: parsed.data.year, amount: normalizeYuan(parsed.data.amount)! }]);
  }

  for (const [code, entries] of accepted) {
    const { state } = projects.byCode.get(code)!;
    const years = new Map(state.annualPlans.map((p) => [p.year, normalizeYuan(p.amount)!]));
    const before = new Map(years);
    for (const e of entries) years.set(e.year, e.amount);
    const sum = sumYuan(years.values());
    const exceeds = compareYuan(sum, state.totalInvestment) > 0;
    for (const e of entries) {
      const key = `${code}|${e.year}`;
      if (exceeds) {
        plan.issues.push(issueAt(e.row, 'amount', 'plans.exceedTotal', { sum, total: state.totalInvestment }));
        plan.outcomes.push({ sheet: e.row.sheet, row: e.row.row, kind: 'annualPlans', key, action: 'rejected', changedFields: [] });
        continue;
      }
      const previous = before.get(e.year) ?? null;
      const action = previous === null ? 'create' : previous === e.amount ? 'unchanged' : 'update';
      plan.outcomes.push({ sheet: e.row.sheet, row: e.row.row, kind: 'annualPlans', key, action, changedFields: action === 'update' ? ['amount'] : [] });
      if (action !== 'unchanged') plan.changes.push({ code, year: e.year, amount: e.amount, before: previous });
    }
    if (!exceeds) state.annualPlans = [...years].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year, amount }));
  }
  return plan;
}
