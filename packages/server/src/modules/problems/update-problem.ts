import type { Database } from '../../db/client.js';
import { forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProblem, updateProblemIfVersion } from './problems.repository.js';
import { auditFields, presentProblem } from './present-problem.js';
import type { UpdateProblemInput } from './problems.schemas.js';

/** Changes what a problem says and who answers for it by when: its raiser, or a scheduler. */
export async function updateProblem(database: Database, actor: Actor, id: number, input: UpdateProblemInput) {
  return database.db.transaction(async (tx) => {
    const row = await findProblem(tx, actor, id, { lock: true });
    if (!row) throw notFound('problem');
    if (row.problem.raisedBy !== actor.userId && !may.handleProblems(actor)) throw forbidden('role');
    if (row.problem.version !== input.version) {
      // Read again without the lock: after waiting for a concurrent writer, a locking read refreshes
    // only the locked row, so the joined name of who changed it would be stale.
      const now = (await findProblem(tx, actor, id))!;
      throw staleVersion({ ...now.problem, updatedByName: now.updatedByName });
    }
    const before = presentProblem(actor, row);
    const { version, ...set } = input;
    await updateProblemIfVersion(tx, id, version, { ...set, updatedBy: actor.userId });
    const after = presentProblem(actor, (await findProblem(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'problem.update', entity: 'problem', entityId: id, changes: diff(auditFields(before), auditFields(after)) });
    return after;
  });
}
