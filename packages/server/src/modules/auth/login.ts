import type { Database } from '../../db/client.js';
import { AppError, unauthorized } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import { createSession, deleteSession } from './sessions.repository.js';
import { clearFailedLogins, findUserForLogin, recordFailedLogin } from './users.repository.js';
import { dummyHash, verifyPassword } from './passwords.js';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface LoginInput {
  username: string;
  password: string;
  ip?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
  absoluteHours: number;
  /** The session the browser still holds, if any: a sign-in ends it, so every sign-in starts a fresh session id. */
  replacesToken?: string | null | undefined;
}

/**
 * Checks a password and opens a session. Five failures in a row lock the account for 15 minutes
 * (MLPS level 3 asks for lockout); every attempt, good or bad, lands in the audit trail.
 */
export async function login(database: Database, input: LoginInput): Promise<{ token: string; userId: number }> {
  const now = new Date();
  const result = await database.db.transaction(async (tx) => {
    const user = await findUserForLogin(tx, input.username);
    const who = { userId: user?.id ?? 0, username: input.username, roles: [], regionCode: user?.regionCode ?? '', ip: input.ip, requestId: input.requestId } as any;
    if (!user || !user.active) {
      await verifyPassword(await dummyHash(), input.password);
      await recordAudit(tx, who, { action: 'auth.login.failed', entity: 'user', entityId: null, changes: { reason: [null, 'unknown user'] } });
      return { ok: false as const };
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await recordAudit(tx, who, { action: 'auth.login.locked', entity: 'user', entityId: user.id, changes: {} });
      return { ok: false as const, lockedUntil: user.lockedUntil, failures: user.failedLogins };
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const failures = user.failedLogins + 1;
      const lockedUntil = failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
      await recordFailedLogin(tx, user.id, lockedUntil);
      await recordAudit(tx, who, {
        action: lockedUntil ? 'auth.account.locked' : 'auth.login.failed',
        entity: 'user',
        entityId: user.id,
        changes: { failedLogins: [user.failedLogins, failures] },
      });
      return lockedUntil ? { ok: false as const, lockedUntil, failures } : { ok: false as const };
    }
    await clearFailedLogins(tx, user.id);
    if (input.replacesToken) await deleteSession(tx, input.replacesToken);
    const token = await createSession(tx, { userId: user.id, absoluteHours: input.absoluteHours, ip: input.ip, userAgent: input.userAgent });
    await recordAudit(tx, { ...who, roles: user.roles }, { action: 'auth.login', entity: 'user', entityId: user.id, changes: {} });
    return { ok: true as const, token, userId: user.id };
  });
  if (result.ok) return { token: result.token, userId: result.userId };
  if ('lockedUntil' in result && result.lockedUntil) {
    const until = result.lockedUntil.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    throw new AppError(423, 'ACCOUNT_LOCKED', [{ field: 'username', rule: 'account.locked', params: { until, count: LOCK_AFTER_FAILURES } }]);
  }
  throw unauthorized('credentials');
}
