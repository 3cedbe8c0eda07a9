import { STAGE_DATE_FIELD, chinaDate, normalizeYuan } from '@guatu/core';
import type { Db } from '../../../db/client.js';
import { conflict } from '../../../http/errors.js';
import type { Actor } from '../../../policies/actor.js';
import { insertProject, insertStageChange, updateProjectIfVersion } from '../../projects/projects.repository.js';
import { projectColumns } from '../../projects/project-columns.js';
import { insertReports, updateReportFigures, upsertAnnualPlans } from '../exchange.repository.js';
import type { AnnualPlansPlan } from './plan-annual-plans.js';
import type { ProjectsPlan } from './plan-projects.js';
import type { ReportsPlan } from './plan-reports.js';
import type { ProjectContext } from './project-context.js';
import type { HeldReferences } from './held-references.repository.js';

export interface Written {
  projects: { created: [number, number][]; updated: [number, number][] };
  annualPlans: { set: { projectId: number; year: number }[] };
  monthlyReports: { created: number[]; updated: number[] };
}

export const emptyWritten = (): Written => ({ projects: { created: [], updated: [] }, annualPlans: { set: [] }, monthlyReports: { created: [], updated: [] } });

/**
 * Writes a project sheet's checked changes, each as POST or PATCH /projects would, stage history
 * and annual plans included, and records the new projects' ids in `plan.byCode`.
 */
export async function writeProjects(tx: Db, actor: Actor, plan: ProjectsPlan, note: string, written: Written): Promise<void> {
  const userId = actor.userId || null;
  const today = chinaDate();
  const planRows: { projectId: number; year: number; amount: string }[] = [];
  for (const change of plan.changes) {
    const n = change.next;
    const values = projectColumns(n, userId);
    let id: number;
    if (!change.existing) {
      const dateField = STAGE_DATE_FIELD[n.stage];
      const on = (dateField && n[dateField]) || today;
      id = await insertProject(tx, { ...values, code: n.code, stage: n.stage, stageChangedOn: on, createdBy: userId });
      await insertStageChange(tx, { projectId: id, fromStage: null, toStage: n.stage, effectiveOn: on, note, changedBy: userId });
      plan.byCode.set(n.code, { id, state: n });
      written.projects.created.push([change.row.row, id]);
    } else {
      const p = change.existing;
      id = p.id;
      const stage = change.transition
        ? { stage: change.transition.to, stageChangedOn: change.transition.on, suspendedFrom: change.transition.to === 'suspended' ? change.transition.from : null }
        : {};
      if (!(await updateProjectIfVersion(tx, p.id, p.version, { ...values, ...stage }))) throw conflict('version', 'version.stale', { value: p.version });
      if (change.transition) {
        await insertStageChange(tx, { projectId: p.id, fromStage: change.transition.from, toStage: change.transition.to, effectiveOn: change.transition.on, note, changedBy: userId });
      }
      written.projects.updated.push([change.row.row, p.id]);
    }
    const before = new Map((change.existing?.annualPlans ?? []).map((a) => [a.year, normalizeYuan(a.amount)]));
    for (const a of n.annualPlans) if (before.get(a.year) !== a.amount) planRows.push({ projectId: id, year: a.year, amount: a.amount });
  }
  await upsertAnnualPlans(tx, planRows);
  written.annualPlans.set.push(...planRows.map(({ projectId, year }) => ({ projectId, year })));
}

/** Writes the years a plan sheet sets. */
export async function writeAnnualPlans(tx: Db, plan: AnnualPlansPlan, projects: ProjectContext, written: Written): Promise<void> {
  const byKey = new Map(plan.changes.map((c) => [`${c.code}|${c.year}`, { projectId: projects.byCode.get(c.code)!.id!, year: c.year, amount: c.amount }]));
  await upsertAnnualPlans(tx, [...byKey.values()]);
  written.annualPlans.set.push(...[...byKey.values()].map(({ projectId, year }) => ({ projectId, year })));
}

/** Writes a chunk of checked report rows: new reports (drafts, or approved when published elsewhere) and new figures on drafts. */
export async function writeReports(
  tx: Db,
  actor: Actor,
  plan: ReportsPlan,
  projects: ProjectContext,
  note: string,
  status: 'draft' | 'approved',
  written: Written,
  held: HeldReferences | null = null,
): Promise<void> {
  const userId = actor.userId || null;
  // A project the same file creates has its id once its sheet is written.
  for (const r of plan.creates) r.projectId ??= projects.byCode.get(r.code)!.id!;
  const creates = plan.creates as (ReportsPlan['creates'][number] & { projectId: number })[];
  written.monthlyReports.created.push(...(await insertReports(tx, creates, userId, note, status, held)));
  const updated = await updateReportFigures(tx, plan.updates, userId);
  if (updated !== plan.updates.length) throw conflict('version', 'version.stale', { value: '—' });
  written.monthlyReports.updated.push(...plan.updates.map((u) => u.id));
}
