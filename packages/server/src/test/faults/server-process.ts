import { spawn, type ChildProcess } from 'node:child_process';
import { GUATU_BIN, cleanEnv } from '../cli.js';

/** A real `guatu serve` process, as production runs it. */
export class ServerProcess {
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static async start(env: Record<string, string>, port: number): Promise<ServerProcess> {
    const child = spawn(process.execPath, [GUATU_BIN, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
      env: cleanEnv({ LOG_LEVEL: 'warn', ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`);
    await server.waitHealthy();
    return server;
  }

  private async waitHealthy() {
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (let i = 0; i < 600; i++) {
      if (exited) throw new Error(`guatu serve exited while starting:\n${this.output}`);
      const ok = await fetch(`${this.url}/api/health`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`guatu serve did not become healthy in a minute:\n${this.output}`);
  }

  /** SIGKILL: no shutdown hooks, no flush, the process is simply gone. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  async stop(): Promise<void> {
    this.child.kill('SIGTERM');
    await this.exited;
  }

  async post(path: string, body: unknown, cookie?: string): Promise<{ status: number; body: any; cookie: string | null }> {
    const res = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    return { status: res.status, body: await res.json(), cookie: setCookie ? setCookie.split(';')[0]! : null };
  }
}
