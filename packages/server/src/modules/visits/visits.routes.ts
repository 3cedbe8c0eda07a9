import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { problemBody } from '../problems/problems.schemas.js';
import { recordVisit } from './record-visit.js';
import { updateVisit } from './update-visit.js';
import { demandToProblem } from './demand-to-problem.js';
import { presentVisit } from './present-visit.js';
import { findVisit, listVisits } from './visits.repository.js';
import { demandParams, demandToProblemBody, listVisitsQuery, recordVisitBody, updateVisitBody, visitBody } from './visits.schemas.js';

/** 招商服务进万企: visits to enterprises, the demands they raise, and the problems those become. */
export async function visitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/visits',
    {
      schema: {
        tags: ['visits'],
        summary: 'Visits to enterprises in the user’s region, latest first',
        querystring: listVisitsQuery,
        response: { 200: z.object({ items: z.array(visitBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await listVisits(database.db, actorOf(request), request.query);
      return { items: items.map(presentVisit), total };
    },
  );

  r.post(
    '/enterprises/:id/visits',
    {
      schema: { tags: ['visits'], summary: 'Record a visit to an enterprise and the demands it raised', params: idParam, body: recordVisitBody, response: { 201: visitBody, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await recordVisit(database, actorOf(request), request.params.id, request.body)),
  );

  r.get('/visits/:id', { schema: { tags: ['visits'], summary: 'One visit with its demands', params: idParam, response: { 200: visitBody, ...errorResponses } } }, async (request) => {
    const row = await findVisit(database.db, actorOf(request), request.params.id);
    if (!row) throw notFound('visit');
    return presentVisit(row);
  });

  r.patch(
    '/visits/:id',
    {
      schema: {
        tags: ['visits'],
        summary: 'Correct a visit or add demands raised on it; send the version you read',
        params: idParam,
        body: updateVisitBody,
        response: { 200: visitBody, ...errorResponses },
      },
    },
    async (request) => updateVisit(database, actorOf(request), request.params.id, request.body),
  );

  r.post(
    '/visits/:id/demands/:demandId/problem',
    {
      schema: {
        tags: ['visits'],
        summary: 'Turn a demand into a problem (挂图销号), linked to the enterprise',
        params: demandParams,
        body: demandToProblemBody,
        response: { 201: problemBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await demandToProblem(database, actorOf(request), request.params.id, request.params.demandId, request.body)),
  );
}
