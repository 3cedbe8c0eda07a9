/**
 * Start-up: from spawning `guatu serve` on an existing database until GET /api/health answers,
 * the server built as `npm start` runs it (built once first), on the demo province:
 *
 *   npm run bench:startup                          # PGlite data dir bench/out/startup-pglite
 *   npm run bench:startup -- --db postgres         # database guatu_bench_startup on BENCH_DATABASE_URL/TEST_DATABASE_URL's server
 *   options: --runs 5 --port 3521 --tsx (also the same server through tsx) --server FILE (another guatu.js, e.g. an older checkout's bin)
 *
 * The first start on an empty database creates the demo and is not timed. Each timed start reports
 * wall time and the server's CPU time (user + system from /proc when it answered), as medians.
 * Baselines in the same run: node importing the server's npm dependencies and nothing else, and an
 * empty Fastify server answering its first request. Prints a Markdown table.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { buildServer, DEFERRED_PACKAGES, OUTFILE } from '../packages/server/scripts/build.js';
import { option, BENCH_DIR, OUT_DIR } from './lib/options.js';

const args = process.argv.slice(2);
const engine = option(args, 'db', 'pglite');
const runs = Number(option(args, 'runs', '5'));
const port = Number(option(args, 'port', '3521'));
const SERVER_DIR = join(BENCH_DIR, '../packages/server');
const TICKS_PER_SECOND = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/** CPU time a running process has used so far (Linux). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function answered(child: ChildProcess, url: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before answering ${url}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Spawns a server and times it until its first answer. */
async function timeServer(command: string[], env: NodeJS.ProcessEnv, path = '/api/health'): Promise<Sample> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env, cwd: SERVER_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    await answered(child, `http://127.0.0.1:${port}${path}`);
    return { wallMs: performance.now() - started, cpuMs: cpuOf(child.pid!) };
  } finally {
    await stop(child);
  }
}

/** Spawns a script that prints its own CPU time as it ends, and times it until it exits. */
async function timeScript(script: string): Promise<Sample> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', `${script}\nconst u = process.cpuUsage(); console.log((u.user + u.system) / 1000);`], { cwd: SERVER_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  if (code !== 0) throw new Error(`the baseline script exited with ${code}`);
  return { wallMs: performance.now() - started, cpuMs: Number(out.trim()) };
}

/** The npm packages the built server imports at start (those deferred to first use excepted). */
function startupDependencies(): string[] {
  const built = readFileSync(OUTFILE, 'utf8');
  const names = [...built.matchAll(/^import .*? from "([^".][^"]*)";$/gm)].map((m) => m[1]!).filter((n) => !n.startsWith('node:'));
  return [...new Set(names)].filter((n) => !DEFERRED_PACKAGES.includes(n));
}

/** The database the timed starts open, and the environment that points the server at it. */
async function prepareDatabase(): Promise<{ env: NodeJS.ProcessEnv; location: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.GUATU_DATA_DIR;
  if (engine === 'pglite') {
    env.GUATU_DATA_DIR = join(OUT_DIR, 'startup-pglite');
    return { env, location: env.GUATU_DATA_DIR };
  }
  if (engine !== 'postgres') throw new Error('--db is pglite or postgres');
  const server = new URL(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  const { rowCount } = await admin.query(`select 1 from pg_database where datname = 'guatu_bench_startup'`);
  if (!rowCount) await admin.query('create database guatu_bench_startup');
  await admin.end();
  server.pathname = '/guatu_bench_startup';
  env.DATABASE_URL = server.toString();
  return { env, location: server.toString().replace(/:[^:@/]*@/, ':***@') };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function row(name: string, samples: Sample[]): string {
  const walls = samples.map((s) => s.wallMs);
  const fmt = (n: number) => (n / 1000).toFixed(2);
  return `| ${name} | ${fmt(median(walls))} | ${fmt(Math.min(...walls))}–${fmt(Math.max(...walls))} | ${fmt(median(samples.map((s) => s.cpuMs)))} | ${samples.length} |`;
}

const started = new Date();
console.error('building the server…');
await buildServer();
const { env, location } = await prepareDatabase();
const serverFile = option(args, 'server', OUTFILE);
const serve = [process.execPath, serverFile, 'serve', '--port', String(port)];

if (engine === 'pglite' ? !existsSync(join(env.GUATU_DATA_DIR!, 'PG_VERSION')) : true) {
  console.error(`first start on ${location} (migrations, reference data, the demo if missing; not timed)…`);
  await timeServer([...serve, ...(engine === 'postgres' ? ['--demo'] : [])], env);
}

const loadStart = loadavg();
const rows: [string, Sample[]][] = [];
const measure = async (name: string, once: () => Promise<Sample>) => {
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once());
  console.error(`  ${name}: ${samples.map((s) => `${s.wallMs.toFixed(0)} ms`).join(', ')}`);
  rows.push([name, samples]);
};
await measure(serverFile === OUTFILE ? '`guatu serve`, built (`npm start`)' : `\`guatu serve\` from ${serverFile}`, () => timeServer(serve, env));
if (args.includes('--tsx')) await measure('`guatu serve` through tsx (`npx guatu serve`)', () => timeServer([process.execPath, join(SERVER_DIR, 'bin/guatu.js'), 'serve', '--port', String(port)], env));
const dependencies = startupDependencies();
await measure(`baseline: node importing the ${dependencies.length} npm packages the server loads at start`, () =>
  timeScript(dependencies.map((d) => `await import(${JSON.stringify(d)});`).join('\n')),
);
await measure('baseline: an empty Fastify server, until its first answer', () =>
  timeServer([process.execPath, '--input-type=module', '-e', `import Fastify from 'fastify'; const app = Fastify(); app.get('/api/health', async () => ({})); await app.listen({ port: ${port}, host: '127.0.0.1' });`], env),
);
const loadEnd = loadavg();

const commit = execSync('git rev-parse --short HEAD', { cwd: BENCH_DIR }).toString().trim();
const dirty = execSync('git status --porcelain', { cwd: BENCH_DIR }).toString().trim() !== '';
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
console.log(`#### Start-up on ${engine}, ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC

Commit \`${commit}\`${dirty ? ' (with uncommitted changes)' : ''}; \`npm run bench:startup -- ${args.join(' ')}\`; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; ${location}${serverFile === OUTFILE ? '' : `; server ${serverFile}`}. Load average ${load(loadStart)} at the start, ${load(loadEnd)} at the end.

| what | wall median (s) | wall min–max (s) | CPU median (s) | runs |
| --- | ---: | ---: | ---: | ---: |
${rows.map(([name, samples]) => row(name, samples)).join('\n')}
`);
