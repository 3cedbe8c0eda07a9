import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../http/schemas.js';
import { SESSION_COOKIE, actorOf } from '../../http/session.js';
import { login } from './login.js';
import { logout } from './logout.js';
import { meBody, presentMe } from './me.js';

export async function authRoutes(app: FastifyInstance, options: { loginRateLimit: number; sessionAbsoluteHours: number }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: options.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with username and password; sets the session cookie',
        security: [],
        body: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
        response: { 200: meBody, ...errorResponses, 423: errorResponses[400] },
      },
    },
    async (request, reply) => {
      const { token } = await login(app.database, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
        requestId: request.id,
        absoluteHours: options.sessionAbsoluteHours,
        replacesToken: request.sessionToken,
      });
      app.setSessionCookie(reply, token);
      return presentMe(app.database.db, token);
    },
  );

  r.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out: the session is deleted on the server', response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      await logout(app.database, actorOf(request), request.sessionToken!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  );

  r.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their region and roles', response: { 200: meBody, ...errorResponses } } },
    async (request) => presentMe(app.database.db, request.sessionToken!),
  );
}
