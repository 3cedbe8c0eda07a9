import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { at } from './columns.js';

/**
 * The audit trail. Append-only (a trigger rejects UPDATE and DELETE) and hash-chained with SM3:
 * each event's hash covers its canonical form and the previous event's hash.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    /** Gapless: assigned under the chain lock as the previous seq + 1, so a removed event leaves a hole. */
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
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
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);
