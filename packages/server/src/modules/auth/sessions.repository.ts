import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { regions, sessions, users } from '../../db/schema/index.js';
import type { Actor } from '../../policies/actor.js';
import type { Role } from '@guatu/core';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  tx: Db,
  input: { userId: number; absoluteHours: number; ip?: string | undefined; userAgent?: string | undefined },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: hashToken(token),
    userId: input.userId,
    expiresAt: new Date(Date.now() + input.absoluteHours * 3_600_000),
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export type SessionLookup = { actor: Omit<Actor, 'ip' | 'requestId' | 'locale'>; lastSeenAt: Date } | null;

/** The live session behind a token, with its user and region; expired or idle sessions are not returned. */
export async function findSession(db: Db, token: string, idleMinutes: number): Promise<SessionLookup> {
  const now = new Date();
  const [row] = await db
    .select({
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      regionCode: users.regionCode,
      regionPath: regions.path,
      regionLevel: regions.level,
      roles: users.roles,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)),
        eq(users.active, true),
      ),
    )
    .limit(1);
  if (!row) return null;
  const { lastSeenAt, ...actor } = row;
  return { actor: { ...actor, roles: actor.roles as Role[] }, lastSeenAt };
}

export async function touchSession(db: Db, token: string): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteSession(tx: Db, token: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteExpiredSessions(db: Db, idleMinutes: number): Promise<void> {
  const now = new Date();
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000))));
}

export async function deleteUserSessions(tx: Db, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export const countSessions = async (db: Db) => (await db.select({ n: sql<number>`count(*)::int` }).from(sessions))[0]!.n;

/** The user behind a session, with the region they belong to. */
export async function findSessionUser(db: Db, token: string) {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      regionCode: regions.code,
      regionName: regions.name,
      regionLevel: regions.level,
      regionPath: regions.path,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(sessions.tokenHash, hashToken(token)));
  return row ?? null;
}
