import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { openPglite, openPostgres } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { seedReferenceData } from '../seed/reference-data.js';
import { seedDemo } from '../seed/demo/index.js';

/**
 * Builds one migrated database with reference data per test run, and a second one holding the
 * demo province; each test file then gets its own copy of one of them. PGlite copies a dumped data
 * dir; PostgreSQL clones a template database.
 */
export default async function setup(project: TestProject) {
  const kind = process.env.GUATU_TEST_DB ?? project.config.env?.GUATU_TEST_DB ?? 'pglite';
  if (kind === 'postgres') return setupPostgres(project);
  return setupPglite(project);
}

async function setupPglite(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'guatu-test-'));
  const database = await openPglite(undefined);
  await migrate(database);
  await seedReferenceData(database.db);
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()));
  await seedDemo(database);
  const demoFile = join(dir, 'demo.tar');
  writeFileSync(demoFile, Buffer.from(await (await database.pglite!.dumpDataDir('none')).arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplate', file);
  project.provide('pgliteDemoTemplate', demoFile);
  return () => rmSync(dir, { recursive: true, force: true });
}

async function setupPostgres(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is needed for the postgres test project');
  const prefix = `guatu_t${process.pid}`;
  const template = `${prefix}_template`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await dropDatabases(admin, prefix);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(url, template);
  const database = await openPostgres(templateUrl, { max: 2 });
  await migrate(database);
  await seedReferenceData(database.db);
  await database.close();
  const demoTemplate = `${prefix}_demo`;
  await admin.query(`create database ${demoTemplate} template ${template}`);
  const demo = await openPostgres(withDatabase(url, demoTemplate), { max: 2 });
  await seedDemo(demo);
  await demo.close();
  await admin.end();
  project.provide('postgresTemplate', { url, template, demoTemplate, prefix });
  return async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await dropDatabases(c, prefix);
    await c.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function dropDatabases(client: pg.Client, prefix: string) {
  const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`${prefix}%`]);
  for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgliteDemoTemplate: string;
    postgresTemplate: { url: string; template: string; demoTemplate: string; prefix: string };
  }
}
