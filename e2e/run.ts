/**
 * End-to-end run: starts Guatu on a fresh embedded database with the demo province on a free
 * port, runs every spec in e2e/specs in headless Chromium, and stops the server.
 *
 *   npm run test:e2e            (builds the web app first)
 *   npx tsx e2e/run.ts [spec…]  (against the current build)
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startDemoServer } from './lib/server.js';

async function main(): Promise<number> {
  if (!existsSync(join(ROOT, 'packages/web/dist/index.html'))) throw new Error('build the web app first: npm run build:web');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) throw new Error(`no Chromium at ${chromium}: apt-get install -y chromium fonts-noto-cjk`);

  const started = Date.now();
  const server = await startDemoServer();
  console.log(`e2e: Guatu with the demo province at ${server.url} (ready in ${Date.now() - started} ms)`);
  try {
    const requested = process.argv.slice(2);
    const specDir = join(ROOT, 'e2e/specs');
    const specs = readdirSync(specDir)
      .filter((f) => f.endsWith('.spec.ts') && (!requested.length || requested.some((r) => f.includes(r))))
      .sort()
      .map((f) => join(specDir, f));
    const code = await new Promise<number>((ok) => {
      // One spec at a time: they share the demo database, and some check totals that others move.
      const runner = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], {
        cwd: ROOT,
        env: { ...process.env, GUATU_E2E_URL: server.url, CHROMIUM_PATH: chromium },
        stdio: 'inherit',
      });
      runner.on('exit', (c) => ok(c ?? 1));
    });
    if (code !== 0) console.error(`e2e: server log (last lines)\n${server.log().slice(-4000)}`);
    return code;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`e2e: ${e.message}`);
    process.exit(1);
  },
);
