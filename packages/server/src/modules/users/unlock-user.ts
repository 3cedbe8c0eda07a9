import type { Database } from '../../db/client.js';
import { forbidden } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { unlockUser } from './users.repository.js';

/** Lifts a lockout; `before` is the user as the administrator's scoped lookup found them. */
export async function unlockAccount(database: Database, actor: Actor, before: { id: number; failedLogins: number; lockedUntil: Date | null }): Promise<void> {
  if (!may.manageUsers(actor)) throw forbidden('role');
  await database.db.transaction(async (tx) => {
    await unlockUser(tx, before.id);
    await recordAudit(tx, actor, {
      action: 'user.unlock',
      entity: 'user',
      entityId: before.id,
      changes: diff({ failedLogins: before.failedLogins, lockedUntil: before.lockedUntil?.toISOString() ?? null }, { failedLogins: 0, lockedUntil: null }),
    });
  });
}
