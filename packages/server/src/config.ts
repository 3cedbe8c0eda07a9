import { resolve } from 'node:path';

/** Everything Guatu reads from its environment, read in one place. */
export interface Config {
  /** A PostgreSQL URL; when absent Guatu keeps its data in an embedded PGlite data dir. */
  databaseUrl: string | undefined;
  dataDir: string;
  host: string;
  port: number;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Sign-in attempts allowed per client address per minute. */
  loginRateLimit: number;
  /** Directory of the built web app, served at /. */
  webDist: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.GUATU_DATA_DIR || './data'),
    host: env.HOST || '127.0.0.1',
    port: Number(env.PORT || 3000),
    logLevel: env.LOG_LEVEL || 'info',
    sessionIdleMinutes: Number(env.GUATU_SESSION_IDLE_MINUTES || 30),
    sessionAbsoluteHours: Number(env.GUATU_SESSION_ABSOLUTE_HOURS || 12),
    loginRateLimit: Number(env.GUATU_LOGIN_RATE_LIMIT || 10),
    webDist: resolve(env.GUATU_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
  };
}
