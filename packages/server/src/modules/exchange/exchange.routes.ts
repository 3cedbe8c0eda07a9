import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { Locale } from '@guatu/core';
import { errorBody, errorResponses } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { AppError } from '../../http/errors.js';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.js';
import { importWorkbook, type ImportResult } from './import/import-workbook.js';
import { annotateWorkbook, issueText } from './annotate-workbook.js';
import { buildTemplate, TEMPLATE_KINDS } from './build-template.js';
import { exportProjects } from './export-projects.js';
import { receiveUpload } from './receive-upload.js';
import { WorkbookError, inspectWorkbook } from './workbook/inspect-workbook.js';
import { SHEET_SPECS } from './columns.js';
import { exportQuery, importQuery, importResultBody, templateParams } from './exchange.schemas.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Issues listed in a JSON answer; the annotated workbook carries all of them. */
const MAX_LISTED_ISSUES = 10_000;

/** Files are streamed as they are; the schema only documents them. */
export const fileResponse = { 200: z.unknown().meta({ description: `A file: ${XLSX_TYPE}, or text/csv for format=csv` }) };

/** Documents the upload; the file itself is streamed by receiveUpload, never parsed as a body. */
const uploadBody = z
  .object({ file: z.string().meta({ format: 'binary', description: 'The workbook (.xlsx), as saved by Excel or WPS' }) })
  // the multipart parser hands the stream over as it is, so the schema only documents it
  .or(z.unknown())
  .meta({ description: 'multipart/form-data with one field, "file"' });

/** "项目清单.xlsx" as a header every browser reads. */
export function attachment(reply: FastifyReply, name: string, type: string) {
  reply.header('content-type', type).header('content-disposition', `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/** A file that cannot be read is a 400 naming the rule, like any bad field. */
export function fileError(e: unknown): unknown {
  if (e instanceof WorkbookError) return new AppError(400, 'IMPORT_FILE', [{ field: 'file', rule: e.rule, params: e.params }]);
  return e;
}

export function presentResult(result: ImportResult, locale: Locale) {
  return {
    ...result,
    issues: result.issues.slice(0, MAX_LISTED_ISSUES).map((i) => ({ ...i, message: issueText(i, locale) })),
    issuesTotal: result.issues.length,
  };
}

export async function exchangeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;
  const limits: ImportLimits = app.importLimits ?? DEFAULT_IMPORT_LIMITS;
  await app.register(multipart, { limits: { fileSize: limits.maxFileBytes, files: 1 } });

  r.get(
    '/exchange/templates/:kind',
    {
      schema: {
        tags: ['data exchange'],
        summary: 'An Excel template (projects, annual-plans, monthly-reports) with drop-downs from the user’s regions and code lists',
        params: templateParams,
        response: { ...fileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const buffer = await buildTemplate(database, actorOf(request), request.params.kind);
      attachment(reply, `${SHEET_SPECS[TEMPLATE_KINDS[request.params.kind]].title}导入模板.xlsx`, XLSX_TYPE);
      return reply.send(buffer);
    },
  );

  r.post(
    '/imports',
    {
      schema: {
        tags: ['data exchange'],
        summary: 'Import a workbook of projects, annual plans and monthly reports (multipart field "file")',
        description:
          'Each sheet is recognised by its header. With dryRun=true (the default) nothing is written: the answer says what would be created, changed (with the fields), left unchanged or rejected, and lists every problem by sheet, row and column. With dryRun=false everything is written in one transaction, or nothing if any row has a problem (committed=false). Send `Accept: application/x-ndjson` to receive progress lines {"type":"progress","phase","percent","rows"} and then {"type":"result","result":…} or {"type":"error","error":…}.',
        consumes: ['multipart/form-data'],
        body: uploadBody,
        querystring: importQuery,
        response: { 200: importResultBody, ...errorResponses, 413: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const upload = await receiveUpload(request, limits);
      const run = (onProgress?: Parameters<typeof importWorkbook>[2]['onProgress']) =>
        importWorkbook(database, actor, { path: upload.path, fileName: upload.fileName, dryRun: request.query.dryRun, limits, onProgress }).catch((e) => {
          throw fileError(e);
        });
      if (!wantsNdjson(request)) {
        try {
          return presentResult(await run(), request.locale);
        } finally {
          await upload.remove();
        }
      }
      const out = new PassThrough();
      (reply as FastifyReply).type('application/x-ndjson; charset=utf-8').send(out);
      const line = (value: unknown) => out.write(JSON.stringify(value) + '\n');
      run((p) => line({ type: 'progress', ...p }))
        .then((result) => line({ type: 'result', result: presentResult(result, request.locale) }))
        .catch((e) => line({ type: 'error', error: errorOf(e, request) }))
        .finally(() => {
          out.end();
          void upload.remove();
        });
      return reply;
    },
  );

  r.post(
    '/imports/annotated',
    {
      schema: {
        tags: ['data exchange'],
        summary: 'The uploaded workbook back, with every bad cell highlighted and commented, and a first sheet listing all problems',
        description: 'Same upload as POST /imports. Checks like a dry run and writes nothing. The header X-Import-Issues gives the number of problems.',
        consumes: ['multipart/form-data'],
        body: uploadBody,
        response: { ...fileResponse, ...errorResponses, 413: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const upload = await receiveUpload(request, limits);
      try {
        const result = await importWorkbook(database, actor, { path: upload.path, fileName: upload.fileName, dryRun: true, limits }).catch((e) => {
          throw fileError(e);
        });
        const info = await inspectWorkbook(upload.path, limits);
        const out = new PassThrough();
        attachment(reply, upload.fileName.replace(/(\.xlsx)?$/i, '（问题标注）.xlsx'), XLSX_TYPE);
        reply.header('x-import-issues', String(result.issues.length)).send(out);
        annotateWorkbook(upload.path, info, result.issues, out, { locale: request.locale, maxRows: limits.maxRows })
          .catch((e) => out.destroy(e))
          .finally(() => void upload.remove());
        return reply;
      } catch (e) {
        await upload.remove();
        throw e;
      }
    },
  );

  r.get(
    '/exports/projects',
    {
      schema: {
        tags: ['data exchange'],
        summary: 'The projects of a list view (same filters) as .xlsx (amounts in 万元, the filter written on the sheet) or CSV (UTF-8 with BOM), streamed',
        querystring: exportQuery,
        response: { ...fileResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      const out = new PassThrough();
      attachment(reply, `项目清单.${format}`, format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE);
      reply.send(out);
      exportProjects(database, actorOf(request), filter, format, out).catch((e) => {
        request.log.error({ err: e }, 'export failed');
        out.destroy(e);
      });
      return reply;
    },
  );
}

function wantsNdjson(request: FastifyRequest): boolean {
  return (request.headers.accept ?? '').includes('application/x-ndjson');
}

function errorOf(e: unknown, request: FastifyRequest) {
  if (e instanceof AppError) {
    return { statusCode: e.statusCode, code: e.code, issues: e.issues.map((i) => ({ field: i.field, rule: i.rule, message: issueText({ sheet: '', row: null, column: null, header: null, ...i }, request.locale) })) };
  }
  request.log.error({ err: e }, 'import failed');
  return { statusCode: 500, code: 'INTERNAL', issues: [] };
}

declare module 'fastify' {
  interface FastifyInstance {
    importLimits?: ImportLimits;
  }
}
