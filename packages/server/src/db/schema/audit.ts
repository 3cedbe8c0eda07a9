import { bigint, index, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

/**
 * The audit trail. Append-only (a trigger rejects UPDATE and DELETE) and hash-chained with SM3 in
 * lanes: one chain per prefecture, one for the province, one for the system, and the closed
 * 'legacy' lane of the events written before lanes. Each event's hash covers its canonical form
 * and the hash of the event before it in its lane.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** The global order, for listing: drawn from a sequence under the lane's lock, so it rises within a lane. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    /** The chain the event belongs to: a region code (the actor's prefecture, or the province), 'system' or 'legacy'. */
    lane: text('lane').notNull(),
    /** Gapless within the lane: assigned under the lane's lock as the previous lane_seq + 1, so a removed event leaves a hole. */
    laneSeq: bigint('lane_seq', { mode: 'number' }).notNull(),
    at: at('at').notNull(),
    actorId: bigint('actor_id', { mode: 'number' }),
    actorName: text('actor_name'),
    actorRoles: text('actor_roles').array(),
    actorRegion: text('actor_region'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, [unknown, unknown]>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId), uniqueIndex('audit_lane_seq_idx').on(t.lane, t.laneSeq)],
);
