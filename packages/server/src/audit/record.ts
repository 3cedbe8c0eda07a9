import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { Actor } from '../policies/actor.js';
import { GENESIS_HASH, eventHash } from './chain.js';
import { laneLockKey, laneOf } from './lanes.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Field → [before, after]. Use `diff()` to build it. */
  changes: Record<string, [unknown, unknown]>;
}

/** Rows per INSERT: 16 parameters each stays well under PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

/**
 * Appends an event to the actor's lane of the audit trail inside the caller's transaction, so the
 * event commits or rolls back with the change it describes. Call it last in the transaction: the
 * lane's lock is held until commit.
 */
export async function recordAudit(tx: Db, actor: Actor | null, input: AuditInput): Promise<void> {
  await recordAudits(tx, actor, [input]);
}

/**
 * Appends one event per changed record, in order, under one lock of the actor's lane: a bulk
 * change leaves each record its own line in its history.
 */
export async function recordAudits(tx: Db, actor: Actor | null, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  const lane = laneOf(actor);
  const head = await claimLane(tx, lane, inputs.length);
  let laneSeq = head.laneSeq;
  let prevHash = head.hash;
  const at = new Date();
  const rows = inputs.map((input, i) => {
    const fields = {
      seq: head.seqs[i]!,
      lane,
      laneSeq: ++laneSeq,
      at,
      actorId: actor?.userId || null,
      actorName: actor?.username ?? null,
      actorRoles: actor?.roles ?? null,
      actorRegion: actor?.regionCode || null,
      ip: actor?.ip ?? null,
      requestId: actor?.requestId ?? null,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId === undefined || input.entityId === null ? null : String(input.entityId),
      changes: input.changes,
    };
    const row = { ...fields, prevHash, hash: eventHash(fields, prevHash) };
    prevHash = row.hash;
    return row;
  });
  for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insert(auditEvents).values(rows.slice(i, i + INSERT_BATCH));
}

/**
 * Locks the lane until commit and reads its head with `count` fresh global seqs, in one round trip
 * (the database function audit_lane_claim: the head is read after the lock is granted).
 */
async function claimLane(tx: Db, lane: string, count: number): Promise<{ laneSeq: number; hash: string; seqs: number[] }> {
  // Always one row: the head is left-joined, null for a lane without events.
  const row = rowsOf<{ lane_seq: string | number | null; hash: string | null; seqs: (string | number)[] | string }>(
    await tx.execute(sql`select lane_seq, hash, seqs from audit_lane_claim(${lane}, ${laneLockKey(lane)}, ${count})`),
  )[0]!;
  return {
    laneSeq: row.lane_seq === null ? 0 : Number(row.lane_seq),
    hash: row.hash ?? GENESIS_HASH,
    seqs: parseBigintArray(row.seqs).sort((a, b) => a - b),
  };
}

/** node-postgres parses int8[] to strings; PGlite may hand back the array literal. */
function parseBigintArray(value: (string | number)[] | string): number[] {
  const items = typeof value === 'string' ? value.replace(/[{}]/g, '').split(',').filter(Boolean) : value;
  return items.map(Number);
}

/** The fields that differ between two versions of a record, as [before, after] pairs. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    if (key === 'updatedAt' || key === 'version' || key === 'abilities') continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[key] = [a, b];
  }
  return out;
}
