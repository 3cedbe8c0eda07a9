import { createHash } from 'node:crypto';
import type { Actor } from '../policies/actor.js';

/** The lane of the events written before lanes: closed, verified with the hashes of that time. */
export const LEGACY_LANE = 'legacy';

/** The lane of events without an actor, such as sign-ins by unknown names. */
export const SYSTEM_LANE = 'system';

/**
 * The lane an actor's events go to: their prefecture, or the province for province-level users.
 * Prefectures write independently at month-end, so each gets a chain and a lock of its own.
 * Sign-ins know only the user's region code: a county's code names its prefecture in its first
 * four digits (GB/T 2260).
 */
export function laneOf(actor: Pick<Actor, 'regionCode' | 'regionPath'> | null): string {
  const path = (actor?.regionPath ?? '').split('/').filter(Boolean);
  if (path.length) return path[1] ?? path[0]!;
  const code = actor?.regionCode ?? '';
  if (/^\d{6}$/.test(code)) return code.endsWith('0000') ? code : `${code.slice(0, 4)}00`;
  return code || SYSTEM_LANE;
}

/** The advisory lock key of a lane: region codes are six digits; anything else is hashed into int4. */
export function laneLockKey(lane: string): number {
  if (/^\d{1,9}$/.test(lane)) return Number(lane);
  return createHash('sha256').update(lane).digest().readInt32BE(0);
}
