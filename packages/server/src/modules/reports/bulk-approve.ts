import type { Database } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { approveReports, findReportsForUpdate, insertReportEvents } from './reports.repository.js';
import { assertMayAct, illegalAction } from './review-report.js';

/**
 * Approves many submitted reports at once, all or nothing: if any id is outside the reviewer's
 * region or not awaiting review, nothing is approved. One audit event lists every report.
 */
export async function bulkApprove(database: Database, actor: Actor, ids: number[], comment?: string): Promise<{ approved: number }> {
  const unique = [...new Set(ids)];
  return database.db.transaction(async (tx) => {
    const rows = await findReportsForUpdate(tx, actor, unique);
    if (rows.length !== unique.length) {
      const found = new Set(rows.map((r) => r.report.id));
      throw new AppError(404, 'NOT_FOUND', [], `report ${unique.find((id) => !found.has(id))}`);
    }
    for (const row of rows) {
      assertMayAct(actor, row, 'approve');
      if (row.report.status !== 'submitted') throw illegalAction(row.report.status, 'approve', []);
    }
    await approveReports(tx, unique, actor.userId || null, comment ?? null);
    await insertReportEvents(
      tx,
      unique.map((reportId) => ({ reportId, action: 'approve', fromStatus: 'submitted', toStatus: 'approved', comment: comment ?? null, actorId: actor.userId || null })),
    );
    await recordAudit(tx, actor, {
      action: 'report.bulk-approve',
      entity: 'monthly_report',
      entityId: null,
      changes: { ids: [null, unique], status: ['submitted', 'approved'] },
    });
    return { approved: unique.length };
  });
}
