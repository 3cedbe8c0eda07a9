import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { generateBulletin } from './generate-bulletin.js';
import { compareBulletin } from './compare-bulletin.js';
import { drillFigure } from './drill-figure.js';
import { checkDraft } from './check-draft.js';
import { renderPrintPage } from './render-bulletin.js';
import { presentBulletin, presentBulletinSummary, renderInput } from './present-bulletin.js';
import { findBulletin, listBulletins } from './bulletins.repository.js';
import {
  bulletinBody,
  bulletinSummaryBody,
  checkDraftBody,
  checkResultBody,
  comparisonBody,
  figureDrillBody,
  figureParams,
  figureDrillQuery,
  generateBulletinBody,
  listBulletinsQuery,
} from './bulletins.schemas.js';

/** 通报: bulletins written from the data, every figure traced; and the figure check (核数) of any draft. */
export async function bulletinRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.post(
    '/bulletins/check',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Check every figure of a draft against the data (核数): matches, differs (with the value in the data) or cannot be traced (with why)',
        description: 'The draft is plain text, Markdown (its front matter `date` is the draft’s date) or HTML. Each figure has its place in the text (start/end), what it was read as, the statistics request that answers it and links to its records.',
        body: checkDraftBody,
        response: { 200: checkResultBody, ...errorResponses },
      },
    },
    async (request) => checkDraft(database.db, actorOf(request), request.body, request.locale),
  );

  r.post(
    '/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Write a bulletin from a template for a region and period; it is kept with the data version it was computed from',
        body: generateBulletinBody,
        response: { 201: bulletinBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await generateBulletin(database, actorOf(request), request.body)),
  );

  r.get(
    '/bulletins',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Bulletins of the user’s region, latest first',
        querystring: listBulletinsQuery,
        response: { 200: z.object({ items: z.array(bulletinSummaryBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => {
      const { items, total } = await listBulletins(database.db, actorOf(request), request.query);
      return { items: items.map(presentBulletinSummary), total };
    },
  );

  r.get(
    '/bulletins/:id',
    { schema: { tags: ['bulletins'], summary: 'One bulletin: its Markdown, paragraphs and figures', params: idParam, response: { 200: bulletinBody, ...errorResponses } } },
    async (request) => {
      const row = await findBulletin(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound('bulletin');
      return presentBulletin(row);
    },
  );

  r.get(
    '/bulletins/:id/print',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'The bulletin as a printable page (text/html, self-contained: no scripts, no external fonts or images)',
        params: idParam,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const row = await findBulletin(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound('bulletin');
      // A page, not JSON: sent as it is, outside the JSON response schemas.
      return reply.type('text/html; charset=utf-8').send(renderPrintPage(renderInput(row)) as never);
    },
  );

  r.get(
    '/bulletins/:id/figures/:key',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'A figure of a bulletin: its query, its value and the records behind it when it was generated (paged projects)',
        params: figureParams,
        querystring: figureDrillQuery,
        response: { 200: figureDrillBody, ...errorResponses },
      },
    },
    async (request) => drillFigure(database.db, actorOf(request), request.params.id, request.params.key, request.query),
  );

  r.get(
    '/bulletins/:id/compare',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Ask every figure of a bulletin again now: which figures moved since it was generated, and which records came and went',
        params: idParam,
        response: { 200: comparisonBody, ...errorResponses },
      },
    },
    async (request) => compareBulletin(database.db, actorOf(request), request.params.id),
  );
}
