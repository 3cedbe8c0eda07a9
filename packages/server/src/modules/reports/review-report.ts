import { REPORT_ACTION_LABELS, REPORT_STATUS_LABELS, checkReportAction, type ReportAction } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { AppError, badRequest, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findReport, insertReportEvents, updateReportIfVersion, type ReportRow } from './reports.repository.js';
import { presentReport } from './present-report.js';
import { auditFields } from './create-report.js';

export type WorkflowAction = Exclude<ReportAction, 'save'>;

/**
 * Moves a report along its workflow: the reporter submits; a prefecture reviewer approves,
 * returns with a comment, or reopens an approved report with a reason. Each step is kept.
 */
export async function actOnReport(
  database: Database,
  actor: Actor,
  id: number,
  action: WorkflowAction,
  input: { comment?: string | undefined; version?: number | undefined },
) {
  return database.db.transaction(async (tx) => {
    const row = await findReport(tx, actor, id, { lock: true });
    if (!row) throw notFound('report');
    assertMayAct(actor, row, action);
    if (input.version !== undefined && input.version !== row.report.version) {
      // Read again without the lock: after waiting for a concurrent writer, a locking read refreshes
      // only the locked row, so the joined name of who changed it would be stale.
      const now = (await findReport(tx, actor, id))!;
      throw staleVersion({ ...now.report, updatedByName: now.updatedByName });
    }
    const check = checkReportAction(row.report.status, action, input.comment);
    if (!check.ok) {
      if (check.rule === 'report.commentRequired') throw badRequest('comment', check.rule);
      throw illegalAction(row.report.status, action, check.allowed);
    }
    const now = new Date();
    const userId = actor.userId || null;
    const set =
      action === 'submit'
        ? { status: check.to, submittedBy: userId, submittedAt: now, updatedBy: userId }
        : { status: check.to, reviewedBy: userId, reviewedAt: now, reviewComment: input.comment ?? null, updatedBy: userId };
    const before = presentReport(actor, row);
    // The row is locked: the update cannot miss, and what it returns is the report as it now is.
    const report = (await updateReportIfVersion(tx, id, row.report.version, set))!;
    await insertReportEvents(tx, [{ reportId: id, action, fromStatus: row.report.status, toStatus: check.to, comment: input.comment ?? null, actorId: userId }]);
    const names = action === 'submit' ? { submittedByName: actor.displayName } : { reviewedByName: actor.displayName };
    const after = presentReport(actor, { ...row, ...names, updatedByName: actor.displayName, report });
    await recordAudit(tx, actor, { action: `report.${action}`, entity: 'monthly_report', entityId: id, changes: diff(auditFields(before), auditFields(after)) });
    return after;
  });
}

export function assertMayAct(actor: Actor, row: ReportRow, action: WorkflowAction) {
  if (action === 'submit') {
    if (!may.fillReports(actor)) throw forbidden('role');
    return;
  }
  if (!may.reviewReports(actor)) throw forbidden('role');
  if (row.report.submittedBy === actor.userId) throw forbidden('separation');
}

export function illegalAction(status: string, action: string, allowed: string[]) {
  return new AppError(409, 'ILLEGAL_ACTION', [
    {
      field: 'status',
      rule: 'report.illegalAction',
      params: {
        from: `${status}（${REPORT_STATUS_LABELS[status]?.zh ?? status}）`,
        value: `${action}（${REPORT_ACTION_LABELS[action]?.zh ?? action}）`,
        values: allowed.length ? allowed.map((a) => `${a}（${REPORT_ACTION_LABELS[a]?.zh ?? a}）`) : ['—'],
      },
    },
  ]);
}
