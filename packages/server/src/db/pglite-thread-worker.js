/**
 * The embedded database's own thread: PGlite's engine runs here, so that its work (and the
 * serializing of parameters and parsing of results around it) does not hold up the thread that
 * reads files and answers requests. The thread that owns the database (pglite-thread.ts) sends
 * queries, transactions and dumps as messages; each is answered by its id, in PGlite's own words.
 *
 * Plain JavaScript, because a worker starts from a file Node runs as it is: no TypeScript loader
 * in the thread, so it starts as fast under the built server as in the tests. The messages are
 * typed on the other side, in pglite-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const port = parentPort;
const { dataDir, loadDataDir, startParams } = workerData;

/** Open transactions by id: the PGlite transaction, and what ends it (true: commit). */
const transactions = new Map();
let nextTransaction = 1;

/** Sends what a request came to; an error goes with its own fields (code, detail, constraint…), which cloning would drop. */
function answer(id, work) {
  work.then(
    (result) => port.postMessage({ id, result }),
    (e) => port.postMessage({ id, error: errorFields(e) }),
  );
}

function errorFields(e) {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const fields = { name: e.name, message: e.message, stack: e.stack };
  for (const [key, value] of Object.entries(e)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) fields[key] = value;
  }
  return fields;
}

/** Identity parsers for the types the caller wants left as text (drizzle's dates, timestamps, numeric[]). */
function queryOptions(request) {
  const options = {};
  if (request.rowMode) options.rowMode = request.rowMode;
  if (request.blob) options.blob = request.blob;
  if (request.paramTypes) options.paramTypes = request.paramTypes;
  if (request.textTypes) options.parsers = Object.fromEntries(request.textTypes.map((oid) => [oid, (value) => value]));
  return options;
}

/** The client a query runs on: the database, or the open transaction it belongs to. */
function clientOf(request) {
  if (request.transaction === undefined) return pglite;
  const open = transactions.get(request.transaction);
  if (!open) throw new Error(`transaction ${request.transaction} is not open`);
  return open.tx;
}

/** Starts a transaction and answers with its id once it holds the database; the transaction ends when 'end' says so. */
function begin(id) {
  let endId = null;
  const done = pglite.transaction(async (tx) => {
    const transaction = nextTransaction++;
    const ended = new Promise((resolve) => transactions.set(transaction, { tx, end: resolve }));
    port.postMessage({ id, result: transaction });
    const { commit, id: requestId } = await ended;
    transactions.delete(transaction);
    endId = requestId;
    if (!commit) await tx.rollback();
  });
  // A failed BEGIN answers the begin; a failed COMMIT (or ROLLBACK) answers the end.
  done.then(
    () => port.postMessage({ id: endId, result: null }),
    (e) => port.postMessage({ id: endId ?? id, error: errorFields(e) }),
  );
}

/** Ends a transaction; its answer is sent when the commit or rollback has finished (see begin). */
function end(request) {
  const open = transactions.get(request.transaction);
  if (!open) return port.postMessage({ id: request.id, error: { name: 'Error', message: `transaction ${request.transaction} is not open` } });
  open.end({ commit: request.commit, id: request.id });
}

async function dump(compression) {
  const file = await pglite.dumpDataDir(compression);
  return new Uint8Array(await file.arrayBuffer());
}

const pglite = await PGlite.create({
  ...(dataDir ? { dataDir, relaxedDurability: false } : {}),
  ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}),
  startParams,
});
// Column arrays are sent as UTF-8 bytes of an array literal; PGlite would otherwise take them as a string.
const text = pglite.serializers[types.TEXT];
pglite.serializers[types.TEXT] = (value) => (value instanceof Uint8Array ? value : text(value));

port.on('message', (request) => {
  switch (request.op) {
    case 'query':
      return answer(request.id, Promise.resolve().then(() => clientOf(request).query(request.sql, request.params, queryOptions(request))));
    case 'exec':
      return answer(request.id, Promise.resolve().then(() => clientOf(request).exec(request.sql, queryOptions(request))));
    case 'begin':
      return begin(request.id);
    case 'end':
      return end(request);
    case 'dump':
      return answer(request.id, dump(request.compression));
    case 'close':
      return answer(request.id, pglite.close().then(() => null));
    default:
      return port.postMessage({ id: request.id, error: { name: 'Error', message: `unknown request ${request.op}` } });
  }
});
port.postMessage({ ready: true });
