import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  regionCode: users.regionCode,
  regionName: regions.name,
  roles: users.roles,
  active: users.active,
  failedLogins: users.failedLogins,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
};

export async function listUsers(db: Db, actor: Actor) {
  return db
    .select(columns)
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(scopeToRegion(users.regionCode, actor))
    .orderBy(asc(regions.sort), asc(users.username));
}

export async function findUser(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select(columns)
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(users.id, id), scopeToRegion(users.regionCode, actor)));
  return row ?? null;
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return !!row;
}

export async function insertUser(tx: Db, values: typeof users.$inferInsert) {
  const [row] = await tx.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}

export async function unlockUser(tx: Db, id: number) {
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
}
