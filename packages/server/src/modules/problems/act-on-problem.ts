import { PROBLEM_ACTION_LABELS, PROBLEM_STATUS_LABELS, checkProblemAction, type ProblemAction } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { AppError, badRequest, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { problemActions } from '../../policies/abilities.js';
import { findProblem, insertMeeting, insertProblemEvent, updateProblemIfVersion } from './problems.repository.js';
import { auditFields, presentProblem } from './present-problem.js';
import type { ProblemActionInput } from './problems.schemas.js';

/**
 * 挂图销号: accept, resolve with a resolution, confirm (the raiser ticks it off) or reject,
 * escalate to a coordination meeting, record the meeting's decision.
 */
export async function actOnProblem(database: Database, actor: Actor, id: number, action: ProblemAction, input: ProblemActionInput) {
  return database.db.transaction(async (tx) => {
    const row = await findProblem(tx, actor, id, { lock: true });
    if (!row) throw notFound('problem');
    const p = row.problem;
    const check = checkProblemAction(p.status, action, input);
    if (!check.ok) {
      if (check.rule === 'problem.missing') throw badRequest(check.field, 'problem.missing');
      throw new AppError(409, 'ILLEGAL_ACTION', [
        {
          field: 'status',
          rule: 'problem.illegalAction',
          params: {
            from: `${p.status}（${PROBLEM_STATUS_LABELS[p.status]!.zh}）`,
            value: `${action}（${PROBLEM_ACTION_LABELS[action]!.zh}）`,
            values: check.allowed.length ? check.allowed.map((a) => `${a}（${PROBLEM_ACTION_LABELS[a]!.zh}）`) : ['—'],
          },
        },
      ]);
    }
    if (!problemActions(actor, { status: p.status, raisedBy: p.raisedBy }).includes(action)) {
      throw (action === 'confirm' || action === 'reject') ? new AppError(403, 'FORBIDDEN', [{ field: 'raisedBy', rule: 'problem.raiserOnly' }]) : forbidden('role');
    }
    if (input.version !== undefined && input.version !== p.version) {
      // Read again without the lock: after waiting for a concurrent writer, a locking read refreshes
    // only the locked row, so the joined name of who changed it would be stale.
      const now = (await findProblem(tx, actor, id))!;
      throw staleVersion({ ...now.problem, updatedByName: now.updatedByName });
    }

    const now = new Date();
    const set: Record<string, unknown> = { status: check.to, updatedBy: actor.userId };
    let note: string | null = input.comment ?? null;
    if (action === 'resolve') Object.assign(set, { resolution: input.resolution, resolvedAt: now });
    if (action === 'confirm') set.closedAt = now;
    if (action === 'reject') Object.assign(set, { resolvedAt: null });
    if (action === 'escalate') {
      set.meetingId = await insertMeeting(tx, { regionCode: p.regionCode, title: input.meeting!.title, heldOn: input.meeting!.heldOn, createdBy: actor.userId });
      note = `${input.meeting!.title}（${input.meeting!.heldOn}）`;
    }
    if (action === 'decide') set.decision = input.decision;
    if (action === 'resolve') note = input.resolution ?? null;
    if (action === 'decide') note = input.decision ?? null;

    const before = presentProblem(actor, row);
    await updateProblemIfVersion(tx, id, p.version, set);
    await insertProblemEvent(tx, { problemId: id, action, fromStatus: p.status, toStatus: check.to, note, actorId: actor.userId });
    const after = presentProblem(actor, (await findProblem(tx, actor, id))!);
    await recordAudit(tx, actor, { action: `problem.${action}`, entity: 'problem', entityId: id, changes: diff(auditFields(before), auditFields(after)) });
    return after;
  });
}
