import type { Database } from '../../db/client.js';
import { AppError } from '../../http/errors.js';
import { diff, recordAudits } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { approveReports, findReportsForUpdate, insertReportEvents } from './reports.repository.js';
import { assertMayAct, illegalAction } from './review-report.js';

/**
 * Approves many submitted reports at once, all or nothing: if any id is outside the reviewer's
 * region or not awaiting review, nothing is approved. Each report gets its own audit event, so its
 * history shows who approved it and when.
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
    const now = new Date();
    await approveReports(tx, unique, actor.userId || null, comment ?? null, now);
    await insertReportEvents(
      tx,
      unique.map((reportId) => ({ reportId, action: 'approve', fromStatus: 'submitted', toStatus: 'approved', comment: comment ?? null, actorId: actor.userId || null })),
    );
    await recordAudits(
      tx,
      actor,
      rows.map(({ report }) => ({
        action: 'report.bulk-approve',
        entity: 'monthly_report',
        entityId: report.id,
        changes: diff(
          { status: report.status, reviewComment: report.reviewComment, reviewedAt: report.reviewedAt?.toISOString() ?? null },
          { status: 'approved', reviewComment: comment ?? null, reviewedAt: now.toISOString() },
        ),
      })),
    );
    return { approved: unique.length };
  });
}
