import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBody, errorResponses, regionCode } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { AppError } from '../../http/errors.js';
import { issueText } from '../exchange/annotate-workbook.js';
import { exportPackage } from './export-package.js';
import { importPackage } from './import-package.js';
import { PackageError } from './read-package.js';

const counts = z.object({ create: z.number(), update: z.number(), unchanged: z.number(), rejected: z.number() });

const packageImportBody = z
  .object({
    dryRun: z.boolean(),
    committed: z.boolean(),
    projects: z.array(z.object({ index: z.number(), oc4idsId: z.string(), code: z.string().nullable(), action: z.string(), unmapped: z.array(z.string()) })),
    counts: z.object({ projects: counts, monthlyReports: counts }),
    unmappedFields: z.array(z.object({ path: z.string(), projects: z.number() })).meta({ description: 'Every field Guatu could not map, with how many projects had it' }),
    issues: z.array(z.object({ sheet: z.string(), row: z.number().nullable(), header: z.string().nullable(), field: z.string(), rule: z.string(), message: z.string() })),
    schemaErrors: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .meta({ id: 'Oc4idsImportResult' });

/** Publishing settings: the registered OC4IDS prefix and the publisher's name. */
export function packageSettings(env: NodeJS.ProcessEnv = process.env) {
  return { prefix: env.GUATU_OC4IDS_PREFIX || 'oc4ids-guatu', publisher: env.GUATU_OC4IDS_PUBLISHER || '挂图 Guatu' };
}

export async function oc4idsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;
  const settings = packageSettings();

  r.get(
    '/oc4ids/package',
    {
      schema: {
        tags: ['open data'],
        summary: 'The projects in the user’s region as an OC4IDS 0.9 project package (streamed JSON)',
        description: 'Stages map to projectStatus, total investment to budget.amount, annual plans to budget.budgetBreakdowns, approved completed investment to metrics (financialProgress), funds by source to budget.finance, locations to GB/T 2260 gazetteer entries. What OC4IDS cannot hold is in the `guatu` extension (docs/oc4ids.md).',
        querystring: z.strictObject({ region: regionCode().optional().meta({ description: 'Only this subtree of the user’s region' }) }),
        response: { 200: z.unknown().meta({ description: 'An OC4IDS project package' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const out = new PassThrough();
      (reply as FastifyReply).type('application/json; charset=utf-8').header('content-disposition', 'inline; filename="oc4ids-package.json"').send(out);
      const uri = `${request.protocol}://${request.host}${request.url}`;
      exportPackage(database, actorOf(request), { ...settings, uri, region: request.query.region }, out).catch((e) => {
        request.log.error({ err: e }, 'package export failed');
        out.destroy(e);
      });
      return reply;
    },
  );

  // The package is read as text, so its numbers are taken exactly as written, never through a float.
  await app.register(async (raw) => {
    raw.removeContentTypeParser('application/json');
    raw.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));
    raw.withTypeProvider<ZodTypeProvider>().post(
      '/oc4ids/import',
      {
        bodyLimit: 100 * 1024 * 1024,
        schema: {
          tags: ['open data'],
          summary: 'Import an OC4IDS 0.9 project package; every field that could not be mapped is reported',
          description: 'dryRun=true (default) checks and reports only. Projects without a GB/T 2260 location need `region`.',
          querystring: z.strictObject({
            dryRun: z
              .enum(['true', 'false'])
              .default('true')
              .transform((v) => v === 'true'),
            region: regionCode().optional().meta({ description: 'The responsible region for projects whose package names none' }),
          }),
          body: z.string().meta({ description: 'An OC4IDS project package (JSON)' }),
          response: { 200: packageImportBody, ...errorResponses, 413: errorBody },
        },
      },
      async (request) => {
        try {
          const result = await importPackage(database, actorOf(request), request.body, request.query);
          return { ...result, issues: result.issues.map((i) => ({ ...i, message: issueText(i, request.locale) })) };
        } catch (e) {
          if (e instanceof PackageError) throw new AppError(400, 'VALIDATION', [{ field: 'package', rule: e.rule, params: e.params }]);
          throw e;
        }
      },
    );
  });
}
