import { resolve } from 'node:path';

/** Everything Guatu reads from its environment, read in one place. */
export interface Config {
  /** A PostgreSQL URL; when absent Guatu keeps its data in an embedded PGlite data dir. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** PostgreSQL: connections in the pool, and how long a request may wait for one before it fails (503). */
  databasePoolSize: number;
  databaseAcquireTimeoutMs: number;
  host: string;
  port: number;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * Which proxies may tell the client's address (X-Forwarded-For): `loopback` (a reverse proxy on
   * the same host), a list of addresses/CIDRs, or a hop count. Anyone else's header is ignored, so
   * the audit trail and the sign-in rate limit see the real address.
   */
  trustProxy: string | number;
  /** Sign-in attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Directory of the built web app, served at /. */
  webDist: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GUATU_DATA_DIR || './data'),
    databasePoolSize: Number(env.GUATU_DB_POOL_SIZE || 24),
    databaseAcquireTimeoutMs: Number(env.GUATU_DB_ACQUIRE_TIMEOUT_MS || 5000),
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT || 3000),
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: Number(env.GUATU_SESSION_IDLE_MINUTES || 30),
    sessionAbsoluteHours: Number(env.GUATU_SESSION_ABSOLUTE_HOURS || 12),
    trustProxy: /^\d+$/.test(env.GUATU_TRUST_PROXY ?? '') ? Number(env.GUATU_TRUST_PROXY) : env.GUATU_TRUST_PROXY || 'loopback',
    loginRateLimit: Number(env.GUATU_LOGIN_RATE_LIMIT || 10),
    webDist: resolve(env.GUATU_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
  };
}
