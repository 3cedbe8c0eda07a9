import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { recordVisible } from './find-record.js';
import { listRecordEvents } from './history.repository.js';
import { historyBody, historyParams, historyQuery } from './history.schemas.js';

export async function historyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/history/:entity/:id',
    {
      schema: {
        tags: ['audit'],
        summary: 'A record’s history from the audit trail: who changed which field from what to what, and when (newest first)',
        params: historyParams,
        querystring: historyQuery,
        response: { 200: historyBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { entity, id } = request.params;
      if (!(await recordVisible(database.db, actor, entity, id))) throw notFound(entity);
      const rows = await listRecordEvents(database.db, entity, id, request.query);
      return {
        items: rows.map((e) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          action: e.action,
          actor: e.actorName === null && e.actorId === null ? null : { id: e.actorId, username: e.actorName, displayName: e.actorDisplayName, roles: e.actorRoles ?? [], regionCode: e.actorRegion },
          requestId: e.requestId,
          changes: Object.entries(e.changes).map(([field, pair]) => ({ field, before: Array.isArray(pair) ? pair[0] : null, after: Array.isArray(pair) ? pair[1] : pair })),
        })),
        nextBefore: rows.length === request.query.limit ? rows[rows.length - 1]!.seq : null,
      };
    },
  );
}
