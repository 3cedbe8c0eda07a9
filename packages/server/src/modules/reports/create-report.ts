import { REPORTING_STAGES, chinaPeriod, type Stage } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProjectForReport, insertReport, insertReportEvents } from './reports.repository.js';
import { figureColumns, presentReport } from './present-report.js';
import type { CreateReportInput } from './reports.schemas.js';

/** Starts a project's report for a month as a draft. One report per project per month. */
export async function createReport(database: Database, actor: Actor, projectId: number, input: CreateReportInput) {
  if (!may.fillReports(actor)) throw forbidden('role');
  const found = await findProjectForReport(database.db, actor, projectId, input.period);
  if (!found) throw notFound('project');
  const { hasReport, ...project } = found;
  if (!REPORTING_STAGES.includes(project.projectStage as Stage)) {
    throw conflict('projectId', 'report.notReporting', { value: project.projectStage });
  }
  if (input.period > chinaPeriod()) throw badRequest('period', 'report.futurePeriod');
  if (hasReport) throw conflict('period', 'report.duplicate', { value: input.period });

  return database.db.transaction(async (tx) => {
    const report = await insertReport(tx, {
      projectId,
      period: input.period,
      status: 'draft',
      ...figureColumns(input),
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await insertReportEvents(tx, [{ reportId: report.id, action: 'create', fromStatus: null, toStatus: 'draft', actorId: actor.userId || null }]);
    // The row as inserted and the project as read: nothing to read back.
    const created = presentReport(actor, { ...project, report, submittedByName: null, reviewedByName: null, updatedByName: actor.displayName });
    await recordAudit(tx, actor, { action: 'report.create', entity: 'monthly_report', entityId: report.id, changes: diff(null, auditFields(created)) });
    return created;
  });
}

export function auditFields(r: ReturnType<typeof presentReport>) {
  const { actions: _a, late: _l, deadline: _d, updatedAt: _u, submittedByName: _s, reviewedByName: _r, regionName: _rn, projectName: _pn, projectCode: _pc, ...rest } = r;
  return rest;
}
