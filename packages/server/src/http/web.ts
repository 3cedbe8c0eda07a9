import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { notFound } from './errors.js';

/**
 * Serves the built web app and falls back to index.html for its client-side routes. Everything
 * ships with the app: no CDN, no online fonts or maps, as a government intranet requires.
 */
export const webApp = fp(async (app: FastifyInstance, options: { dist?: string | undefined }) => {
  const dist = options.dist;
  const hasBuild = !!dist && existsSync(join(dist, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, { root: dist!, prefix: '/', wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing script or style is a 404, never the app's page: a browser would refuse it as a module anyway.
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || request.method !== 'GET') throw notFound('route');
    if (!hasBuild) {
      return reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>挂图 Guatu</title><p>挂图 Guatu API is running. The web app is not built: run <code>npm run build:web</code>. API docs: <a href="/api/docs">/api/docs</a></p>');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', dist!);
  });
});
