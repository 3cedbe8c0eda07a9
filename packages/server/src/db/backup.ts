import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from './client.js';

const run = promisify(execFile);

/**
 * Backups of either database, in its own native format:
 * - PGlite: the data dir as a gzipped tarball (PGlite's own dumpDataDir), restored by loading it
 *   into an empty data dir;
 * - PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction.
 */

/** Where PostgreSQL's client programs are: GUATU_PG_BIN, the newest /usr/lib/postgresql/N/bin, or the PATH. */
export function postgresTool(name: 'pg_dump' | 'pg_restore'): string {
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const dirs = [process.env.GUATU_PG_BIN, ...versions.map((v) => `/usr/lib/postgresql/${v}/bin`)];
  return dirs.map((d) => d && join(d, name)).find((p) => p && existsSync(p)) ?? name;
}

/** The URL without its password, which goes to the tools in PGPASSWORD instead of their command line. */
function splitPassword(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

export async function backupPglite(database: Database, file: string): Promise<number> {
  const dump = await database.pglite!.dumpDataDir('gzip');
  const bytes = Buffer.from(await dump.arrayBuffer());
  // Written aside and renamed, so a crash never leaves half a backup under the real name.
  writeFileSync(`${file}.partial`, bytes);
  renameSync(`${file}.partial`, file);
  return bytes.length;
}

export async function backupPostgres(databaseUrl: string, file: string): Promise<number> {
  const { url, env } = splitPassword(databaseUrl);
  await run(postgresTool('pg_dump'), ['--format=custom', '--file', `${file}.partial`, '--dbname', url], { env, maxBuffer: 16 * 1024 * 1024 });
  renameSync(`${file}.partial`, file);
  return statSync(file).size;
}

/** Whether a data dir already holds a database. */
export function pgliteDirInUse(dataDir: string): boolean {
  return existsSync(dataDir) && readdirSync(dataDir).length > 0;
}

/**
 * Loads a PGlite backup into `dataDir`. An existing data dir is never deleted: with `force` it
 * is moved aside (its new name is returned), without it the restore is refused.
 */
export async function restorePglite(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<{ movedAside: string | null }> {
  const tarball = new Blob([readFileSync(file)]);
  let movedAside: string | null = null;
  if (pgliteDirInUse(dataDir)) {
    if (!options.force) throw new Error(`${dataDir} already holds a database; stop Guatu and add --force to move it aside and restore`);
    movedAside = `${dataDir}.before-restore-${stamp()}`;
    renameSync(dataDir, movedAside);
  }
  const restored = await PGlite.create({ dataDir, loadDataDir: tarball, relaxedDurability: false });
  await restored.close();
  return { movedAside };
}

/**
 * Restores a pg_dump custom-format backup into the database at `databaseUrl`, in one
 * transaction: it ends fully restored or unchanged. Objects in the backup replace those of the
 * same name; with data already there, `force` is required and a safety backup is taken first.
 */
export async function restorePostgres(file: string, databaseUrl: string, options: { force?: boolean; hasData: boolean; safetyFile: string }): Promise<{ safetyBackup: string | null }> {
  let safetyBackup: string | null = null;
  if (options.hasData) {
    if (!options.force) throw new Error('the database already holds Guatu data; stop Guatu and add --force to replace it (a backup of it is taken first)');
    await backupPostgres(databaseUrl, options.safetyFile);
    safetyBackup = options.safetyFile;
  }
  const { url, env } = splitPassword(databaseUrl);
  await run(postgresTool('pg_restore'), ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', '--dbname', url, file], { env, maxBuffer: 16 * 1024 * 1024 });
  return { safetyBackup };
}

export const stamp = () => new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
