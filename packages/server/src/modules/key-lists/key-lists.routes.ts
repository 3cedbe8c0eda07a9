import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createKeyList } from './create-key-list.js';
import { updateKeyList } from './update-key-list.js';
import { publishKeyList } from './publish-key-list.js';
import { reviseKeyList } from './revise-key-list.js';
import { presentKeyList } from './present-key-list.js';
import { findKeyList, listKeyLists, listRevisions, projectNames } from './key-lists.repository.js';
import { createKeyListBody, keyListBody, keyListRevisionBody, listKeyListsQuery, publishKeyListBody, reviseKeyListBody, updateKeyListBody } from './key-lists.schemas.js';

/** Key lists (重点项目清单): drafted, published (frozen), then changed only through recorded revisions. */
export async function keyListRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/key-lists',
    {
      schema: {
        tags: ['key lists'],
        summary: 'Key lists in the user’s region',
        querystring: listKeyListsQuery,
        response: { 200: z.object({ items: z.array(keyListBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { items, total } = await listKeyLists(database.db, actor, request.query);
      return { items: items.map((row) => presentKeyList(actor, row)), total };
    },
  );

  r.post(
    '/key-lists',
    { schema: { tags: ['key lists'], summary: 'Draft a key list', body: createKeyListBody, response: { 201: keyListBody, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createKeyList(database, actorOf(request), request.body)),
  );

  r.get('/key-lists/:id', { schema: { tags: ['key lists'], summary: 'One key list and its projects', params: idParam, response: { 200: keyListBody, ...errorResponses } } }, async (request) => {
    const actor = actorOf(request);
    const row = await findKeyList(database.db, actor, request.params.id);
    if (!row) throw notFound('key list');
    return presentKeyList(actor, row);
  });

  r.patch(
    '/key-lists/:id',
    {
      schema: {
        tags: ['key lists'],
        summary: 'Change a key list; a published one only in name and description (409 otherwise)',
        params: idParam,
        body: updateKeyListBody,
        response: { 200: keyListBody, ...errorResponses },
      },
    },
    async (request) => updateKeyList(database, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/key-lists/:id/publish',
    { schema: { tags: ['key lists'], summary: 'Publish the list: it is frozen from now on', params: idParam, body: publishKeyListBody, response: { 200: keyListBody, ...errorResponses } } },
    async (request) => publishKeyList(database, actorOf(request), request.params.id, request.body.version),
  );

  r.post(
    '/key-lists/:id/revisions',
    {
      schema: {
        tags: ['key lists'],
        summary: 'Add or remove projects of a published list, with the reason',
        params: idParam,
        body: reviseKeyListBody,
        response: { 200: keyListBody, ...errorResponses },
      },
    },
    async (request) => reviseKeyList(database, actorOf(request), request.params.id, request.body),
  );

  r.get(
    '/key-lists/:id/revisions',
    {
      schema: {
        tags: ['key lists'],
        summary: 'Every revision of a published list: who, when, why, what',
        params: idParam,
        response: { 200: z.object({ items: z.array(keyListRevisionBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findKeyList(database.db, actor, request.params.id);
      if (!row) throw notFound('key list');
      const revisions = await listRevisions(database.db, row.list.id);
      const names = await projectNames(database.db, actor, revisions.flatMap((x) => [...x.revision.added, ...x.revision.removed]));
      const ref = (id: number) => ({ id, code: names.get(id)?.code ?? null, name: names.get(id)?.name ?? null });
      return {
        items: revisions.map((x) => ({
          id: x.revision.id,
          reason: x.revision.reason,
          added: x.revision.added.map(ref),
          removed: x.revision.removed.map(ref),
          revisedByName: x.revisedByName,
          revisedAt: x.revision.revisedAt.toISOString(),
        })),
      };
    },
  );
}
