import { asc, desc, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import { GENESIS_HASH, eventHash } from './chain.js';

/**
 * What broke the chain, at the first event where it broke:
 * - `altered`: the event's content no longer matches its own hash;
 * - `removed`: events are missing before this one (seq jumps);
 * - `out-of-order`: the event does not link to the one before it (its prev_hash is not that
 *   event's hash): an event was inserted here, or the one before was rewritten with a new hash;
 * - `anchor`: an anchor recorded outside the database (seq:hash) is no longer in the chain.
 */
export interface ChainBreak {
  seq: number;
  kind: 'altered' | 'removed' | 'out-of-order' | 'anchor';
  message: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface VerifyResult {
  ok: boolean;
  /** Events checked before the walk stopped (all of them when ok). */
  events: number;
  head: ChainHead | null;
  break?: ChainBreak;
}

const BATCH = 2000;

/**
 * Walks the audit chain from the first event: every event must follow the previous one (seq + 1),
 * carry the previous event's hash, and hash to what it stores. Anchors (`seq:hash` pairs kept
 * outside the database) prove that no one rewrote the whole chain since they were taken.
 */
export async function verifyAuditChain(db: Db, options: { anchors?: ChainHead[] } = {}): Promise<VerifyResult> {
  const anchors = new Map((options.anchors ?? []).map((a) => [a.seq, a.hash]));
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let head: ChainHead | null = null;
  let checked = 0;
  const fail = (seq: number, kind: ChainBreak['kind'], message: string): VerifyResult => ({ ok: false, events: checked, head, break: { seq, kind, message } });

  for (;;) {
    const rows = await db.select().from(auditEvents).where(gt(auditEvents.seq, expectedSeq - 1)).orderBy(asc(auditEvents.seq)).limit(BATCH);
    if (!rows.length) break;
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        const missing = row.seq - expectedSeq === 1 ? `event ${expectedSeq} is` : `events ${expectedSeq}–${row.seq - 1} are`;
        return fail(expectedSeq, 'removed', `${missing} missing: the chain jumps from event ${expectedSeq - 1} to event ${row.seq}`);
      }
      const { prevHash: storedPrev, hash, ...fields } = row;
      if (eventHash(fields, storedPrev) !== hash) {
        return fail(row.seq, 'altered', `event ${row.seq} (${row.action} ${row.entity} ${row.entityId ?? ''}) was altered: its content no longer matches its hash`);
      }
      if (storedPrev !== prevHash) {
        return fail(
          row.seq,
          'out-of-order',
          `event ${row.seq} (${row.action} ${row.entity} ${row.entityId ?? ''}) does not follow event ${row.seq - 1}: it was inserted out of order, or event ${row.seq - 1} was rewritten`,
        );
      }
      const anchored = anchors.get(row.seq);
      if (anchored !== undefined && anchored !== hash) {
        return fail(row.seq, 'anchor', `event ${row.seq} differs from the anchor recorded for it: the chain was rewritten from this event on`);
      }
      anchors.delete(row.seq);
      prevHash = hash;
      head = { seq: row.seq, hash };
      expectedSeq++;
      checked++;
    }
  }
  for (const [seq] of [...anchors].sort(([a], [b]) => a - b)) {
    return fail(seq, 'anchor', `event ${seq} is recorded in an anchor but the chain ends at event ${head?.seq ?? 0}: events were removed from the end`);
  }
  return { ok: true, events: checked, head };
}

/** The newest event: record its seq and hash outside the database to anchor the chain. */
export async function auditHead(db: Db): Promise<ChainHead | null> {
  const [row] = await db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
  return row ?? null;
}

/** `seq:hash` as the CLI prints and reads anchors. */
export function parseAnchor(text: string): ChainHead {
  const match = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) throw new Error(`an anchor is seq:hash (e.g. 1024:${'ab'.repeat(32)}), not "${text}"`);
  return { seq: Number(match[1]), hash: match[2]! };
}
