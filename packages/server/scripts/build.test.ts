import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { buildServer, OUTFILE } from './build.js';

const run = promisify(execFile);
let dir: string;
let out: string;
let built: string;

/** The built CLI, with a data dir of its own and no database settings from the test run. */
function guatu(...args: string[]) {
  const { DATABASE_URL: _u, ...env } = process.env;
  return run(process.execPath, [built, ...args], { env: { ...env, GUATU_DATA_DIR: join(dir, 'data') }, cwd: dir });
}

// The build is the same whichever database the tests run on: once, with PGlite.
describe.skipIf(process.env.GUATU_TEST_DB === 'postgres')('the built server (npm start)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'guatu-build-'));
    // Beside the real build, so that the npm packages resolve from node_modules as they do for it.
    mkdirSync(dirname(OUTFILE), { recursive: true });
    out = mkdtempSync(join(dirname(OUTFILE), 'test-'));
    built = join(out, 'guatu.js');
    await buildServer(undefined, built);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('finds the web app where the sources do', async () => {
    const { stdout } = await guatu('config');
    expect(JSON.parse(stdout).webDist).toBe(readConfig({}).webDist);
  });

  it('migrates a new data dir from the migrations folder and loads the reference data', async () => {
    const { stdout } = await guatu('migrate');
    expect(stdout).toContain('Migrated pglite');
    expect(existsSync(join(dir, 'data/PG_VERSION'))).toBe(true);
  }, 120_000);

  it('loads a package deferred to first use when a command needs it (exceljs)', async () => {
    const file = join(dir, 'projects.xlsx');
    const { stdout } = await guatu('template', 'projects', '-o', file);
    expect(stdout).toContain(file);
    expect(existsSync(file)).toBe(true);
  }, 120_000);
});
