import { STAGE_DATE_FIELD, chinaDate, normalizeYuan } from '@guatu/core';
import type { Db } from '../../../db/client.js';
import { conflict } from '../../../http/errors.js';
import type { Actor } from '../../../policies/actor.js';
import { insertProject, insertStageChange, updateProjectIfVersion } from '../../projects/projects.repository.js';
import { insertReports, updateReportFigures, upsertAnnualPlans } from '../exchange.repository.js';
import type { AnnualPlansPlan } from './plan-annual-plans.js';
import type { ProjectsPlan } from './plan-projects.js';
import type { ReportsPlan } from './plan-reports.js';

export interface Written {
  projects: { created: [number, number][]; updated: [number, number][] };
  annualPlans: { set: { projectId: number; year: number }[] };
  monthlyReports: { created: number[]; updated: number[] };
}

/**
 * Writes a checked import inside the caller's transaction: projects first (so plan and report
 * rows can name projects the same file creates), then annual plans, then reports. Every write
 * is the one the matching API call would make, stage history and report events included.
 */
export async function writeImport(
  tx: Db,
  actor: Actor,
  plans: { projects: ProjectsPlan; annualPlans: AnnualPlansPlan; monthlyReports: ReportsPlan },
  note: string,
  options: { reportStatus: 'draft' | 'approved' } = { reportStatus: 'draft' },
): Promise<Written> {
  const userId = actor.userId || null;
  const written: Written = { projects: { created: [], updated: [] }, annualPlans: { set: [] }, monthlyReports: { created: [], updated: [] } };
  const today = chinaDate();

  for (const change of plans.projects.changes) {
    const n = change.next;
    const values = {
      name: n.name,
      kind: n.kind,
      regionCode: n.regionCode,
      locationRegionCode: n.locationRegionCode ?? null,
      longitude: n.longitude ?? null,
      latitude: n.latitude ?? null,
      categoryCode: n.categoryCode,
      level: n.level,
      totalInvestment: n.totalInvestment,
      agreementAmount: n.agreementAmount ?? null,
      investorEnterpriseId: n.investorEnterpriseId,
      liaisonLeaderName: n.liaisonLeader?.name ?? null,
      liaisonLeaderTitle: n.liaisonLeader?.title ?? null,
      workingTeam: n.workingTeam ?? null,
      caseFile: n.caseFile ?? null,
      attributes: n.attributes,
      description: n.description ?? null,
      signedOn: n.signedOn ?? null,
      startedOn: n.startedOn ?? null,
      completedOn: n.completedOn ?? null,
      updatedBy: userId,
    };
    if (!change.existing) {
      const dateField = STAGE_DATE_FIELD[n.stage];
      const on = (dateField && n[dateField]) || today;
      const id = await insertProject(tx, { ...values, code: n.code, stage: n.stage, stageChangedOn: on, createdBy: userId });
      await insertStageChange(tx, { projectId: id, fromStage: null, toStage: n.stage, effectiveOn: on, note, changedBy: userId });
      plans.projects.byCode.set(n.code, { id, state: n });
      written.projects.created.push([change.row.row, id]);
    } else {
      const p = change.existing;
      const stage = change.transition
        ? { stage: change.transition.to, stageChangedOn: change.transition.on, suspendedFrom: change.transition.to === 'suspended' ? change.transition.from : null }
        : {};
      if (!(await updateProjectIfVersion(tx, p.id, p.version, { ...values, ...stage }))) throw conflict('version', 'version.stale', { value: p.version });
      if (change.transition) {
        await insertStageChange(tx, { projectId: p.id, fromStage: change.transition.from, toStage: change.transition.to, effectiveOn: change.transition.on, note, changedBy: userId });
      }
      written.projects.updated.push([change.row.row, p.id]);
    }
  }

  const planRows = plans.projects.changes.flatMap((c) => {
    const id = plans.projects.byCode.get(c.next.code)!.id!;
    const before = new Map((c.existing?.annualPlans ?? []).map((a) => [a.year, normalizeYuan(a.amount)]));
    return c.next.annualPlans.filter((a) => before.get(a.year) !== a.amount).map((a) => ({ projectId: id, year: a.year, amount: a.amount }));
  });
  for (const change of plans.annualPlans.changes) planRows.push({ projectId: plans.projects.byCode.get(change.code)!.id!, year: change.year, amount: change.amount });
  // A year set on both the project sheet and the plan sheet is written once, as the plan sheet says.
  const byKey = new Map(planRows.map((r) => [`${r.projectId}|${r.year}`, r]));
  await upsertAnnualPlans(tx, [...byKey.values()]);
  written.annualPlans.set = [...byKey.values()].map(({ projectId, year }) => ({ projectId, year }));

  const creates = plans.monthlyReports.creates.map((r) => ({ ...r, projectId: plans.projects.byCode.get(r.code)!.id! }));
  written.monthlyReports.created = await insertReports(tx, creates, userId, note, options.reportStatus);
  const updated = await updateReportFigures(tx, plans.monthlyReports.updates, userId);
  if (updated !== plans.monthlyReports.updates.length) throw conflict('version', 'version.stale', { value: '—' });
  written.monthlyReports.updated = plans.monthlyReports.updates.map((u) => u.id);
  return written;
}
