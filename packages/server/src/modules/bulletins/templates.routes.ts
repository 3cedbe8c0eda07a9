import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, idParam } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createTemplate } from './create-template.js';
import { updateTemplate } from './update-template.js';
import { presentTemplate, presentTemplateSummary } from './present-template.js';
import { findTemplate, findTemplateVersion, listTemplates, listTemplateVersions } from './templates.repository.js';
import { createTemplateBody, templateBody, templateSummaryBody, templateVersionQuery, updateTemplateBody } from './bulletins.schemas.js';

/** 通报模板: the templates bulletins are written from. Those of the regions above the user's are theirs to use. */
export async function templateRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/bulletin-templates',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'The bulletin templates the user may use: their region’s, those above it and those below it',
        response: { 200: z.object({ items: z.array(templateSummaryBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: (await listTemplates(database.db, actor)).map((row) => presentTemplateSummary(actor, row)) };
    },
  );

  r.get(
    '/bulletin-templates/:id',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'One template: its body (the current version, or ?version=N) and its versions',
        params: idParam,
        querystring: templateVersionQuery,
        response: { 200: templateBody, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const row = await findTemplate(database.db, actor, request.params.id);
      if (!row) throw notFound('bulletinTemplate');
      const versions = await listTemplateVersions(database.db, row.template.id);
      if (!request.query.version) return presentTemplate(actor, row, versions);
      const shown = await findTemplateVersion(database.db, row.template.id, request.query.version);
      if (!shown) throw notFound('bulletinTemplateVersion');
      return presentTemplate(actor, row, versions, { version: request.query.version, ...shown });
    },
  );

  r.post(
    '/bulletin-templates',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Write a template for a region (administrators)',
        description: 'Each figure is a statistics request (filter and measure, with ${region}, ${from}, ${to}, ${fromMonth}, ${toMonth}, ${year}, ${batch}, ${keyList}) and a format; the request is checked against the engine when the template is saved.',
        body: createTemplateBody,
        response: { 201: templateBody, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await createTemplate(database, actorOf(request), request.body)),
  );

  r.patch(
    '/bulletin-templates/:id',
    {
      schema: {
        tags: ['bulletins'],
        summary: 'Change a template (a new version); send the version you read. Bulletins already written keep their text',
        params: idParam,
        body: updateTemplateBody,
        response: { 200: templateBody, ...errorResponses },
      },
    },
    async (request) => updateTemplate(database, actorOf(request), request.params.id, request.body),
  );
}
