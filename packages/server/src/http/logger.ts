import type { FastifyServerOptions } from 'fastify';

/**
 * Request logs as JSON (pino). Fastify logs method, URL, status and timing, never bodies; the
 * redaction is a second line of defence for anything that puts credentials into a log object.
 */
export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]', 'body.password', 'password', '*.password', 'passwordHash', '*.passwordHash'],
      censor: '[redacted]',
    },
  };
}
