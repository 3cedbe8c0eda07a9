import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCALES, type Scale } from './data.js';
import type { Engine, Target } from './load.js';

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT_DIR = join(BENCH_DIR, 'out');

export function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
}

export function scaleOf(args: string[]): Scale {
  const scale = option(args, 'scale', 'province');
  if (!(scale in SCALES)) throw new Error(`--scale is one of ${Object.keys(SCALES).join(', ')}`);
  return scale as Scale;
}

/** PostgreSQL when a server is configured (BENCH_DATABASE_URL or TEST_DATABASE_URL) and always at national scale; else PGlite. */
export function engineOf(args: string[], scale: Scale): Engine {
  const fallback = scale === 'national' || process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
  const engine = option(args, 'db', fallback);
  if (engine !== 'pglite' && engine !== 'postgres') throw new Error('--db is pglite or postgres');
  if (engine === 'pglite' && scale === 'national') throw new Error('the national scale runs on PostgreSQL only');
  return engine;
}

/**
 * Where a scale's database lives: its own PostgreSQL database (guatu_bench_<scale>, or BENCH_DB_NAME
 * so that runs side by side keep apart), or its own PGlite data dir.
 */
export function targetOf(engine: Engine, scale: Scale): Target {
  if (engine === 'pglite') return { engine, location: join(OUT_DIR, `pglite-${scale}`) };
  const server = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/${process.env.BENCH_DB_NAME || `guatu_bench_${scale}`}`;
  return { engine, location: server.toString() };
}
