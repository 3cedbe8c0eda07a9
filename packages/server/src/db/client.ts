import { PGlite, types } from '@electric-sql/pglite';
const { TEXT } = types;
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';
import { PgliteThread, type EmbeddedClient } from './pglite-thread.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The rows of a raw `execute`: node-postgres and PGlite both answer { rows }, typed apart. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: Drizzle on top, and the driver underneath for what Drizzle does not do (COPY, dumps). */
export interface Database {
  kind: DatabaseKind;
  db: Db;
  pglite?: EmbeddedClient;
  pool?: pg.Pool;
  /** Where the data lives: the data dir, or the URL without its password. */
  location: string;
  close(): Promise<void>;
}

// int8 and numeric stay strings (pg's default); dates stay 'YYYY-MM-DD' strings, never shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface PoolOptions {
  /** Connections: enough for every prefecture's writers at month-end to be in the database at once. */
  max?: number | undefined;
  /** How long a query may wait for a free connection; past it the request fails with 503. */
  acquireTimeoutMs?: number | undefined;
}

export async function openPostgres(url: string, options: PoolOptions = {}): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 24,
    connectionTimeoutMillis: options.acquireTimeoutMs ?? 5000,
    idleTimeoutMillis: 30_000,
    // A transaction may send a query while another is still running (an import looks up one chunk
    // while the database writes the one before): pipelined, it goes out at once instead of waiting
    // in the driver's own queue, which pg deprecates. Pipelining cannot carry cursors, row-limited
    // portals or COPY, and nothing here uses them.
    pipeline: true,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const safe = new URL(url);
  safe.password = safe.password ? '***' : '';
  return { kind: 'postgres', db, pool, location: safe.toString(), close: () => pool.end() };
}

/**
 * PGlite's engine runs inside this process (on its own thread), and the whole of its shared
 * buffers is touched when it starts: at PostgreSQL's default of 128 MB a server sat at about
 * 400 MB RSS before its first request. 32 MB took about 100 MB off that and off an import's peak;
 * 16 MB took another 40–50 MB off a server's peak while importing 100,000 reports (452 MB
 * against 470–506 MB), at the same speed within the machine's noise. The operating system's page
 * cache still holds the rest of the data.
 */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * The embedded database, its engine on a thread of its own (PgliteThread) so that the queries
 * run beside the thread that reads files and answers requests. In a data dir, every commit is
 * written through to the operating system before it is acknowledged (relaxedDurability stays
 * off), so a killed process loses nothing it acknowledged; PGlite does not fsync, so a power cut
 * can lose recent commits. Production sites that need that guarantee run PostgreSQL.
 *
 * Given a PGlite instance instead, the database runs in this thread.
 */
export async function openPglite(dataDirOrInstance: string | PGlite | undefined, options: { loadDataDir?: Uint8Array } = {}): Promise<Database> {
  const pglite = dataDirOrInstance instanceof PGlite ? inProcess(dataDirOrInstance) : await PgliteThread.create({ dataDir: dataDirOrInstance, loadDataDir: options.loadDataDir, startParams: PGLITE_START_PARAMS });
  const db = drizzlePglite({ client: pglite as PGlite, schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    location: typeof dataDirOrInstance === 'string' ? dataDirOrInstance : 'memory://',
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** PGlite in this thread, taking column arrays as UTF-8 bytes as the database thread does. */
function inProcess(pglite: PGlite): PGlite {
  const text = pglite.serializers[TEXT]!;
  pglite.serializers[TEXT] = (value: unknown) => (value instanceof Uint8Array ? (value as unknown as string) : text(value));
  return pglite;
}

export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir?: string; pool?: PoolOptions }): Promise<Database> {
  return options.databaseUrl ? openPostgres(options.databaseUrl, options.pool) : openPglite(options.dataDir);
}
