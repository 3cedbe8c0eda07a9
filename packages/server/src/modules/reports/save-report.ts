import { checkReportAction } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { AppError, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findReport, updateReportIfVersion } from './reports.repository.js';
import { figureColumns, presentReport } from './present-report.js';
import type { UpdateReportInput } from './reports.schemas.js';
import { auditFields } from './create-report.js';

/** Saves figures on a draft or returned report. An approved report is frozen until reopened. */
export async function saveReport(database: Database, actor: Actor, id: number, input: UpdateReportInput) {
  if (!may.fillReports(actor)) throw forbidden('role');
  return database.db.transaction(async (tx) => {
    const row = await findReport(tx, actor, id, { lock: true });
    if (!row) throw notFound('report');
    const check = checkReportAction(row.report.status, 'save');
    if (!check.ok) {
      const rule = row.report.status === 'approved' ? 'report.approvedImmutable' : 'report.illegalAction';
      throw new AppError(409, 'ILLEGAL_ACTION', [{ field: 'status', rule, params: { from: row.report.status, value: 'save', values: [] } }]);
    }
    if (row.report.version !== input.version) {
      // Read again without the lock: after waiting for a concurrent writer, a locking read refreshes
    // only the locked row, so the joined name of who changed it would be stale.
      const now = (await findReport(tx, actor, id))!;
      throw staleVersion({ ...now.report, updatedByName: now.updatedByName });
    }
    const before = presentReport(actor, row);
    const report = (await updateReportIfVersion(tx, id, input.version, { ...figureColumns(input), updatedBy: actor.userId || null }))!;
    const after = presentReport(actor, { ...row, updatedByName: actor.displayName, report });
    await recordAudit(tx, actor, { action: 'report.save', entity: 'monthly_report', entityId: id, changes: diff(auditFields(before), auditFields(after)) });
    return after;
  });
}
