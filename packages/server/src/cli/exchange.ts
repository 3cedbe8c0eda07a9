import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { describeIssue } from '@guatu/core';
import type { Database } from '../db/client.js';
import { AppError } from '../http/errors.js';
import { systemActor, type Actor } from '../policies/actor.js';
import { findActorByUsername } from '../modules/auth/users.repository.js';
import { readImportLimits } from '../modules/exchange/import-limits.js';
import { importWorkbook, type ImportResult } from '../modules/exchange/import/import-workbook.js';
import { WorkbookError } from '../modules/exchange/workbook/inspect-workbook.js';
import { issueText } from '../modules/exchange/annotate-workbook.js';
import { buildTemplate, TEMPLATE_KINDS, type TemplateKind } from '../modules/exchange/build-template.js';
import { exportProjects } from '../modules/exchange/export-projects.js';
import { SHEET_SPECS } from '../modules/exchange/columns.js';
import { exportPackage } from '../modules/oc4ids/export-package.js';
import { importPackage, type PackageImportResult } from '../modules/oc4ids/import-package.js';
import { PackageError } from '../modules/oc4ids/read-package.js';
import { oc4idsDir, packageValidator } from '../modules/oc4ids/validate-package.js';
import { packageSettings } from '../modules/oc4ids/oc4ids.routes.js';
import { openReady } from './open.js';
import { progressReporter } from './progress.js';

/**
 * Who a command acts as: the named user (their region and roles apply, and the audit trail
 * names them), or the system at province level, which may edit and fill in everything.
 */
async function actorFor(database: Database, username: string | undefined): Promise<Actor> {
  if (!username) return { ...systemActor(), roles: ['admin', 'reporter'] };
  const actor = await findActorByUsername(database.db, username);
  if (!actor) throw new Error(`No active user ${username}`);
  return actor;
}

