import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { statsRequestBody } from '../stats/stats.schemas.js';
import { XLSX_TYPE, attachment, fileResponse } from './exchange.routes.js';
import { prepareStatsExport } from './export-stats-result.js';

/** The body of POST /stats, plus the file format; the engine's own checks name any bad field. */
export const exportStatsBody = statsRequestBody.safeExtend({
  format: z.enum(['xlsx', 'csv']).default('xlsx').meta({ description: 'xlsx (default) or csv (UTF-8 with BOM)' }),
});

export async function exportStatsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.post(
    '/exports/stats',
    {
      schema: {
        tags: ['data exchange'],
        summary: 'A statistics result (the body of POST /stats, plus format) as .xlsx (amounts in 万元, the filter written on the sheet) or CSV (UTF-8 with BOM), streamed',
        description: 'The figures are exactly those POST /stats answers for the same body, inside the user’s region, with a 合计 row. drill is ignored.',
        body: exportStatsBody,
        response: { ...fileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...stats } = request.body;
      const prepared = await prepareStatsExport(database, actorOf(request), stats, format);
      const out = new PassThrough();
      attachment(reply, `统计结果.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      reply.send(out);
      prepared.write(out).catch((e) => {
        request.log.error({ err: e }, 'export failed');
        out.destroy(e);
      });
      return reply;
    },
  );
}
