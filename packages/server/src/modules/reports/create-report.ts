import { REPORTING_STAGES, chinaPeriod, type Stage } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject } from '../projects/projects.repository.js';
import { findReport, insertReport, insertReportEvents, reportExists } from './reports.repository.js';
import { figureColumns, presentReport } from './present-report.js';
import type { CreateReportInput } from './reports.schemas.js';

/** Starts a project's report for a month as a draft. One report per project per month. */
export async function createReport(database: Database, actor: Actor, projectId: number, input: CreateReportInput) {
  if (!may.fillReports(actor)) throw forbidden('role');
  const project = await findProject(database.db, actor, projectId);
  if (!project) throw notFound('project');
  if (!REPORTING_STAGES.includes(project.project.stage as Stage)) {
    throw conflict('projectId', 'report.notReporting', { value: project.project.stage });
  }
  if (input.period > chinaPeriod()) throw badRequest('period', 'report.futurePeriod');
  if (await reportExists(database.db, projectId, input.period)) throw conflict('period', 'report.duplicate', { value: input.period });

  return database.db.transaction(async (tx) => {
    const id = await insertReport(tx, {
      projectId,
      period: input.period,
      status: 'draft',
      ...figureColumns(input),
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await insertReportEvents(tx, [{ reportId: id, action: 'create', fromStatus: null, toStatus: 'draft', actorId: actor.userId || null }]);
    const created = presentReport(actor, (await findReport(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'report.create', entity: 'monthly_report', entityId: id, changes: diff(null, auditFields(created)) });
    return created;
  });
}

export function auditFields(r: ReturnType<typeof presentReport>) {
  const { actions: _a, late: _l, deadline: _d, updatedAt: _u, submittedByName: _s, reviewedByName: _r, regionName: _rn, projectName: _pn, projectCode: _pc, ...rest } = r;
  return rest;
}
