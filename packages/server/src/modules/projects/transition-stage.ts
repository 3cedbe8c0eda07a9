import { STAGE_DATE_FIELD, STAGE_LABELS, chinaDate, checkTransition, type Stage } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { AppError, badRequest, conflict, forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject, insertStageChange, updateProjectIfVersion } from './projects.repository.js';
import { auditView, presentProject } from './present-project.js';

export interface TransitionInput {
  to: Stage;
  on?: string | undefined;
  note?: string | undefined;
  agreementAmount?: string | undefined;
  version?: number | undefined;
}

/**
 * Moves a project along the pipeline. The state machine in @guatu/core decides what is legal;
 * an illegal move gets 409 naming the stages that are allowed. The move, its date and its author
 * are kept in the stage history, and the stage's date (signed, started, completed) is set.
 */
export async function transitionStage(database: Database, actor: Actor, id: number, input: TransitionInput) {
  if (!may.editProjects(actor)) throw forbidden('role');
  const on = input.on ?? chinaDate();
  if (on > chinaDate()) throw badRequest('on', 'stage.dateInFuture');

  return database.db.transaction(async (tx) => {
    const current = await findProject(tx, actor, id, { lock: true });
    if (!current) throw notFound('project');
    const p = current.project;
    if (input.version !== undefined && input.version !== p.version) {
      // Read again without the lock: after waiting for a concurrent writer, a locking read refreshes
    // only the locked row, so the joined name of who changed it would be stale.
      const now = (await findProject(tx, actor, id))!;
      throw staleVersion({ ...now.project, updatedByName: now.updatedByName });
    }

    const from = p.stage as Stage;
    const check = checkTransition({ kind: p.kind, stage: from, suspendedFrom: p.suspendedFrom as Stage | null }, input.to);
    if (!check.ok) {
      throw new AppError(409, 'ILLEGAL_TRANSITION', [
        {
          field: 'to',
          rule: 'stage.illegal',
          params: {
            from: `${from}（${STAGE_LABELS[from]!.zh}）`,
            value: input.to,
            values: check.allowed.length ? check.allowed.map((s) => `${s}（${STAGE_LABELS[s]!.zh}）`) : ['—'],
          },
        },
      ]);
    }
    const agreementAmount = input.agreementAmount ?? p.agreementAmount;
    if (input.to === 'signed' && !agreementAmount) throw badRequest('agreementAmount', 'stage.needsAgreement');
    const before = presentProject(actor, current);

    const set: Record<string, unknown> = {
      stage: input.to,
      stageChangedOn: on,
      suspendedFrom: input.to === 'suspended' ? from : null,
      updatedBy: actor.userId || null,
    };
    if (input.agreementAmount) set.agreementAmount = input.agreementAmount;
    const dateField = STAGE_DATE_FIELD[input.to];
    // Resuming from a suspension keeps the original dates: the project started when it started.
    if (dateField && !(from === 'suspended' && p[dateField])) {
      if (dateField === 'completedOn' && p.startedOn && on < p.startedOn) {
        throw badRequest('on', 'date.order', { other: '开工日期 / start date' });
      }
      if (!(input.to === 'operating' && p.completedOn)) set[dateField] = on;
    }
    if (!(await updateProjectIfVersion(tx, id, p.version, set))) throw conflict('version', 'version.stale', { value: p.version });
    await insertStageChange(tx, { projectId: id, fromStage: from, toStage: input.to, effectiveOn: on, note: input.note ?? null, changedBy: actor.userId || null });
    const after = presentProject(actor, (await findProject(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'project.transition', entity: 'project', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}
