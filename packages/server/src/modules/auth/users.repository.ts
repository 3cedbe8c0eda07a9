import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { regions, users } from '../../db/schema/index.js';
import type { Actor } from '../../policies/actor.js';

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

/** An active user as the actor of a command-line run (`guatu import --as USERNAME`). */
export async function findActorByUsername(db: Db, username: string): Promise<Actor | null> {
  const [row] = await db
    .select({ userId: users.id, username: users.username, displayName: users.displayName, regionCode: users.regionCode, regionPath: regions.path, regionLevel: regions.level, roles: users.roles })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(users.username, username), eq(users.active, true)));
  return row ? { ...row, roles: row.roles as Role[] } : null;
}
