/**
 * End-to-end run: starts Guatu on a fresh embedded database with the demo province on a free
 * port, runs every spec in e2e/specs in headless Chromium, and stops the server.
 *
 *   npm run test:e2e            (builds the web app first)
 *   npx tsx e2e/run.ts [spec…]  (against the current build)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, server: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer ${url}/api/health within ${timeoutMs} ms`);
}

async function main() {
  if (!existsSync(join(root, 'packages/web/dist/index.html'))) throw new Error('build the web app first: npm run build:web');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium}: apt-get install -y chromium fonts-noto-cjk`);

  const dataDir = mkdtempSync(join(tmpdir(), 'guatu-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'packages/server/src/cli/main.ts'), 'serve', '--demo', '--port', String(port)], {
    cwd: root,
    // Every test signs in several users from one address, far past the per-minute limit meant for people.
    env: { ...process.env, GUATU_DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', GUATU_LOGIN_RATE_LIMIT: '10000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverLog = '';
  server.stdout!.on('data', (d) => (serverLog += d));
  server.stderr!.on('data', (d) => (serverLog += d));
  const stop = () => {
    if (server.exitCode === null) server.kill('SIGTERM');
  };
  process.on('exit', stop);

  let code = 1;
  try {
    const started = Date.now();
    await waitForHealth(url, server, 180_000);
    console.log(`e2e: Guatu with the demo province at ${url} (ready in ${Date.now() - started} ms)`);
    const requested = process.argv.slice(2);
    const specDir = join(root, 'e2e/specs');
    const specs = readdirSync(specDir)
      .filter((f) => f.endsWith('.spec.ts'))
      .filter((f) => !requested.length || requested.some((r) => f.includes(r)))
      .sort()
      .map((f) => join(specDir, f));
    code = await new Promise<number>((ok) => {
      const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
        cwd: root,
        env: { ...process.env, GUATU_E2E_URL: url, CHROMIUM_PATH: chromium },
        stdio: 'inherit',
      });
      runner.on('exit', (c) => ok(c ?? 1));
    });
  } catch (e) {
    console.error(`e2e: ${(e as Error).message}\n${serverLog}`);
  } finally {
    stop();
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (code !== 0 && serverLog.trim()) console.error(`e2e: server log\n${serverLog.slice(-4000)}`);
  process.exit(code);
}

void main();
