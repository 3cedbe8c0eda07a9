import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where PostgreSQL's server programs are: GUATU_PG_BIN, or the newest /usr/lib/postgresql/N/bin. */
export function postgresBinaries(): string | null {
  const candidates = [process.env.GUATU_PG_BIN, ...newestFirst('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`)];
  return candidates.find((dir) => dir && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null;
}

function newestFirst(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((v) => /^\d+$/.test(v))
    .sort((a, b) => Number(b) - Number(a));
}

/** A free TCP port in [from, to] on 127.0.0.1. */
export async function freePort(from: number, to: number): Promise<number> {
  // Start at a different place per process, so two test files rarely race for the same port.
  const span = to - from + 1;
  const offset = process.pid % span;
  for (let i = 0; i < span; i++) {
    const port = from + ((offset + i) % span);
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a spare port, never the
 * machine's shared one. initdb refuses to run as root, so as root the server runs as the
 * `postgres` system user.
 */
export class OwnPostgres {
  private constructor(
    readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir() {
    return join(this.dir, 'data');
  }

  static async create(bin: string, ports: [number, number]): Promise<OwnPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'guatu-pg-'));
    chmodSync(dir, 0o755);
    if (isRoot()) chownSync(dir, postgresUid(), postgresGid());
    const pg = new OwnPostgres(bin, dir, await freePort(...ports));
    await pg.as('initdb', ['-D', pg.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await pg.start();
    return pg;
  }

  private async as(program: string, args: string[]) {
    const path = join(this.bin, program);
    const [file, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    return run(file, argv, { timeout: 60_000 });
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${this.dir} -c fsync=off`;
    await this.as('pg_ctl', ['start', '-w', '-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options]);
  }

  /** A fast shutdown: sessions are cut, as when the database server goes down. */
  async stop(): Promise<void> {
    await this.as('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', this.dataDir]);
  }

  async destroy(): Promise<void> {
    await this.as('pg_ctl', ['stop', '-w', '-m', 'immediate', '-D', this.dataDir]).catch(() => {});
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const isRoot = () => process.getuid?.() === 0;

let ids: { uid: number; gid: number } | undefined;
function postgresIds() {
  if (!ids) {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith('postgres:'));
    if (!line) throw new Error('running as root needs a `postgres` system user to run PostgreSQL as');
    const [, , uid, gid] = line.split(':');
    ids = { uid: Number(uid), gid: Number(gid) };
  }
  return ids;
}
const postgresUid = () => postgresIds().uid;
const postgresGid = () => postgresIds().gid;
