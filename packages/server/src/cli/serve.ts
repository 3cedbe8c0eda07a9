import { readConfig } from '../config.js';
import { buildApp } from '../http/app.js';
import { loggerOptions } from '../http/logger.js';
import { isEmpty, seedDemo } from '../seed/demo/index.js';
import { openReady } from './open.js';
import { printDemoUsers } from './seed.js';

export async function serve(options: { port?: string; host?: string; demo?: boolean }) {
  const config = readConfig();
  const started = performance.now();
  const database = await openReady(config);
  // A first start on an empty embedded database gets the demo province, so there is something to see.
  if (options.demo || (database.kind === 'pglite' && (await isEmpty(database)))) {
    const summary = await seedDemo(database);
    printDemoUsers(summary);
  }
  const app = await buildApp({
    database,
    logger: loggerOptions(config.logLevel),
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    trustProxy: config.trustProxy,
    loginRateLimit: config.loginRateLimit,
    webDist: config.webDist,
  });
  const port = Number(options.port ?? config.port);
  const host = options.host ?? config.host;
  await app.listen({ port, host });
  app.log.info({ database: database.kind, location: database.location, startupMs: Math.round(performance.now() - started) }, `Guatu is serving http://${host}:${port}/`);

  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
