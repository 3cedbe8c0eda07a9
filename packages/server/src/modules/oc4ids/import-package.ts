import type { Database, Db } from '../../db/client.js';
import { forbidden } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { loadCodeLookups } from '../exchange/exchange.repository.js';
import type { RowIssue, RowOutcome } from '../exchange/import/import-types.js';
import { planProjects } from '../exchange/import/plan-projects.js';
import { planReports } from '../exchange/import/plan-reports.js';
import { emptyWritten, writeProjects, writeReports } from '../exchange/import/write-import.js';
import { ProjectContext } from '../exchange/import/project-context.js';
import { textDigest } from '../exchange/import/file-digest.js';
import { findLinkedCodes, lastProvisionalSerial, upsertLinks } from './oc4ids.repository.js';
import { parsePackage, readProject, type PackageProject } from './read-package.js';
import { oc4idsDir, packageValidator, type SchemaError } from './validate-package.js';

export interface PackageImportResult {
  dryRun: boolean;
  committed: boolean;
  projects: { index: number; oc4idsId: string; code: string | null; action: RowOutcome['action']; unmapped: string[] }[];
  counts: { projects: Record<RowOutcome['action'], number>; monthlyReports: Record<RowOutcome['action'], number> };
  /** Every field path no Guatu field holds, with array positions folded: parties[].contactPoint … */
  unmappedFields: { path: string; projects: number }[];
  issues: RowIssue[];
  /** Where the package departs from the OC4IDS 0.9 schema (when the schema is at hand); informational. */
  schemaErrors: SchemaError[];
}

const fold = (path: string) => path.replace(/\.(\d+)(?=\.|$)/g, '[]');

/**
 * Imports an OC4IDS 0.9 project package: each project is mapped onto Guatu's fields and then
 * checked and written exactly as a workbook row would be (same rules, region scope, one
 * transaction, one audit event). Projects match by national code, or by the OC4IDS id of an
 * earlier import; a project without a national code gets a provisional Guatu code (industry
 * and type 00) until the national platform issues one. Every field that could not be mapped is
 * reported, and kept with the project's link for reference.
 */
export async function importPackage(database: Database, actor: Actor, source: string, options: { dryRun: boolean; region?: string | undefined }): Promise<PackageImportResult> {
  if (!may.editProjects(actor)) throw forbidden('role');
  const pkg = parsePackage(source);
  const dir = oc4idsDir();
  const schemaErrors = dir ? packageValidator(dir)(JSON.parse(source)).slice(0, 200) : [];
  const lookups = await loadCodeLookups(database.db);
  const read = (pkg.projects as Record<string, unknown>[]).map((o, i) => readProject(o, i, lookups, options));

  const run = async (db: Db, lock: boolean) => {
    await assignCodes(db, actor, read);
    const projectRows = read.map((p) => p.project);
    const reportRows = read.flatMap((p) => p.reports);
    const projects = await planProjects(db, actor, projectRows, lookups, { lock });
    const context = new ProjectContext(db, actor, lock);
    context.absorb(projects);
    const monthlyReports = await planReports(db, actor, reportRows, context, { lock });
    return { plans: { projects, monthlyReports }, context, issues: [...projects.issues, ...monthlyReports.issues], outcomes: [...projects.outcomes, ...monthlyReports.outcomes] };
  };

  const summarize = (outcomes: RowOutcome[], issues: RowIssue[], committed: boolean): PackageImportResult => {
    const count = (kind: string) => {
      const c = { create: 0, update: 0, unchanged: 0, rejected: 0 };
      for (const o of outcomes) if (o.kind === kind) c[o.action]++;
      return c;
    };
    const folded = new Map<string, number>();
    for (const p of read) for (const path of new Set(Object.keys(p.unmapped).map(fold))) folded.set(path, (folded.get(path) ?? 0) + 1);
    return {
      dryRun: options.dryRun,
      committed,
      projects: read.map((p) => ({
        index: p.index,
        oc4idsId: p.oc4idsId,
        code: p.code,
        action: outcomes.find((o) => o.kind === 'projects' && o.sheet === p.project.sheet)?.action ?? 'rejected',
        unmapped: Object.keys(p.unmapped),
      })),
      counts: { projects: count('projects'), monthlyReports: count('monthlyReports') },
      unmappedFields: [...folded].map(([path, projects]) => ({ path, projects })).sort((a, b) => a.path.localeCompare(b.path)),
      issues,
      schemaErrors,
    };
  };

  const checked = await run(database.db, false);
  if (options.dryRun || checked.issues.length) return summarize(checked.outcomes, checked.issues, false);

  return database.db.transaction(async (tx) => {
    const again = await run(tx, true);
    if (again.issues.length) return summarize(again.outcomes, again.issues, false);
    const written = emptyWritten();
    await writeProjects(tx, actor, again.plans.projects, 'OC4IDS 导入', written);
    again.context.absorb(again.plans.projects);
    // Figures published in a package were approved where they come from.
    await writeReports(tx, actor, again.plans.monthlyReports, again.context, 'OC4IDS 导入', 'approved', written);
    const byCode = again.plans.projects.byCode;
    await upsertLinks(
      tx,
      read
        .filter((p) => p.code && byCode.get(p.code)?.id)
        .map((p) => ({ projectId: byCode.get(p.code!)!.id!, oc4idsId: p.oc4idsId, identifiers: p.identifiers, sector: p.sector, unmapped: p.unmapped, importedBy: actor.userId || null })),
    );
    await recordAudit(tx, actor, {
      action: 'import.oc4ids',
      entity: 'import',
      // The package's SHA-256: which package was written.
      entityId: textDigest(source),
      changes: {
        projects: [null, read.map((p) => [p.oc4idsId, p.code])],
        written: [null, written],
      },
    });
    return summarize(again.outcomes, [], true);
  });
}

/**
 * The code each project goes by: its national code, the code of the project an earlier import
 * linked to its OC4IDS id, or a new provisional code YYYY-<region>-00-00-NNNNNN.
 */
async function assignCodes(db: Db, actor: Actor, projects: PackageProject[]) {
  const linked = await findLinkedCodes(
    db,
    actor,
    projects.filter((p) => !p.code).map((p) => p.oc4idsId),
  );
  const next = new Map<string, number>();
  for (const p of projects) {
    p.code ??= linked.get(p.oc4idsId) ?? null;
    if (!p.code && p.regionCode && /^\d{6}$/.test(p.regionCode)) {
      const prefix = `${p.year}-${p.regionCode}`;
      const serial = (next.get(prefix) ?? (await lastProvisionalSerial(db, p.year, p.regionCode))) + 1;
      next.set(prefix, serial);
      p.code = `${prefix}-00-00-${String(serial).padStart(6, '0')}`;
    }
    p.project.values.set('code', p.code);
    for (const r of p.reports) r.values.set('code', p.code);
  }
}

