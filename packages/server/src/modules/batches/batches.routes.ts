import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createBatch } from './create-batch.js';
import { updateBatch } from './update-batch.js';
import { presentBatch } from './present-batch.js';
import { findBatch, listBatches } from './batches.repository.js';
import { batchBody, createBatchBody, listBatchesQuery, updateBatchBody } from './batches.schemas.js';

/** 集中开工 batches. Their projects are a statistics filter: `{ "filter": { "batch": id } }`. */
export async function batchRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/batches',
    {
      schema: {
        tags: ['batches'],
        summary: 'Concentrated-start batches (集中开工) in the user’s region, latest first',
        querystring: listBatchesQuery,
        response: { 200: z.object({ items: z.array(batchBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { items, total } = await listBatches(database.db, actor, request.query);
      return { items: items.map((row) => presentBatch(actor, row)), total };
    },
  );

  r.post(
    '/batches',
    { schema: { tags: ['batches'], summary: 'Record a concentrated start with its projects', body: createBatchBody, response: { 201: batchBody, ...errorResponses } } },
    async (request, reply) => reply.code(201).send(await createBatch(database, actorOf(request), request.body)),
  );

  r.get('/batches/:id', { schema: { tags: ['batches'], summary: 'One batch and its projects', params: idParam, response: { 200: batchBody, ...errorResponses } } }, async (request) => {
    const actor = actorOf(request);
    const row = await findBatch(database.db, actor, request.params.id);
    if (!row) throw notFound('batch');
    return presentBatch(actor, row);
  });

  r.patch(
    '/batches/:id',
    {
      schema: {
        tags: ['batches'],
        summary: 'Change a batch; send the version you read (409 if it is stale)',
        params: idParam,
        body: updateBatchBody,
        response: { 200: batchBody, ...errorResponses },
      },
    },
    async (request) => updateBatch(database, actorOf(request), request.params.id, request.body),
  );
}
