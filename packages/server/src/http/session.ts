import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { pickLocale, type Locale } from '@guatu/core';
import type { Database } from '../db/client.js';
import type { Actor } from '../policies/actor.js';
import { findSession, touchSession } from '../modules/auth/sessions.repository.js';
import { AppError, unauthorized } from './errors.js';

export const SESSION_COOKIE = 'guatu_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    locale: Locale;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes reachable without a session (sign-in, health, docs). Everything else needs one. */
    public?: boolean;
  }
}

export interface SessionOptions {
  database: Database;
  idleMinutes: number;
  absoluteHours: number;
  /** Cookies are Secure unless the app is served over plain HTTP on a trusted network. */
  secureCookies: boolean;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The signed-in user of each request. Default-deny: an /api/v1 route without a session answers 401. */
export const sessionPlugin = fp(async (app: FastifyInstance, options: SessionOptions) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('locale', 'zh');
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    if (UNSAFE.has(request.method)) checkOrigin(request);
    const token = request.cookies[SESSION_COOKIE];
    const isPublic = !!request.routeOptions.config?.public;
    if (token && token.length <= 100) {
      // A public route (health, sign-in) answers for itself when the database is down; a session it
      // does not need must not turn that answer into a different error.
      const found = await findSession(options.database.db, token, options.idleMinutes).catch((e) => {
        if (isPublic) return null;
        throw e;
      });
      if (found) {
        request.sessionToken = token;
        request.actor = { ...found.actor, ip: request.ip, requestId: request.id, locale: request.locale };
        // A write per minute at most, not per request.
        if (Date.now() - found.lastSeenAt.getTime() > 60_000) await touchSession(options.database.db, token);
      }
    }
    const isApi = request.url.startsWith('/api/v1/');
    if (isApi && !isPublic && !request.actor) {
      throw unauthorized(token ? 'expired' : 'session');
    }
  });

  app.decorate('setSessionCookie', function (reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      maxAge: options.absoluteHours * 3600,
    });
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    setSessionCookie(reply: FastifyReply, token: string): void;
  }
}

/**
 * State-changing requests must come from the app's own pages. Browsers send Origin and
 * Sec-Fetch-Site; a request from another site is refused even before the SameSite cookie rule.
 * Clients that send neither (the CLI, scripts) are not browsers and carry no ambient cookie risk.
 */
function checkOrigin(request: FastifyRequest) {
  const site = request.headers['sec-fetch-site'];
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError(403, 'FORBIDDEN', [], 'origin');
  const origin = request.headers.origin;
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError(403, 'FORBIDDEN', [], 'origin');
    }
    // request.host honours X-Forwarded-Host only from a trusted proxy (see trustProxy).
    if (host !== request.host) throw new AppError(403, 'FORBIDDEN', [], 'origin');
  }
}

/** The actor of a request that passed the session check. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}
