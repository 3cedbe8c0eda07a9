import type { Db } from '../../db/client.js';
import { forbidden } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject } from '../projects/projects.repository.js';
import { findReport } from '../reports/reports.repository.js';
import { findProblem } from '../problems/problems.repository.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';
import { findUser } from '../users/users.repository.js';

/** Records that have a history, by the entity name their audit events carry. */
export const HISTORY_ENTITIES = ['project', 'monthly_report', 'problem', 'enterprise', 'user'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/**
 * Whether the actor may see the record, asked exactly as the record's own route asks it: a
 * region-scoped lookup, so a record outside the actor's area answers 404 here too.
 */
const FINDERS: Record<HistoryEntity, (db: Db, actor: Actor, id: number) => Promise<unknown>> = {
  project: findProject,
  monthly_report: findReport,
  problem: findProblem,
  enterprise: findEnterprise,
  user: (db, actor, id) => {
    if (!may.manageUsers(actor)) throw forbidden('role');
    return findUser(db, actor, id);
  },
};

export async function recordVisible(db: Db, actor: Actor, entity: HistoryEntity, id: number): Promise<boolean> {
  return !!(await FINDERS[entity](db, actor, id));
}
