import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

export async function findUserForLogin(tx: Db, username: string) {
  const [row] = await tx
    .select({
      id: users.id,
      username: users.username,
      passwordHash: users.passwordHash,
      active: users.active,
      failedLogins: users.failedLogins,
      lockedUntil: users.lockedUntil,
      regionCode: users.regionCode,
      roles: users.roles,
    })
    .from(users)
    .where(eq(users.username, username))
    .for('update')
    .limit(1);
  return row ?? null;
}

export async function recordFailedLogin(tx: Db, userId: number, lockedUntil: Date | null): Promise<void> {
  await tx
    .update(users)
    .set({ failedLogins: sql`${users.failedLogins} + 1`, lockedUntil })
    .where(eq(users.id, userId));
}

export async function clearFailedLogins(tx: Db, userId: number): Promise<void> {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
}
