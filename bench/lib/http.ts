/**
 * The server under test runs in a child process of its own, as in production (`guatu serve`);
 * requests go over HTTP with autocannon, which records every response time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BENCH_DIR } from './options.js';
import type { Target } from './load.js';
import type { HttpQuery } from './queries.js';

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  /** Requests per second over the run. */
  rps: number;
  errors: number;
}

export function percentiles(samples: number[], seconds: number, errors = 0): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN);
  return { n: s.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), rps: s.length / seconds, errors };
}

export interface Server {
  url: string;
  /** From spawning the process to the first answered request. */
  startupMs: number;
  /** CPU seconds (user + system) the server process has used so far; NaN where /proc is missing. */
  cpuSeconds(): number;
  /** The server process's peak resident memory so far (VmHWM), in MB; NaN where /proc is missing. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

function processPeakRssMb(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return Number(line!.replace(/\D+/g, '')) / 1024;
  } catch {
    return NaN;
  }
}

/** A process's user + system CPU time from /proc (Linux), in seconds. */
function processCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The built server, as `npm start` runs it; build it first with buildServer() (packages/server/scripts/build.ts). */
export const BUILT_GUATU = join(BENCH_DIR, '../packages/server/dist/guatu.js');

/** Starts the built `guatu serve` on the target and waits until /api/health answers. */
export async function startServer(target: Target, port: number): Promise<Server> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    // Every reporter and reviewer signs in from the same address.
    GUATU_LOGIN_RATE_LIMIT: '100000',
  };
  delete env.DATABASE_URL;
  if (target.engine === 'postgres') env.DATABASE_URL = target.location;
  else env.GUATU_DATA_DIR = target.location;
  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS: options for the server's node only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BUILT_GUATU, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, `${url}/api/health`);
  return { url, startupMs: performance.now() - started, cpuSeconds: () => processCpuSeconds(child.pid), peakRssMb: () => processPeakRssMb(child.pid), stop: () => stopChild(child) };
}

/** The HTTP floor: an empty Fastify route in a process of its own. */
export async function startEmptyServer(port: number): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, 'lib/empty-server.ts'), String(port)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitUntilUp(child, `${url}/empty`);
  return { url, startupMs: performance.now() - started, cpuSeconds: () => processCpuSeconds(child.pid), peakRssMb: () => processPeakRssMb(child.pid), stop: () => stopChild(child) };
}

async function waitUntilUp(child: ChildProcess, url: string) {
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error(`the server exited before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Sends one query over `connections` connections for `seconds`, keeping every response time. */
export async function measure(url: string, query: HttpQuery, cookie: string, options: { seconds: number; connections: number; amount?: number }): Promise<Latency> {
  const samples: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: `${url}${query.path}`,
    method: query.method,
    headers: { cookie, 'content-type': 'application/json' },
    body: query.body === undefined ? undefined : JSON.stringify(query.body),
    connections: options.connections,
    // A number of requests instead of a duration, for queries slower than the duration itself.
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds }),
    timeout: 60,
  }) as unknown as EventEmitter & PromiseLike<autocannon.Result>; // without a callback: both an emitter and a promise
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status >= 400) errors++;
    samples.push(ms);
  });
  const result = await instance;
  if (errors) console.warn(`  ${query.name}: ${errors} answers were errors`);
  const stats = percentiles(samples, result.duration, errors + result.errors + result.timeouts);
  if (stats.n < 5 && !options.amount) return measure(url, query, cookie, { ...options, connections: 1, amount: 5 });
  return stats;
}
