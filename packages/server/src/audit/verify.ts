import { asc, desc, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import { GENESIS_HASH, eventHash } from './chain.js';
import { LANE_LIST } from './lane-list.js';
import { LEGACY_LANE } from './lanes.js';

/**
 * What broke a lane's chain, at the first event where it broke:
 * - `altered`: the event's content no longer matches its own hash;
 * - `removed`: events are missing before this one (the lane's seq jumps);
 * - `out-of-order`: the event does not link to the one before it in its lane (its prev_hash is not
 *   that event's hash, or its global seq is not above it): an event was inserted here, or the one
 *   before was rewritten with a new hash;
 * - `anchor`: an anchor recorded outside the database (seq:hash) is no longer in the trail.
 */
export interface ChainBreak {
  /** The global seq of the event where the lane broke (for `removed`, the first event after the hole). */
  seq: number;
  lane: string;
  /** The event's place in its lane (for `removed`, the first one missing). */
  laneSeq: number;
  kind: 'altered' | 'removed' | 'out-of-order' | 'anchor';
  message: string;
}

/** An event pinned by its global seq and hash: a lane's head, kept outside the database as an anchor. */
export interface ChainHead {
  seq: number;
  hash: string;
  lane: string;
  laneSeq: number;
}

export interface VerifyResult {
  ok: boolean;
  /** Events checked before the walk stopped (all of them when ok). */
  events: number;
  /** The newest event of the trail (highest seq) among those checked. */
  head: ChainHead | null;
  /** Each lane's last event checked, by lane. */
  lanes: ChainHead[];
  break?: ChainBreak;
}

const BATCH = 2000;

type EventRow = typeof auditEvents.$inferSelect;

/**
 * Walks every lane of the audit trail from its first event: each event must follow the previous
 * one in its lane (lane_seq + 1, a higher global seq), carry its hash, and hash to what it stores.
 * Anchors (`seq:hash` pairs kept outside the database, one per lane head) prove that no one
 * rewrote a lane, or cut its end, since they were taken.
 */
export async function verifyAuditChain(db: Db, options: { anchors?: Pick<ChainHead, 'seq' | 'hash'>[] } = {}): Promise<VerifyResult> {
  const anchors = new Map((options.anchors ?? []).map((a) => [a.seq, a.hash]));
  const lanes = new Map<string, ChainHead>();
  let head: ChainHead | null = null;
  let checked = 0;
  const result = (broke?: ChainBreak): VerifyResult => ({ ok: !broke, events: checked, head, lanes: [...lanes.values()], ...(broke ? { break: broke } : {}) });

  let after: { lane: string; laneSeq: number } | null = null;
  for (;;) {
    const rows: EventRow[] = await db
      .select()
      .from(auditEvents)
      // A row comparison: one range scan of the (lane, lane_seq) index per batch.
      .where(after ? sql`(${auditEvents.lane}, ${auditEvents.laneSeq}) > (${after.lane}, ${after.laneSeq})` : undefined)
      .orderBy(asc(auditEvents.lane), asc(auditEvents.laneSeq))
      .limit(BATCH);
    if (!rows.length) break;
    for (const row of rows) {
      const broke = checkEvent(row, lanes.get(row.lane) ?? null, anchors);
      if (broke) return result(broke);
      anchors.delete(row.seq);
      const reached = { seq: row.seq, hash: row.hash, lane: row.lane, laneSeq: row.laneSeq };
      lanes.set(row.lane, reached);
      if (!head || reached.seq > head.seq) head = reached;
      checked++;
    }
    const last = rows[rows.length - 1]!;
    after = { lane: last.lane, laneSeq: last.laneSeq };
  }
  for (const [seq] of [...anchors].sort(([a], [b]) => a - b)) {
    return result({ seq, lane: '', laneSeq: 0, kind: 'anchor', message: `event ${seq} is recorded in an anchor but is no longer in the audit trail: events were removed from the end of its lane` });
  }
  return result();
}

/** The first thing wrong with an event, given the one before it in its lane. */
function checkEvent(row: EventRow, before: ChainHead | null, anchors: Map<number, string>): ChainBreak | undefined {
  const expected = (before?.laneSeq ?? 0) + 1;
  const what = `event ${row.seq} (${row.action} ${row.entity} ${row.entityId ?? ''})`;
  const at = { seq: row.seq, lane: row.lane };
  if (row.laneSeq !== expected) {
    const missing = row.laneSeq - expected === 1 ? `event ${expected} of lane ${row.lane} is` : `events ${expected}–${row.laneSeq - 1} of lane ${row.lane} are`;
    const from = before ? `event ${before.seq}` : 'its start';
    return { ...at, laneSeq: expected, kind: 'removed', message: `${missing} missing: the lane jumps from ${from} to event ${row.seq}` };
  }
  const { prevHash: storedPrev, hash, lane, laneSeq, ...fields } = row;
  // The legacy lane's hashes cover neither lane nor lane_seq, which there is the seq itself.
  const hashed = lane === LEGACY_LANE ? fields : { ...fields, lane, laneSeq };
  if (eventHash(hashed, storedPrev) !== hash || (lane === LEGACY_LANE && laneSeq !== row.seq)) {
    return { ...at, laneSeq, kind: 'altered', message: `${what} in lane ${lane} was altered: its content no longer matches its hash` };
  }
  if (storedPrev !== (before?.hash ?? GENESIS_HASH) || (before && row.seq <= before.seq)) {
    const previous = before ? `event ${before.seq}` : 'the start of the lane';
    return {
      ...at,
      laneSeq,
      kind: 'out-of-order',
      message: `${what} does not follow ${previous} in lane ${lane}: it was inserted out of order, or ${previous} was rewritten`,
    };
  }
  const anchored = anchors.get(row.seq);
  if (anchored !== undefined && anchored !== hash) {
    return { ...at, laneSeq, kind: 'anchor', message: `${what} differs from the anchor recorded for it: lane ${lane} was rewritten from this event on` };
  }
  return undefined;
}

/** The newest event of the whole trail. */
export async function auditHead(db: Db): Promise<ChainHead | null> {
  const [row] = await db
    .select({ seq: auditEvents.seq, hash: auditEvents.hash, lane: auditEvents.lane, laneSeq: auditEvents.laneSeq })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row ?? null;
}

/** Each lane's last event: record them (seq:hash) outside the database to anchor every lane. */
export async function auditHeads(db: Db): Promise<ChainHead[]> {
  const result = await db.execute(sql`${LANE_LIST}
    select h.seq, h.hash, h.lane, h.lane_seq from lanes
    cross join lateral (select seq, hash, lane, lane_seq from audit_events e where e.lane = lanes.lane order by e.lane_seq desc limit 1) h
    order by h.lane`);
  return rowsOf<{ seq: string | number; hash: string; lane: string; lane_seq: string | number }>(result).map((r) => ({
    seq: Number(r.seq),
    hash: r.hash,
    lane: r.lane,
    laneSeq: Number(r.lane_seq),
  }));
}

/** `seq:hash` as the CLI prints and reads anchors; a trailing `lane X`, as `guatu audit head` prints it, is allowed. */
export function parseAnchor(text: string): Pick<ChainHead, 'seq' | 'hash'> {
  const match = /^(\d+):([0-9a-f]{64})(?:\s+lane\s+\S+)?$/.exec(text.trim());
  if (!match) throw new Error(`an anchor is seq:hash (e.g. 1024:${'ab'.repeat(32)}), not "${text}"`);
  return { seq: Number(match[1]), hash: match[2]! };
}
