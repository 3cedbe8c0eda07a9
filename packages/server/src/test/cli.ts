import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { TestContext } from './harness.js';

export const GUATU_BIN = fileURLToPath(new URL('../../bin/guatu.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `guatu` command with the given environment and waits for it to exit. */
export function runGuatu(args: string[], env: Record<string, string | undefined>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [GUATU_BIN, ...args], { env: cleanEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The parent's environment without any database settings, plus `env`. */
export function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _u, GUATU_DATA_DIR: _d, ...rest } = process.env;
  const out: NodeJS.ProcessEnv = { ...rest };
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/**
 * The environment that points the CLI at this test file's database as it is now. PostgreSQL: its
 * URL. PGlite: the in-memory database is copied into a data dir, since only one process may open
 * an embedded database.
 */
export async function cliDatabaseEnv(t: TestContext): Promise<{ env: Record<string, string>; cleanup: () => void }> {
  if (t.kind === 'postgres') return { env: { DATABASE_URL: t.databaseUrl! }, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'guatu-cli-'));
  const dataDir = join(dir, 'data');
  const dump = await t.database.pglite!.dumpDataDir('none');
  const copy = await PGlite.create({ dataDir, loadDataDir: dump });
  await copy.close();
  return { env: { GUATU_DATA_DIR: dataDir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
