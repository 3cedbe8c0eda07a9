import type { Database } from '../../db/client.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { deleteSession } from './sessions.repository.js';

export async function logout(database: Database, actor: Actor, token: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    await deleteSession(tx, token);
    await recordAudit(tx, actor, { action: 'auth.logout', entity: 'user', entityId: actor.userId, changes: {} });
  });
}
