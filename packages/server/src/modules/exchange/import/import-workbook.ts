import { availableParallelism } from 'node:os';
import type { Database, Db } from '../../../db/client.js';
import { forbidden } from '../../../http/errors.js';
import { recordAudit } from '../../../audit/record.js';
import type { Actor } from '../../../policies/actor.js';
import { may } from '../../../policies/abilities.js';
import { SHEET_KINDS, type SheetKind } from '../columns.js';
import { loadCodeLookups } from '../exchange.repository.js';
import type { ImportLimits } from '../import-limits.js';
import { WorkbookError, inspectWorkbook, type WorkbookInfo } from '../workbook/inspect-workbook.js';
import type { CodeLookups } from '../workbook/cells.js';
import { fileDigest } from './file-digest.js';
import { holdReferences, type HeldReferences } from './held-references.repository.js';
import { planAnnualPlans } from './plan-annual-plans.js';
import { planProjects } from './plan-projects.js';
import { lookUpReports, planLookedUpReports, type ExistingReports } from './plan-reports.js';
import { ProjectContext } from './project-context.js';
import { readSheetEvents, type ReadState, type SheetReport } from './read-sheets.js';
import { readSheetRowsInWorker } from './read-in-worker.js';
import { emptyWritten, writeAnnualPlans, writeProjects, writeReports } from './write-import.js';
import type { ParsedRow, RowIssue, RowOutcome } from './import-types.js';

export type ImportPhase = 'reading' | 'writing' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  /** 0–100 over the whole import. */
  percent: number;
  rows: number;
}

export interface ImportCounts {
  create: number;
  update: number;
  unchanged: number;
  rejected: number;
}

export interface ImportResult {
  dryRun: boolean;
  committed: boolean;
  fileName: string;
  /** The program that saved the file, from its properties ("Microsoft Excel", "WPS 表格"). */
  application: string | null;
  sheets: SheetReport[];
  counts: Record<SheetKind, ImportCounts>;
  /** Rows that change a record, with the fields they change. */
  changes: { sheet: string; row: number; kind: SheetKind; key: string; fields: string[] }[];
  issues: RowIssue[];
}

export interface ImportOptions {
  path: string;
  fileName: string;
  dryRun: boolean;
  limits: ImportLimits;
  onProgress?: (p: ImportProgress) => void;
  /** Read the file on a thread of its own (the default with more than two cores). */
  readerThread?: boolean;
}

/**
 * Report rows are checked and written this many at a time, so memory holds a chunk, not the file.
 * Each chunk costs a few statements (its projects, its existing reports, the writes): at 1,000
 * rows a chunk PGlite spent 1.3 s more CPU on 100,000 rows than at 5,000, for a lower peak only
 * when no dry run came before in the same process.
 */
const CHUNK = 5000;
/**
 * Chunks read but not yet written. With one, reading a chunk and writing the one before had to end
 * together, and whichever was quicker waited (PGlite's engine sat idle 0.9–1.3 s of a 100,000-row
 * import); two leave the reader a chunk of slack (0.6–0.7 s idle).
 */
const MAX_WAITING = 2;

/**
 * Reading on a thread of its own pays only with a core to spare: the importing thread and the
 * database (PGlite's engine on its thread, or PostgreSQL's backend) keep two busy. On two
 * cores the extra thread measured no faster, and cost more CPU (copying rows between threads, a
 * second heap to collect; on PGlite 3–8 s more per 100,000 rows) and 40–70 MB more peak RSS.
 */
const READER_THREAD = availableParallelism() > 2;

/** Thrown inside the transaction to roll back an import that turned out to have problems. */
class Rejected extends Error {}

/**
 * Imports a workbook of projects, annual plans and monthly reports, its sheets applied in tab
 * order. The file is streamed and every row checked by the rules of the API, in chunks, as it is
 * read. A dry run stops at checking and tells what would happen. A real run does the same inside
 * one transaction and writes each chunk as soon as it is checked, so the database works while the
 * file is still being read; at the first problem it stops writing but goes on checking, so every
 * problem is reported, and then rolls everything back. A clean run commits with one audit event
 * listing the rows it touched. A file that cannot be read at all throws WorkbookError.
 */
