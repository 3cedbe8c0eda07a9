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
    if (row.problem.version !== input.version) throw staleVersion({ ...row.problem, updatedByName: null });
    const before = presentProblem(actor, row);
    const { version, ...set } = input;
    await updateProblemIfVersion(tx, id, version, { ...set, updatedBy: actor.userId });
    const after = presentProblem(actor, (await findProblem(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'problem.update', entity: 'problem', entityId: id, changes: diff(auditFields(before), auditFields(after)) });
    return after;
  });
}
