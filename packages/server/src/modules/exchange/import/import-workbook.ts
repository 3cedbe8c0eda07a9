import type { Database, Db } from '../../../db/client.js';
import { forbidden } from '../../../http/errors.js';
import { recordAudit } from '../../../audit/record.js';
import type { Actor } from '../../../policies/actor.js';
import { may } from '../../../policies/abilities.js';
import { SHEET_KINDS, type SheetKind } from '../columns.js';
import { loadCodeLookups } from '../exchange.repository.js';
import type { ImportLimits } from '../import-limits.js';
import { WorkbookError, inspectWorkbook } from '../workbook/inspect-workbook.js';
import type { CodeLookups } from '../workbook/cells.js';
import { planAnnualPlans } from './plan-annual-plans.js';
import { planProjects } from './plan-projects.js';
import { planReports } from './plan-reports.js';
import { readSheets, type SheetReport } from './read-sheets.js';
import { writeImport } from './write-import.js';
import type { ParsedRow, RowIssue, RowOutcome } from './import-types.js';

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'done';

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
}

/**
 * Imports a workbook of projects, annual plans and monthly reports. The file is streamed and
 * every row checked by the rules of the API; a dry run stops there and tells what would happen.
 * A real run checks again inside one transaction, writes everything or nothing, and records one
 * audit event listing the rows it touched. A file that cannot be read at all throws WorkbookError.
 */
export async function importWorkbook(database: Database, actor: Actor, options: ImportOptions): Promise<ImportResult> {
  const progress = (phase: ImportPhase, percent: number, rows: number) => options.onProgress?.({ phase, percent: Math.min(100, Math.round(percent)), rows });
  const info = await inspectWorkbook(options.path, options.limits);
  const lookups = await loadCodeLookups(database.db);
  progress('reading', 0, 0);
  const read = await readSheets(options.path, info, lookups, {
    maxRows: options.limits.maxRows,
    onProgress: (p) => progress('reading', (p.bytesRead / Math.max(1, p.bytesTotal)) * 70, p.rows),
  });
  if (!read.sheets.some((s) => s.kind && s.state === 'visible')) throw new WorkbookError('file.noDataSheet', { values: read.sheets.map((s) => s.name) });

  const byKind = (kind: SheetKind) => read.rows.filter((r) => r.kind === kind);
  const rows = { projects: byKind('projects'), annualPlans: byKind('annualPlans'), monthlyReports: byKind('monthlyReports') };
  if ((rows.projects.length || rows.annualPlans.length) && !may.editProjects(actor)) throw forbidden('role');
  if (rows.monthlyReports.length && !may.fillReports(actor)) throw forbidden('role');

  progress('checking', 70, read.rows.length);
  if (options.dryRun || read.issues.length) {
    const checked = await checkAll(database.db, actor, rows, lookups, false);
    progress('done', 100, read.rows.length);
    return summarize(options, info.application, read.sheets, checked.outcomes, [...read.issues, ...checked.issues], false);
  }

  const note = `导入 ${options.fileName}`;
  const committed = await database.db.transaction(async (tx) => {
    // Checked inside the transaction with the rows locked, so what is written is what was checked.
    const again = await checkAll(tx, actor, rows, lookups, true);
    if (again.issues.length) return summarize(options, info.application, read.sheets, again.outcomes, again.issues, false);
    progress('writing', 85, read.rows.length);
    const written = await writeImport(tx, actor, again.plans, note);
    const touched = again.outcomes.filter((o) => o.action === 'create' || o.action === 'update').map((o) => [o.sheet, o.row, o.action, o.key]);
    await recordAudit(tx, actor, {
      action: 'import.workbook',
      entity: 'import',
      entityId: null,
      changes: {
        file: [null, options.fileName],
        rows: [null, touched],
        projects: [null, written.projects],
        annualPlans: [null, written.annualPlans.set],
        monthlyReports: [null, written.monthlyReports],
      },
    });
    return summarize(options, info.application, read.sheets, again.outcomes, [], true);
  });
  progress('done', 100, read.rows.length);
  return committed;
}

async function checkAll(db: Db, actor: Actor, rows: Record<SheetKind, ParsedRow[]>, lookups: CodeLookups, lock: boolean) {
  const alsoCodes = [...rows.annualPlans, ...rows.monthlyReports].map((r) => r.values.get('code')).filter((c): c is string => typeof c === 'string');
  const projects = await planProjects(db, actor, rows.projects, lookups, { lock, alsoCodes });
  const annualPlans = planAnnualPlans(rows.annualPlans, projects);
  const monthlyReports = await planReports(db, actor, rows.monthlyReports, projects, { lock });
  return {
    plans: { projects, annualPlans, monthlyReports },
    outcomes: [...projects.outcomes, ...annualPlans.outcomes, ...monthlyReports.outcomes],
    issues: [...projects.issues, ...annualPlans.issues, ...monthlyReports.issues],
  };
}

function summarize(options: ImportOptions, application: string | null, sheets: SheetReport[], outcomes: RowOutcome[], issues: RowIssue[], committed: boolean): ImportResult {
  const counts = Object.fromEntries(SHEET_KINDS.map((k) => [k, { create: 0, update: 0, unchanged: 0, rejected: 0 }])) as Record<SheetKind, ImportCounts>;
  for (const o of outcomes) counts[o.kind][o.action]++;
  return {
    dryRun: options.dryRun,
    committed,
    fileName: options.fileName,
    application,
    sheets,
    counts,
    changes: outcomes.filter((o) => o.action === 'update').map((o) => ({ sheet: o.sheet, row: o.row, kind: o.kind, key: o.key, fields: o.changedFields })),
    issues: issues.sort((a, b) => (a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : 0)),
  };
}
