/**
 * The reading thread of an import: streams the workbook's sheets as parsed rows (readSheetRows)
 * and posts them in batches to the thread that checks and writes them. At most a few batches are
 * on their way at once; the importing thread asks for more as it takes them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CodeLookups } from '../workbook/cells.js';
import { WorkbookError, type WorkbookInfo } from '../workbook/inspect-workbook.js';
import type { ReadProgress } from '../workbook/read-rows.js';
import { BatchBuilder } from './row-batches.js';
import { readSheetRows, type ReadState } from './read-sheets.js';

export interface ReaderInput {
  path: string;
  info: WorkbookInfo;
  lookups: CodeLookups;
  maxRows: number;
  batchRows: number;
  maxInFlight: number;
}

/** From the reading thread: a batch, the end with what was found about the sheets, or the reason it stopped. */
export type ReaderMessage =
  | { type: 'batch'; batch: ReturnType<BatchBuilder['take']> }
  | { type: 'done'; batch: ReturnType<BatchBuilder['take']>; sheets: ReadState['sheets'] }
  | { type: 'failed'; workbookError: { rule: string; params: Record<string, unknown> } | null; message: string; stack?: string };

const port = parentPort!;
const input = workerData as ReaderInput;
let inFlight = 0;
let wake: (() => void) | null = null;
port.on('message', () => {
  inFlight--;
  wake?.();
  wake = null;
});

async function read() {
  const state: ReadState = { sheets: [], issues: [] };
  const builder = new BatchBuilder();
  let progress: ReadProgress | null = null;
  let issuesSent = 0;
  const take = () => {
    const issues = state.issues.slice(issuesSent);
    issuesSent = state.issues.length;
    const batch = builder.take(issues, progress);
    progress = null;
    return batch;
  };
  const events = readSheetRows(input.path, input.info, input.lookups, state, { maxRows: input.maxRows, onProgress: (p) => (progress = p) });
  for await (const event of events) {
    builder.add(event);
    if (builder.rows < input.batchRows && event.type !== 'sheetEnd') continue;
    port.postMessage({ type: 'batch', batch: take() } satisfies ReaderMessage);
    if (++inFlight >= input.maxInFlight) await new Promise<void>((resolve) => (wake = resolve));
  }
  port.postMessage({ type: 'done', batch: take(), sheets: state.sheets } satisfies ReaderMessage);
}

read().catch((e: unknown) => {
  const error = e instanceof Error ? e : new Error(String(e));
  const workbookError = e instanceof WorkbookError ? { rule: e.rule, params: e.params } : null;
  port.postMessage({ type: 'failed', workbookError, message: error.message, stack: error.stack } satisfies ReaderMessage);
});