export async function importWorkbook(database: Database, actor: Actor, options: ImportOptions): Promise<ImportResult> {
  const info = await inspectWorkbook(options.path, options.limits);
  const lookups = await loadCodeLookups(database.db);
  if (options.dryRun) return run(database.db, actor, info, lookups, options, false);
  try {
    return await database.db.transaction((tx) => run(tx, actor, info, lookups, options, true));
  } catch (e) {
    if (e instanceof Rejected) return (e as Rejected & { result: ImportResult }).result;
    throw e;
  }
}

async function run(db: Db, actor: Actor, info: WorkbookInfo, lookups: CodeLookups, options: ImportOptions, commit: boolean): Promise<ImportResult> {
  const progress = (phase: ImportPhase, percent: number, rows: number) => options.onProgress?.({ phase, percent: Math.min(100, Math.round(percent)), rows });
  const state: ReadState = { sheets: [], issues: [] };
  const projects = new ProjectContext(db, actor, commit);
  // Projects are locked as they are looked up; the user is held at the first report sheet's write,
  // so new drafts skip per-row key checks.
  let held: Promise<HeldReferences | null> | undefined;
  const holdOnce = () => (held ??= holdReferences(db, actor.userId || null));
  const tally = new Tally();
  const issues: RowIssue[] = [];
  const written = emptyWritten();
  const note = `导入 ${options.fileName}`;
  const seenReports = new Map<string, number>();
  let rowsRead = 0;
  let sheetRows: ParsedRow[] = [];
  /** Writing goes on only while nothing has been wrong. */
  const clean = () => commit && !issues.length && !state.issues.length;

  const mayImport = (kind: SheetKind) => {
    if (kind === 'monthlyReports' ? !may.fillReports(actor) : !may.editProjects(actor)) throw forbidden('role');
  };

  /** A sheet of projects or annual plans: checked and written whole. */
  const checkSheet = async (kind: 'projects' | 'annualPlans', rows: ParsedRow[]) => {
    if (kind === 'projects') {
      const plan = await planProjects(db, actor, rows, lookups, { lock: commit });
      tally.add(plan.outcomes);
      issues.push(...plan.issues);
      if (clean()) await writeProjects(db, actor, plan, note, written);
      projects.absorb(plan);
    } else {
      const plan = await planAnnualPlans(rows, projects);
      tally.add(plan.outcomes);
      issues.push(...plan.issues);
      if (clean()) await writeAnnualPlans(db, plan, projects, written);
    }
  };
  const planChunk = (rows: ParsedRow[], existing: ExistingReports) => {
    const plan = planLookedUpReports(rows, projects, existing, { seen: seenReports });
    tally.add(plan.outcomes);
    issues.push(...plan.issues);
    return plan;
  };

  // Behind the reader, a chunk of report rows goes through three steps, each in file order:
  // looking up what it names, checking it, writing it. While the database writes one chunk, the
  // next is already looked up and checked and its writing queued, and the file goes on being read;
  // a few chunks may wait, more would cost memory. A sheet of projects or plans is one step that
  // everything after it waits for, since later rows may name what it creates.
  let lookedUp: Promise<unknown> = Promise.resolve();
  let checked: Promise<unknown> = Promise.resolve();
  let tail: Promise<unknown> = Promise.resolve();
  const waiting: Promise<unknown>[] = [];
  const flush = async (kind: SheetKind | null) => {
    const rows = sheetRows;
    sheetRows = [];
    if (!rows.length || !kind) return;
    if (kind === 'monthlyReports') {
      const existing = lookedUp.then(() => lookUpReports(db, actor, rows, projects, { lock: commit }));
      const plan = Promise.all([existing, checked]).then(([found]) => planChunk(rows, found));
      const write = Promise.all([plan, tail]).then(async ([p]) => {
        if (clean()) await writeReports(db, actor, p, projects, note, 'draft', written, await holdOnce());
      });
      [lookedUp, checked, tail] = [existing, plan, write];
    } else {
      tail = Promise.all([tail, checked]).then(() => checkSheet(kind, rows));
      lookedUp = checked = tail;
    }
    for (const step of [lookedUp, checked, tail]) step.catch(() => {});
    waiting.push(tail);
    while (waiting.length > MAX_WAITING) await waiting.shift();
  };

  progress('reading', 0, 0);
  const read = (options.readerThread ?? READER_THREAD) ? readSheetRowsInWorker : readSheetEvents;
  for await (const events of read(options.path, info, lookups, state, {
    maxRows: options.limits.maxRows,
    onProgress: (p) => progress('reading', (p.bytesRead / Math.max(1, p.bytesTotal)) * 95, rowsRead),
  })) {
    for (const event of events) {
      if (event.type === 'sheetEnd') {
        await flush(event.sheet.kind);
        continue;
      }
      const row = event.row;
      if (!sheetRows.length) mayImport(row.kind);
      rowsRead++;
      sheetRows.push(row);
      // Project and plan sheets are applied whole; report sheets a chunk at a time.
      if (row.kind === 'monthlyReports' && sheetRows.length >= CHUNK) await flush(row.kind);
    }
  }
  await tail;
  if (!state.sheets.some((s) => s.kind && s.state === 'visible')) throw new WorkbookError('file.noDataSheet', { values: state.sheets.map((s) => s.name) });

  const allIssues = [...state.issues, ...issues];
  const result = summarize(options, info.application, state.sheets, tally, allIssues, commit && !allIssues.length);
  if (!commit) {
    progress('done', 100, rowsRead);
    return result;
  }
  if (allIssues.length) throw Object.assign(new Rejected(), { result });
  progress('writing', 97, rowsRead);
  // Rows and ids as ranges ("2-5001,5003"): exact, and small enough for a file of 100,000 rows.
  const touched: Record<string, Record<string, string>> = {};
  for (const action of ['create', 'update'] as const) {
    for (const [sheet, rows] of tally.rows[action]) (touched[sheet] ??= {})[action] = ranges(rows);
  }
  await recordAudit(db, actor, {
    action: 'import.workbook',
    entity: 'import',
    entityId: await fileDigest(options.path),
    changes: {
      file: [null, options.fileName],
      rows: [null, touched],
      projects: [null, written.projects],
      annualPlans: [null, written.annualPlans.set],
      monthlyReports: [null, { created: ranges(written.monthlyReports.created), updated: ranges(written.monthlyReports.updated) }],
    },
  });
  progress('done', 100, rowsRead);
  return result;
}

