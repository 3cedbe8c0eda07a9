import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import type { Role } from '@guatu/core';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { buildApp, type App, type AppOptions } from '../http/app.js';
import { regions, users } from '../db/schema/index.js';
import { eq } from 'drizzle-orm';
import { createSession } from '../modules/auth/sessions.repository.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { SESSION_COOKIE } from '../http/session.js';
import type { Actor } from '../policies/actor.js';
import { withDatabase } from './global-setup.js';

export const TEST_PASSWORD = 'Test-password-1';
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: number;
  username: string;
  cookie: string;
  actor: Actor;
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface TestContext {
  app: App;
  database: Database;
  kind: 'pglite' | 'postgres';
  /** The PostgreSQL URL of this file's database (PostgreSQL only). */
  databaseUrl?: string | undefined;
  /** A user in a region with roles, already signed in. */
  user(regionCode: string, roles: Role[] | Role, username?: string): Promise<TestUser>;
  /** Calls the API as a user (or with no session when `as` is null). */
  call(as: TestUser | null, method: Method, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

/**
 * A fresh database (a copy of the migrated template) and an app on it, for one test file. With
 * `demo: true` the copy holds the demo province, built once per test run.
 */
export async function startTestApp(options: Partial<Omit<AppOptions, 'database'>> & { demo?: boolean } = {}): Promise<TestContext> {
  const { demo = false, ...appOptions } = options;
  const kind = (process.env.GUATU_TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
  const { database, drop, url } = kind === 'postgres' ? await copyPostgres(demo) : await copyPglite(demo);
  const app = await buildApp({ database, ...appOptions, loginRateLimit: appOptions.loginRateLimit ?? 10_000 });
  await app.ready();
  let n = 0;

  const ctx: TestContext = {
    app,
    database,
    kind,
    databaseUrl: url,
    async user(regionCode, roles, username) {
      const list = Array.isArray(roles) ? roles : [roles];
      const name = username ?? `${list.join('-')}-${regionCode}-${++n}`;
      const [{ id }] = (await database.db
        .insert(users)
        .values({ username: name, displayName: `测试${name}`, regionCode, roles: list, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)) })
        .returning({ id: users.id })) as [{ id: number }];
      const token = await createSession(database.db, { userId: id, absoluteHours: 12 });
      const [region] = await database.db.select().from(regions).where(eq(regions.code, regionCode));
      return {
        id,
        username: name,
        cookie: `${SESSION_COOKIE}=${token}`,
        actor: { userId: id, username: name, displayName: `测试${name}`, regionCode, regionPath: region!.path, regionLevel: region!.level, roles: list },
      };
    },
    async call(as, method, url, body, headers = {}) {
      const res = await app.inject({
        method,
        url,
        headers: { ...(as ? { cookie: as.cookie } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) } : {}),
      });
      let parsed: unknown = res.body;
      try {
        parsed = res.body ? JSON.parse(res.body) : undefined;
      } catch {
        /* not JSON */
      }
      return { status: res.statusCode, body: parsed as any, headers: res.headers };
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
  return ctx;
}

async function copyPglite(demo: boolean) {
  const file = inject(demo ? 'pgliteDemoTemplate' : 'pgliteTemplate');
  // On its own thread, as a data dir is opened by `guatu serve`.
  return { database: await openPglite(undefined, { loadDataDir: readFileSync(file) }), drop: async () => {}, url: undefined };
}

async function copyPostgres(demo: boolean) {
  const { url, template: plain, demoTemplate, prefix } = inject('postgresTemplate');
  const template = demo ? demoTemplate : plain;
  const name = `${prefix}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openPostgres(withDatabase(url, name), { max: 8 });
  return {
    database,
    url: withDatabase(url, name),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

