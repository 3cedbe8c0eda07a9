import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTRIBUTE_KEYS, FUND_SOURCES, PROJECT_KINDS, PROJECT_LEVELS, ROLES, STAGES, ENTRY_STAGES } from '@guatu/core';
import { errorResponses } from '../../http/schemas.js';
import { listCategories, listProvinces } from './catalog.repository.js';

const categoryBody = z
  .object({ code: z.string(), parentCode: z.string().nullable(), path: z.string(), nameZh: z.string(), nameEn: z.string(), active: z.boolean() })
  .meta({ id: 'Category' });

/** Code lists the forms and filters need. They are the same for every region, so any signed-in user may read them. */
export async function catalogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = app.database.db;

  r.get(
    '/categories',
    { schema: { tags: ['code lists'], summary: 'The project category tree, flattened with paths', response: { 200: z.object({ items: z.array(categoryBody) }), ...errorResponses } } },
    async () => ({ items: (await listCategories(db)).map(({ sort: _sort, ...c }) => c) }),
  );

  r.get(
    '/provinces',
    {
      schema: {
        tags: ['code lists'],
        summary: "Provinces of China (GB/T 2260), for an investor's home province",
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }), ...errorResponses },
      },
    },
    async () => ({ items: await listProvinces(db) }),
  );

  r.get(
    '/code-lists',
    {
      schema: {
        tags: ['code lists'],
        summary: 'Fixed code lists: stages, kinds, levels, fund sources, roles, attribute keys',
        response: {
          200: z.object({
            stages: z.array(z.string()),
            entryStages: z.record(z.string(), z.array(z.string())),
            kinds: z.array(z.string()),
            levels: z.array(z.string()),
            fundSources: z.array(z.string()),
            roles: z.array(z.string()),
            attributes: z.record(z.string(), z.object({ unit: z.string(), zh: z.string(), en: z.string() })),
          }),
          ...errorResponses,
        },
      },
    },
    async () => ({
      stages: [...STAGES],
      entryStages: Object.fromEntries(Object.entries(ENTRY_STAGES).map(([k, v]) => [k, [...v]])),
      kinds: [...PROJECT_KINDS],
      levels: [...PROJECT_LEVELS],
      fundSources: [...FUND_SOURCES],
      roles: [...ROLES],
      attributes: ATTRIBUTE_KEYS,
    }),
  );
}
