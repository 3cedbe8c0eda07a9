import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatorCompiler } from './validation.js';
import type { Database } from '../db/client.js';
import { errorHandler } from './errors.js';
import { sessionPlugin } from './session.js';
import { webApp } from './web.js';
import { routes } from '../modules/routes.js';
import { readImportLimits, type ImportLimits } from '../modules/exchange/import-limits.js';

export interface AppOptions {
  database: Database;
  logger?: FastifyServerOptions['logger'];
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
  /** Sign-in attempts per IP per minute. */
  loginRateLimit?: number;
  secureCookies?: boolean;
  webDist?: string | undefined;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** What an uploaded workbook may weigh; GUATU_IMPORT_* from the environment by default. */
  importLimits?: ImportLimits;
  /** Proxies trusted to report the client address; see Config.trustProxy. */
  trustProxy?: string | number | boolean;
}

export type App = FastifyInstance;

export const API_VERSION = '0.1.0';

export async function buildApp(options: AppOptions): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    trustProxy: typeof options.trustProxy === 'number' ? trustHops(options.trustProxy) : (options.trustProxy ?? 'loopback'),
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    ajv: undefined,
    // Every route validates and serializes with its Zod schema. Handing Fastify these compilers up
    // front spares it loading its defaults (Ajv and the fast-json-stringify compiler) at every start.
    schemaController: { compilersFactory: zodCompilers },
  }).withTypeProvider<ZodTypeProvider>();

  app.setErrorHandler(errorHandler);
  app.decorate('database', options.database);
  app.decorate('importLimits', options.importLimits ?? readImportLimits());

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design and ECharts set inline styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: options.secureCookies ? undefined : false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(sessionPlugin, {
    database: options.database,
    idleMinutes: options.sessionIdleMinutes ?? 30,
    absoluteHours: options.sessionAbsoluteHours ?? 12,
    secureCookies: options.secureCookies ?? false,
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Guatu API',
        description: 'Investment attraction and major-project scheduling. Amounts are yuan as decimal strings; dates are ISO.',
        version: API_VERSION,
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'guatu_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  await app.register(routes, { prefix: '/api', loginRateLimit: options.loginRateLimit ?? 10, sessionAbsoluteHours: options.sessionAbsoluteHours ?? 12 });
  await app.register(webApp, { dist: options.webDist });
  return app;
}

/** Fastify types its compiler factories for Ajv's JSON Schema; these compile Zod schemas. */
const zodCompilers = { buildValidator: () => validatorCompiler, buildSerializer: () => serializerCompiler } as unknown as NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>;

/** Trust the nearest `hops` proxies, whatever their address. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops;

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
  }
}
