import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/migrate.js';

const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean(), latencyMs: z.number() }),
});

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['system'], summary: 'Liveness and database reachability', security: [], response: { 200: healthBody, 503: healthBody } },
    },
    async (_request, reply) => {
      const started = performance.now();
      const database = app.database;
      const reachable = await Promise.race([
        ping(database).then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(resolve, 800, false).unref()),
      ]);
      const body = {
        status: reachable ? ('ok' as const) : ('unavailable' as const),
        database: { kind: database.kind, reachable, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      };
      return reply.code(reachable ? 200 : 503).send(body);
    },
  );
}
