/**
 * Web app performance: what the first screen ships, and how long a scheduler waits for a usable
 * dashboard in headless Chromium (Debian's), against the demo province on the embedded database.
 *
 *   npm run bench:web            (builds the web app, then measures)
 *   npx tsx bench/web.ts [runs]  (against the current build; default 5 runs)
 *
 * The first screen is the entry script and every module it preloads (index.html). ECharts and
 * the Yunnan map must not be among them: they load when the first chart mounts.
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { ROOT, startDemoServer } from '../e2e/lib/server.js';

const DIST = join(ROOT, 'packages/web/dist');
const FIRST_SCREEN_BUDGET_KB = 350;

interface Asset {
  file: string;
  bytes: number;
  gzip: number;
}

function assets(): Asset[] {
  const dir = join(DIST, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => {
      const body = readFileSync(join(dir, f));
      return { file: f, bytes: statSync(join(dir, f)).size, gzip: gzipSync(body, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

function firstScreen(all: Asset[]): Asset[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return all.filter((a) => files.includes(a.file));
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;

async function timeToDashboard(runs: number): Promise<number[]> {
  const server = await startDemoServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      // A cold browser profile each run: nothing cached, as on a fresh office PC.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', baseURL: server.url });
      const login = await context.request.post('/api/v1/auth/login', { data: { username: 'reviewer.qujing', password: 'Guatu@2022' } });
      if (!login.ok()) throw new Error(`sign-in: ${login.status()}`);
      const page = await context.newPage();
      const start = Date.now();
      await page.goto('/?year=2022&quarter=1');
      // Usable: the KPI figures are in, and every chart has drawn.
      await page.getByTestId('kpi-started-count').waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => {
        const charts = [...document.querySelectorAll('[data-testid^="chart-"]')];
        return charts.length > 0 && charts.every((c) => c.getAttribute('data-ready') === 'true');
      }, undefined, { timeout: 60_000 });
      times.push(Date.now() - start);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return times;
}

async function main() {
  const runs = Number(process.argv[2] ?? 5);
  const all = assets();
  const first = firstScreen(all);
  const firstGzip = first.reduce((s, a) => s + a.gzip, 0);
  const lazyHeavy = all.filter((a) => /echarts|yunnan/.test(a.file));
  const leaked = first.filter((a) => /echarts|yunnan/.test(a.file));
  const times = await timeToDashboard(runs);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;

  const lines = [
    `# Web app: bundle sizes and time to a usable dashboard`,
    '',
    `- date: ${new Date().toISOString().slice(0, 10)}`,
    `- machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    `- command: \`npm run bench:web\` (\`npx tsx bench/web.ts ${runs}\` on a built app)`,
    '',
    `## First screen (entry script and its preloads, gzip -9)`,
    '',
    `| file | bytes | gzip |`,
    `| --- | ---: | ---: |`,
    ...first.map((a) => `| ${a.file} | ${a.bytes} | ${a.gzip} |`),
    `| **total** | ${first.reduce((s, a) => s + a.bytes, 0)} | **${firstGzip} (${kb(firstGzip)} KB; budget ${FIRST_SCREEN_BUDGET_KB} KB)** |`,
    '',
    `## Loaded on demand`,
    '',
    `| file | gzip KB |`,
    `| --- | ---: |`,
    ...lazyHeavy.map((a) => `| ${a.file} | ${kb(a.gzip)} |`),
    `| all other lazy chunks | ${kb(all.filter((a) => !first.includes(a) && !lazyHeavy.includes(a)).reduce((s, a) => s + a.gzip, 0))} |`,
    '',
    `## Time to a usable dashboard`,
    '',
    `Qujing scheduler, 2022 Q1, cold browser profile each run, 1440×900, headless Chromium: from navigation to every KPI and chart drawn.`,
    '',
    `- runs (ms): ${times.join(', ')}`,
    `- median: **${median} ms**`,
    '',
  ];
  const report = lines.join('\n');
  writeFileSync(join(ROOT, 'bench/results/web.md'), report);
  console.log(report);
  if (firstGzip > FIRST_SCREEN_BUDGET_KB * 1024) throw new Error(`first screen ships ${kb(firstGzip)} KB gzipped, over the ${FIRST_SCREEN_BUDGET_KB} KB budget`);
  if (leaked.length) throw new Error(`charts or the map load on the first screen: ${leaked.map((a) => a.file).join(', ')}`);
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
