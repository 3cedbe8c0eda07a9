import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { healthRoutes } from './health/health.routes.js';
import { authRoutes } from './auth/auth.routes.js';
import { regionRoutes } from './regions/regions.routes.js';
import { catalogRoutes } from './catalog/catalog.routes.js';
import { userRoutes } from './users/users.routes.js';
import { enterpriseRoutes } from './enterprises/enterprises.routes.js';
import { projectRoutes } from './projects/projects.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { problemRoutes } from './problems/problems.routes.js';
import { statsRoutes } from './stats/stats.routes.js';
import { batchRoutes } from './batches/batches.routes.js';
import { keyListRoutes } from './key-lists/key-lists.routes.js';
import { groupRoutes } from './groups/groups.routes.js';
import { milestoneRoutes } from './milestones/milestones.routes.js';
import { visitRoutes } from './visits/visits.routes.js';
import { warningRoutes } from './warnings/warnings.routes.js';
import { exchangeRoutes } from './exchange/exchange.routes.js';
import { exportStatsRoutes } from './exchange/export-stats.routes.js';
import { oc4idsRoutes } from './oc4ids/oc4ids.routes.js';
import { historyRoutes } from './history/history.routes.js';
import { templateRoutes } from './bulletins/templates.routes.js';
import { bulletinRoutes } from './bulletins/bulletins.routes.js';

/** Every route of the API. /api/health stays outside the versioned prefix. */
export async function routes(app: FastifyInstance, options: { loginRateLimit: number; sessionAbsoluteHours: number }) {
  // Strict by default: a route that takes no query or no body refuses one it is sent, so no
  // unexpected input is ever silently ignored.
  app.addHook('onRoute', (route) => {
    route.schema ??= {};
    route.schema.querystring ??= z.strictObject({});
    const methods = [route.method].flat();
    if (methods.some((m) => m === 'POST' || m === 'PATCH' || m === 'PUT')) route.schema.body ??= z.strictObject({}).nullish();
  });
  await app.register(healthRoutes);
  await app.register(
    async (v1) => {
      await v1.register(authRoutes, { loginRateLimit: options.loginRateLimit, sessionAbsoluteHours: options.sessionAbsoluteHours });
      await v1.register(regionRoutes);
      await v1.register(catalogRoutes);
      await v1.register(userRoutes);
      await v1.register(enterpriseRoutes);
      await v1.register(projectRoutes);
      await v1.register(reportRoutes);
      await v1.register(problemRoutes);
      await v1.register(statsRoutes);
      await v1.register(batchRoutes);
      await v1.register(keyListRoutes);
      await v1.register(groupRoutes);
      await v1.register(milestoneRoutes);
      await v1.register(visitRoutes);
      await v1.register(warningRoutes);
      await v1.register(exchangeRoutes);
      await v1.register(exportStatsRoutes);
      await v1.register(oc4idsRoutes);
      await v1.register(historyRoutes);
      await v1.register(templateRoutes);
      await v1.register(bulletinRoutes);
    },
    { prefix: '/v1' },
  );
}
