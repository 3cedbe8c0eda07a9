import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { REGION_LEVELS } from '@guatu/core';
import { errorResponses, regionCode } from '../../http/schemas.js';
import { actorOf } from '../../http/session.js';
import { notFound } from '../../http/errors.js';
import { countChildren, findVisibleRegion, listRegions, type RegionRow } from './regions.repository.js';

export const regionBody = z
  .object({
    code: z.string(),
    parentCode: z.string().nullable(),
    level: z.enum(REGION_LEVELS),
    name: z.string(),
    shortName: z.string(),
    path: z.string(),
    source: z.string(),
    childCount: z.number(),
  })
  .meta({ id: 'Region' });

const present = (r: RegionRow, children: Map<string, number>) => ({
  code: r.code,
  parentCode: r.parentCode,
  level: r.level,
  name: r.name,
  shortName: r.shortName,
  path: r.path,
  source: r.source,
  childCount: children.get(r.code) ?? 0,
});

export async function regionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.get(
    '/regions',
    {
      schema: {
        tags: ['regions'],
        summary: 'Regions the user may see, optionally the children of one region or one level',
        querystring: z.strictObject({ parent: regionCode().optional(), level: z.enum(REGION_LEVELS).optional() }),
        response: { 200: z.object({ items: z.array(regionBody) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await listRegions(db, actorOf(request), request.query);
      const children = await countChildren(db, rows.map((x) => x.code));
      return { items: rows.map((x) => present(x, children)) };
    },
  );

  r.get(
    '/regions/:code',
    {
      schema: {
        tags: ['regions'],
        summary: 'One region',
        params: z.strictObject({ code: regionCode() }),
        response: { 200: regionBody, ...errorResponses },
      },
    },
    async (request) => {
      const row = await findVisibleRegion(db, actorOf(request), request.params.code);
      if (!row) throw notFound('region');
      return present(row, await countChildren(db, [row.code]));
    },
  );
}
