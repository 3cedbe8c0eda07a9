import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import type { Actor } from '../policies/actor.js';
import { GENESIS_HASH, eventHash } from './chain.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Field → [before, after]. Use `diff()` to build it. */
  changes: Record<string, [unknown, unknown]>;
}

/** Advisory lock key that orders appends to the chain. */
const CHAIN_LOCK = 7364001;

/** Rows per INSERT: 14 parameters each stays well under PostgreSQL's 65,535. */
const INSERT_BATCH = 1000;

/**
 * Appends an event to the audit chain inside the caller's transaction, so the event commits or
 * rolls back with the change it describes. Call it last in the transaction: the chain lock is
 * held until commit.
 */
export async function recordAudit(tx: Db, actor: Actor | null, input: AuditInput): Promise<void> {
  await recordAudits(tx, actor, [input]);
}

/**
 * Appends one event per changed record, in order, under one chain lock: a bulk change leaves each
 * record its own line in its history.
 */
export async function recordAudits(tx: Db, actor: Actor | null, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const [last] = await tx.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const rows = inputs.map((input) => {
    const fields = {
      seq: ++seq,
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
