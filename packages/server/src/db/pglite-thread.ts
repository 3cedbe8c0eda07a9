import { Worker } from 'node:worker_threads';
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite';

/** What a database-thread request may carry besides its sql: only what can be cloned to the thread. */
interface Request {
  op: 'query' | 'exec' | 'begin' | 'end' | 'dump' | 'close';
  sql?: string;
  params?: unknown[];
  rowMode?: 'array' | 'object';
  blob?: Blob | File;
  paramTypes?: number[];
  /** Types whose values stay text (the caller's parsers, all pass-through). */
  textTypes?: number[];
  transaction?: number;
  commit?: boolean;
  compression?: 'none' | 'gzip' | 'auto';
}

type Answer = { id: number; result: unknown; error?: undefined } | { id: number; error: Record<string, unknown> & { message: string } };

/** The part of PGlite the app and Drizzle use; in-process PGlite and PgliteThread both have it. */
export type EmbeddedClient = Pick<PGlite, 'query' | 'exec' | 'transaction' | 'dumpDataDir' | 'close' | 'closed'>;

export interface PgliteThreadOptions {
  dataDir?: string | undefined;
  /** A dumped data dir (dumpDataDir('none')) to start from, for an in-memory database. */
  loadDataDir?: Uint8Array | undefined;
  startParams: string[];
}

const WORKER = new URL('./pglite-thread-worker.js', import.meta.url);

/**
 * PGlite with its engine on a thread of its own (pglite-thread-worker.js). It answers the same
 * calls as PGlite itself, so Drizzle runs on it unchanged; each call is a message to the
 * thread and back. The thread holds the database exactly as PGlite does in process: one query at a
 * time, a transaction holding it until it ends, every commit written through to the data dir
 * before it is answered.
 *
 * While nothing is asked of it the thread does not keep the process alive, so a command that has
 * finished exits as it would with PGlite in process; while a request is out it does.
 */
export class PgliteThread implements EmbeddedClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (value: unknown) => void; reject: (e: Error) => void }>();
  #nextId = 1;
  #failure: Error | null = null;
  #closed = false;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (message: Answer) => this.#settle(message));
    worker.on('error', (e) => this.#fail(e));
    worker.on('exit', (code) => this.#fail(new Error(`the database thread stopped (exit code ${code})`)));
  }

  static async create(options: PgliteThreadOptions): Promise<PgliteThread> {
    const worker = new Worker(WORKER, { workerData: options, resourceLimits: { maxYoungGenerationSizeMb: 8 }, transferList: options.loadDataDir ? [options.loadDataDir.buffer as ArrayBuffer] : [] });
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      const onExit = (code: number) => reject(new Error(`the database thread stopped while opening the database (exit code ${code})`));
      worker.once('message', () => {
        worker.off('error', onError).off('exit', onExit);
        resolve();
      });
      worker.once('error', onError).once('exit', onExit);
    });
    worker.unref();
    return new PgliteThread(worker);
  }

  get closed(): boolean {
    return this.#closed;
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#query(undefined, sql, params, options);
  }

  exec(sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#exec(undefined, sql, options);
  }

  /** A query on the database, or inside the open transaction `transaction`. */
  async #query<T>(transaction: number | undefined, sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#ask({ op: 'query', sql, params: params ?? [], transaction, ...crossable(options) }) as Promise<Results<T>>;
  }

  async #exec(transaction: number | undefined, sql: string, options?: QueryOptions): Promise<Results[]> {
    return this.#ask({ op: 'exec', sql, transaction, ...crossable(options) }) as Promise<Results[]>;
  }

  /** Runs `callback` in a transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = (await this.#ask({ op: 'begin' })) as number;
    let closed = false;
    const open = () => {
      if (closed) throw new Error('Transaction is closed');
    };
    /** Ends the transaction once, whoever ends it first: the callback's rollback, or its outcome. */
    const end = async (commit: boolean) => {
      if (closed) return;
      closed = true;
      await this.#ask({ op: 'end', transaction: id, commit });
    };
    const tx = {
      query: async <R>(sql: string, params?: unknown[], options?: QueryOptions) => (open(), this.#query<R>(id, sql, params, options)),
      exec: async (sql: string, options?: QueryOptions) => (open(), this.#exec(id, sql, options)),
      rollback: async () => (open(), end(false)),
      get closed() {
        return closed;
      },
    } as unknown as Transaction;
    let result: T;
    try {
      result = await callback(tx);
    } catch (e) {
      await end(false);
      throw e;
    }
    await end(true);
    return result;
  }

  async dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<File | Blob> {
    const bytes = (await this.#ask({ op: 'dump', compression: compression ?? 'auto' })) as Uint8Array;
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: compression === 'none' ? 'application/x-tar' : 'application/x-gzip' });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#ask({ op: 'close' });
    this.#closed = true;
    await this.#worker.terminate();
  }

  #ask(request: Request): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('PGlite is closed'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (!this.#pending.size) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id });
    });
  }

  #settle(answer: Answer) {
    const waiting = this.#pending.get(answer.id);
    if (!waiting) return;
    this.#pending.delete(answer.id);
    if (!this.#pending.size) this.#worker.unref();
    if (answer.error) waiting.reject(rebuiltError(answer.error));
    else waiting.resolve(answer.result);
  }

  /** The thread is gone: whatever was asked of it fails, and so does anything asked later. */
  #fail(e: Error) {
    if (this.#closed) return;
    this.#failure ??= e;
    for (const waiting of this.#pending.values()) waiting.reject(this.#failure);
    this.#pending.clear();
  }
}

/**
 * Options as the thread can take them. Functions cannot cross a thread: parsers are sent as the
 * types to leave as text, which is all Drizzle asks of them (dates, timestamps, intervals, numeric
 * arrays); any other parser, and serializers, are refused rather than silently ignored.
 */
function crossable(options: QueryOptions | undefined): Partial<Request> {
  if (!options) return {};
  const { rowMode, parsers, blob, paramTypes, ...rest } = options;
  const unsupported = Object.keys(rest).filter((k) => (rest as Record<string, unknown>)[k] !== undefined);
  if (unsupported.length) throw new Error(`the database thread does not take these query options: ${unsupported.join(', ')}`);
  const textTypes = Object.entries(parsers ?? {}).map(([oid, parse]) => {
    if (parse('2024-01-31 08:00:00', Number(oid)) !== '2024-01-31 08:00:00') throw new Error(`the database thread leaves type ${oid} as text or parses it as PGlite does; it cannot run a parser`);
    return Number(oid);
  });
  return { ...(rowMode ? { rowMode } : {}), ...(blob ? { blob } : {}), ...(paramTypes ? { paramTypes } : {}), ...(textTypes.length ? { textTypes } : {}) };
}

/** The database's error as it was thrown in the thread: message, stack and fields (code, detail, constraint…). */
function rebuiltError(fields: Record<string, unknown> & { message: string }): Error {
  const { message, name, stack, ...rest } = fields;
  const error = Object.assign(new Error(message), rest);
  if (typeof name === 'string') error.name = name;
  if (typeof stack === 'string') error.stack = `${stack}\n    at the database thread`;
  return error;
}
