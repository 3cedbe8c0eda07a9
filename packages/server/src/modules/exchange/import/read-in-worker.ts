import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { WorkbookError } from '../workbook/inspect-workbook.js';
import { eventsOf } from './row-batches.js';
import { startSheetReports, type SheetEvent, type SheetReader } from './read-sheets.js';
import type { ReaderInput, ReaderMessage } from './sheet-rows-worker.js';

/**
 * The reading thread's heap: what it keeps is the shared strings and a few batches, and a cap makes
 * V8 collect its garbage early instead of letting it pile up during a big import. The shared
 * strings are all in memory at once, so the cap grows with their part (inflated size checked
 * against the budget when the workbook was inspected).
 */
const READER_HEAP_MB = 64;
const READER_YOUNG_MB = 8;
/** Rows per batch, and batches read ahead of the importing thread. */
const BATCH_ROWS = 2000;
const MAX_IN_FLIGHT = 3;

const here = import.meta.url;
/** The worker is this module's sibling, compiled or not: under tsx or vitest, TypeScript needs tsx's loader in the new thread too. */
function startReader(input: ReaderInput): Worker {
  const ext = extname(fileURLToPath(here));
  const entry = new URL(`./sheet-rows-worker${ext}`, here);
  const strings = [...input.info.parts].find(([name]) => name.toLowerCase() === 'xl/sharedstrings.xml')?.[1].size ?? 0;
  const resourceLimits = { maxOldGenerationSizeMb: READER_HEAP_MB + Math.ceil((3 * strings) / 2 ** 20), maxYoungGenerationSizeMb: READER_YOUNG_MB };
  if (ext !== '.ts') return new Worker(entry, { workerData: input, resourceLimits });
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/package.json').replace(/package\.json$/, 'dist/esm/api/index.mjs')).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData: input, resourceLimits });
}

/**
 * readSheetEvents, with the reading and parsing on a thread of its own: the file is inflated,
 * scanned and its cells read there while this thread checks and writes the rows before them
 * (and, on PGlite, runs the database engine). Yields the same events and fills `state` the
 * same way; a file that cannot be read throws the same WorkbookError.
 */
export const readSheetRowsInWorker: SheetReader = async function* (path, info, lookups, state, options) {
  const reports = new Map(startSheetReports(info, state).map((r) => [r.name, r]));
  const worker = startReader({ path, info, lookups, maxRows: options.maxRows, batchRows: BATCH_ROWS, maxInFlight: MAX_IN_FLIGHT });
  const queue: ReaderMessage[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const woken = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: ReaderMessage) => (queue.push(m), woken()));
  worker.on('error', (e) => ((failure ??= e), woken()));
  worker.on('exit', (code) => ((failure ??= new Error(`the workbook reader stopped (exit code ${code})`)), woken()));
  try {
    for (;;) {
      while (!queue.length && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = queue.shift();
      if (!message) throw failure!;
      if (message.type === 'failed') {
        if (message.workbookError) throw new WorkbookError(message.workbookError.rule, message.workbookError.params);
        throw Object.assign(new Error(message.message), { stack: message.stack });
      }
      // Taken: the reader may read one more batch ahead.
      if (message.type === 'batch') worker.postMessage(0);
      const { batch } = message;
      state.issues.push(...batch.sheetIssues);
      if (batch.progress) options.onProgress?.(batch.progress);
      const events: SheetEvent[] = [];
      for (const event of eventsOf(batch)) {
        if (event.type === 'row') events.push(event);
        else events.push({ type: 'sheetEnd', sheet: Object.assign(reports.get(event.sheet.name)!, event.sheet) });
      }
      if (events.length) yield events;
      if (message.type === 'done') {
        for (const sheet of message.sheets) Object.assign(reports.get(sheet.name)!, sheet);
        return;
      }
    }
  } finally {
    await worker.terminate();
  }
};
