import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { findRegion } from '../regions/regions.repository.js';
import { effectiveThresholds } from './warnings.repository.js';
import { setThresholds } from './set-thresholds.js';
import { setThresholdsBody, thresholdsBody, thresholdsQuery } from './warnings.schemas.js';

/** The thresholds of the investment light (预警): how far behind 序时进度 is yellow, and red. */
export async function warningRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/warning-thresholds',
    {
      schema: {
        tags: ['warnings'],
        summary: 'The warning thresholds that apply in a region, and which region set them',
        querystring: thresholdsQuery,
        response: { 200: thresholdsBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const code = request.query.region ?? actor.regionCode;
      const region = await findRegion(database.db, code);
      if (!region || !region.path.startsWith(actor.regionPath)) throw notFound('region');
      return { regionCode: code, ...(await effectiveThresholds(database.db, code)) };
    },
  );

  r.put(
    '/warning-thresholds',
    {
      schema: {
        tags: ['warnings'],
        summary: 'Set a region’s warning thresholds (administrators); regions below inherit them',
        body: setThresholdsBody,
        response: { 200: thresholdsBody, ...errorResponses },
      },
    },
    async (request) => setThresholds(database, actorOf(request), request.body),
  );
}