async function withDatabase<T>(run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openReady();
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

function explain(e: unknown): never {
  if (e instanceof WorkbookError) throw new Error(`${describeIssue('file', e.rule, 'zh', e.params)} / ${describeIssue('file', e.rule, 'en', e.params)}`);
  if (e instanceof PackageError) throw new Error(describeIssue('package', e.rule, 'zh', e.params));
  if (e instanceof AppError) throw new Error(e.issues.length ? e.issues.map((i) => describeIssue(i.field, i.rule, 'zh', i.params)).join('\n') : `${e.statusCode} ${e.message}`);
  throw e;
}

const KIND_NAMES = { projects: '项目', annualPlans: '年度计划', monthlyReports: '月度调度' } as const;

function printWorkbookResult(result: ImportResult) {
  const out: string[] = [];
  out.push(`${result.fileName}${result.application ? `（${result.application}）` : ''}`);
  for (const s of result.sheets) out.push(`  ${s.name}${s.state !== 'visible' ? `（${s.state}）` : ''}: ${s.kind ? `${KIND_NAMES[s.kind]}，表头第 ${s.headerRow} 行，${s.rows} 行数据` : '跳过（不是数据表）'}${s.ignoredHeaders.length ? `；未导入的列：${s.ignoredHeaders.join('、')}` : ''}`);
  for (const [kind, c] of Object.entries(result.counts)) {
    if (c.create + c.update + c.unchanged + c.rejected) out.push(`  ${KIND_NAMES[kind as keyof typeof KIND_NAMES]}: 新增 ${c.create}，修改 ${c.update}，未变 ${c.unchanged}，有误 ${c.rejected}`);
  }
  for (const c of result.changes.slice(0, 50)) out.push(`  修改 ${c.sheet} 第 ${c.row} 行 ${c.key}: ${c.fields.join(', ')}`);
  if (result.changes.length > 50) out.push(`  …另有 ${result.changes.length - 50} 行修改`);
  for (const i of result.issues) out.push(`  ✗ ${i.sheet}${i.row ? ` 第 ${i.row} 行` : ''}${i.column ? ` ${i.column} 列` : ''}：${issueText(i, 'zh')}`);
  out.push(result.committed ? '已全部写入 (committed).' : result.issues.length ? `有 ${result.issues.length} 处问题，未写入任何数据 (nothing written).` : '试运行，未写入 (dry run, nothing written).');
  console.log(out.join('\n'));
}

function printPackageResult(result: PackageImportResult) {
  const out: string[] = [];
  out.push(`项目: 新增 ${result.counts.projects.create}，修改 ${result.counts.projects.update}，未变 ${result.counts.projects.unchanged}，有误 ${result.counts.projects.rejected}`);
  out.push(`月报: 新增 ${result.counts.monthlyReports.create}，修改 ${result.counts.monthlyReports.update}，未变 ${result.counts.monthlyReports.unchanged}，有误 ${result.counts.monthlyReports.rejected}`);
  for (const p of result.projects) out.push(`  ${p.oc4idsId} → ${p.code ?? '—'} (${p.action})`);
  if (result.unmappedFields.length) {
    out.push('未能映射的字段 (fields not mapped):');
    for (const f of result.unmappedFields) out.push(`  ${f.path}  (${f.projects})`);
  }
  if (result.schemaErrors.length) out.push(`数据包与 OC4IDS 0.9 结构不符 ${result.schemaErrors.length} 处（仅提示）: ${result.schemaErrors.slice(0, 5).map((e) => `${e.path} ${e.message}`).join('; ')}`);
  for (const i of result.issues) out.push(`  ✗ ${i.sheet}：${issueText(i, 'zh')}`);
  out.push(result.committed ? '已全部写入 (committed).' : result.issues.length ? '有问题，未写入任何数据 (nothing written).' : '试运行，未写入 (dry run, nothing written).');
  console.log(out.join('\n'));
}

export async function importCommand(file: string, options: { dryRun?: boolean; as?: string; oc4ids?: boolean; region?: string }) {
  const ok = await withDatabase(async (database) => {
    const actor = await actorFor(database, options.as);
    if (options.oc4ids) {
      const result = await importPackage(database, actor, await readFile(file, 'utf8'), { dryRun: !!options.dryRun, region: options.region }).catch(explain);
      printPackageResult(result);
      return !result.issues.length;
    }
    const progress = progressReporter();
    const result = await importWorkbook(database, actor, { path: resolve(file), fileName: basename(file), dryRun: !!options.dryRun, limits: readImportLimits(), onProgress: (p) => progress.update(p) }).catch(explain);
    printWorkbookResult(result);
    return !result.issues.length;
  });
  if (!ok) process.exitCode = 1;
}

export async function templateCommand(kind: string, options: { output?: string; as?: string }) {
  if (!(kind in TEMPLATE_KINDS)) throw new Error(`Unknown template ${kind}; choose one of: ${Object.keys(TEMPLATE_KINDS).join(', ')}`);
  const k = kind as TemplateKind;
  const file = options.output ?? `${SHEET_SPECS[TEMPLATE_KINDS[k]].title}导入模板.xlsx`;
  await withDatabase(async (database) => writeFile(file, await buildTemplate(database, await actorFor(database, options.as), k)));
  console.log(`Wrote ${file}`);
}

export async function exportCommand(file: string | undefined, options: { oc4ids?: boolean; projects?: boolean; as?: string; region?: string; validate?: boolean }) {
  if (!options.oc4ids && !options.projects) throw new Error('Say what to export: --oc4ids (a project package) or --projects (a project list, .xlsx or .csv)');
  await withDatabase(async (database) => {
    const actor = await actorFor(database, options.as);
    const output = file ? createWriteStream(file) : process.stdout;
    if (options.projects) {
      if (!file) throw new Error('guatu export --projects needs a FILE ending in .xlsx or .csv');
      await exportProjects(database, actor, { region: options.region }, file.endsWith('.csv') ? 'csv' : 'xlsx', output);
    } else {
      const count = await exportPackage(database, actor, { ...packageSettings(), uri: `urn:guatu:oc4ids:${actor.regionCode}:${Date.now()}`, region: options.region }, output);
      if (file) console.error(`Wrote ${count} projects to ${file}`);
    }
    if (file) await finished(output);
    if (options.validate && options.oc4ids && file) {
      const dir = oc4idsDir();
      if (!dir) throw new Error('The OC4IDS schema is not at ../shared/oc4ids; set GUATU_OC4IDS_DIR to validate');
      const errors = packageValidator(dir)(JSON.parse(await readFile(file, 'utf8')));
      console.error(errors.length ? errors.map((e) => `${e.path} ${e.message}`).join('\n') : 'Valid OC4IDS 0.9 project package: 0 errors.');
      if (errors.length) process.exitCode = 1;
    }
  });
}
