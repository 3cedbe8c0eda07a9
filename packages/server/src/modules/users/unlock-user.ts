import type { Database } from '../../db/client.js';
import { forbidden } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { unlockUser } from './users.repository.js';

export async function unlockAccount(database: Database, actor: Actor, userId: number): Promise<void> {
  if (!may.manageUsers(actor)) throw forbidden('role');
  await database.db.transaction(async (tx) => {
    await unlockUser(tx, userId);
    await recordAudit(tx, actor, { action: 'user.unlock', entity: 'user', entityId: userId, changes: { locked: [true, false] } });
  });
}
