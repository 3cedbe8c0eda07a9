import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, users } from '../../db/schema/index.js';

/**
 * The audit events about one record, newest first. The audit trail has no region column of its
 * own: callers reach this only after the record itself was found with a region-scoped query.
 */
export async function listRecordEvents(db: Db, entity: string, entityId: number, page: { before?: number | undefined; limit: number }) {
  return db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      action: auditEvents.action,
      actorId: auditEvents.actorId,
      actorName: auditEvents.actorName,
      actorDisplayName: users.displayName,
      actorRoles: auditEvents.actorRoles,
      actorRegion: auditEvents.actorRegion,
      requestId: auditEvents.requestId,
      changes: auditEvents.changes,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, String(entityId)), page.before ? lt(auditEvents.seq, page.before) : undefined))
    .orderBy(desc(auditEvents.seq))
    .limit(page.limit);
}
