import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { STAT_FILTERS, STAT_GROUPINGS, STAT_MEASURE_FORMS, STAT_SUBJECTS } from '@guatu/core';
import { errorResponses } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { runStats } from './run-stats.js';
import { statsRequestBody, statsResponseBody, statsVocabularyBody } from './stats.schemas.js';

/** The statistics engine: one engine behind every number on a dashboard, the battle map, a report table or a bulletin. */
export async function statsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.post(
    '/stats',
    {
      schema: {
        tags: ['statistics'],
        summary: 'Count and sum any measure over any filter, grouped, with year-on-year growth and drill-down to the records',
        description:
          'Everything is computed inside the user’s region: a filter naming a region above it gives that region’s own figures. Amounts are yuan as decimal strings; only approved monthly reports count.',
        body: statsRequestBody,
        response: { 200: statsResponseBody, ...errorResponses },
      },
    },
    async (request) => runStats(database.db, actorOf(request), request.body, request.locale),
  );

  r.get(
    '/stats/vocabulary',
    {
      schema: {
        tags: ['statistics'],
        summary: 'The subjects, filters, measures and groupings the engine accepts',
        response: { 200: statsVocabularyBody, ...errorResponses },
      },
    },
    async () => ({
      subjects: [...STAT_SUBJECTS],
      filters: Object.fromEntries(STAT_SUBJECTS.map((s) => [s, [...STAT_FILTERS[s]]])),
      measures: Object.fromEntries(STAT_SUBJECTS.map((s) => [s, [...STAT_MEASURE_FORMS[s]]])),
      groupings: Object.fromEntries(STAT_SUBJECTS.map((s) => [s, [...STAT_GROUPINGS[s]]])),
    }),
  );
}