/** [2, 3, 4, 9, 10] → "2-4,9-10". */
export function ranges(numbers: number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i]!;
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i]! + 1) i++;
    parts.push(start === sorted[i] ? String(start) : `${start}-${sorted[i]}`);
  }
  return parts.join(',');
}

/**
 * What the rows will do, added up chunk by chunk: counts, the changes with their fields, and the
 * rows each sheet creates or updates. The outcomes themselves are let go, so a file of 100,000
 * rows keeps numbers in memory, not 100,000 objects.
 */
class Tally {
  readonly counts = Object.fromEntries(SHEET_KINDS.map((k) => [k, { create: 0, update: 0, unchanged: 0, rejected: 0 }])) as Record<SheetKind, ImportCounts>;
  readonly changes: ImportResult['changes'] = [];
  readonly rows = { create: new Map<string, number[]>(), update: new Map<string, number[]>() };

  add(outcomes: RowOutcome[]): void {
    for (const o of outcomes) {
      this.counts[o.kind][o.action]++;
      if (o.action === 'update') this.changes.push({ sheet: o.sheet, row: o.row, kind: o.kind, key: o.key, fields: o.changedFields });
      if (o.action === 'create' || o.action === 'update') {
        const bySheet = this.rows[o.action];
        const rows = bySheet.get(o.sheet);
        if (rows) rows.push(o.row);
        else bySheet.set(o.sheet, [o.row]);
      }
    }
  }
}

function summarize(options: ImportOptions, application: string | null, sheets: SheetReport[], tally: Tally, issues: RowIssue[], committed: boolean): ImportResult {
  return {
    dryRun: options.dryRun,
    committed,
    fileName: options.fileName,
    application,
    sheets,
    counts: tally.counts,
    changes: tally.changes,
    issues: issues.sort((a, b) => (a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : 0)),
  };
}
