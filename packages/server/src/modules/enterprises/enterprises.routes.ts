import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ENTERPRISE_KINDS, ENTERPRISE_PROGRAMMES } from '@guatu/core';
import { creditCode, errorResponses, idParam, listParam, page, pageSize, regionCode, version } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { createEnterprise } from './create-enterprise.js';
import { findEnterprise, listEnterprises } from './enterprises.repository.js';
import { updateEnterprise } from './update-enterprise.js';


const enterpriseBody = z
  .object({
    id: z.number(),
    creditCode: z.string(),
    name: z.string(),
    kind: z.string().nullable(),
    homeProvinceCode: z.string().nullable(),
    homeProvinceName: z.string().nullable(),
    regionCode: z.string(),
    programmes: z.array(z.string()).meta({ description: '`enterprise-visits`: enrolled in 招商服务进万企' }),
    version: z.number(),
  })
  .meta({ id: 'Enterprise' });

export async function enterpriseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const database = app.database;

  r.get(
    '/enterprises',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Enterprises followed in the user’s region; search by name or credit code',
        querystring: z.strictObject({
          q: z.string().max(100).optional(),
          region: regionCode().optional(),
          kinds: listParam(z.enum(ENTERPRISE_KINDS)),
          programme: z.enum(ENTERPRISE_PROGRAMMES).optional(),
          page,
          pageSize,
        }),
        response: { 200: z.object({ items: z.array(enterpriseBody), total: z.number() }), ...errorResponses },
      },
    },
    async (request) => listEnterprises(database.db, actorOf(request), request.query),
  );

  r.post(
    '/enterprises',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Register an enterprise by its unified social credit code',
        body: z.strictObject({
          creditCode: creditCode(),
          name: z.string().trim().min(1).max(200),
          kind: z.enum(ENTERPRISE_KINDS).nullish(),
          homeProvinceCode: regionCode().nullish(),
          regionCode: regionCode(),
          programmes: z.array(z.enum(ENTERPRISE_PROGRAMMES)).max(10).optional(),
        }),
        response: { 201: enterpriseBody, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await createEnterprise(database, actor, request.body);
      return reply.code(201).send((await findEnterprise(database.db, actor, id))!);
    },
  );

  r.get(
    '/enterprises/:id',
    { schema: { tags: ['enterprises'], summary: 'One enterprise', params: idParam, response: { 200: enterpriseBody, ...errorResponses } } },
    async (request) => {
      const row = await findEnterprise(database.db, actorOf(request), request.params.id);
      if (!row) throw notFound('enterprise');
      return row;
    },
  );

  r.patch(
    '/enterprises/:id',
    {
      schema: {
        tags: ['enterprises'],
        summary: 'Change an enterprise’s name, kind, home province or programmes; send the version you read',
        params: idParam,
        body: z.strictObject({
          version: version(),
          name: z.string().trim().min(1).max(200).optional(),
          kind: z.enum(ENTERPRISE_KINDS).nullish(),
          homeProvinceCode: regionCode().nullish(),
          programmes: z.array(z.enum(ENTERPRISE_PROGRAMMES)).max(10).optional(),
        }),
        response: { 200: enterpriseBody, ...errorResponses },
      },
    },
    async (request) => updateEnterprise(database, actorOf(request), request.params.id, request.body),
  );
}
