import { and, eq, sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../db/client.js';
import { annualPlans, categories, enterprises, monthlyReports, projects, regions } from '../../db/schema/index.js';
import { scopeRowToRegion } from '../../policies/scope.js';
import { sqlArray } from '../../db/sql-array.js';
import type { Actor } from '../../policies/actor.js';
import type { CodeLookups } from './workbook/cells.js';
import { projectConditions } from '../filters/filters.repository.js';
import type { ProjectFilter as EngineFilter } from '../filters/filters.schemas.js';
import { chinaDate } from '@guatu/core';
import { withRowTriggersOff, type HeldReferences } from './import/held-references.repository.js';

export type ProjectFilter = EngineFilter;

const filterConditions = (actor: Actor, filter: ProjectFilter) => projectConditions(actor, filter, filter.asOf ?? chinaDate());

/*
 * The SQL of bulk imports. Lists of keys travel as one array parameter (sqlArray), so a file of
 * 100,000 rows is looked up and written in a handful of statements, on PostgreSQL and PGlite
 * alike. Keys are matched with `= any(…)`, which the planner reads through the key's index; a
 * lookup's region is checked on the rows found (scopeRowToRegion), never by scanning the region first.
 */

export async function loadCodeLookups(db: Db): Promise<CodeLookups> {
  const [regionRows, categoryRows] = await Promise.all([
    db.select({ code: regions.code, name: regions.name, shortName: regions.shortName, level: regions.level, path: regions.path }).from(regions),
    db.select({ code: categories.code, nameZh: categories.nameZh }).from(categories),
  ]);
  const regionCodesByName = new Map<string, string[]>();
  for (const r of regionRows) {
    for (const name of new Set([r.name, r.shortName])) regionCodesByName.set(name, [...(regionCodesByName.get(name) ?? []), r.code]);
  }
  return {
    regionByCode: new Map(regionRows.map((r) => [r.code, r])),
    regionCodesByName,
    categoryByCode: new Map(categoryRows.map((c) => [c.code, c])),
    categoryCodeByName: new Map(categoryRows.map((c) => [c.nameZh, c.code])),
  };
}

export type ExistingProject = typeof projects.$inferSelect & { annualPlans: { year: number; amount: string }[] };

/** The projects with these codes inside the actor's region, with their annual plans. */
export async function findProjectsByCodes(db: Db, actor: Actor, codes: string[], options: { lock?: boolean } = {}): Promise<Map<string, ExistingProject>> {
  if (!codes.length) return new Map();
  const query = db
    .select()
    .from(projects)
    .where(and(sql`${projects.code} = any(${sqlArray(codes, 'text')})`, scopeRowToRegion(projects.regionCode, actor)));
  const rows = options.lock ? await query.for('update') : await query;
  const plans = rows.length
    ? await db
        .select({ projectId: annualPlans.projectId, year: annualPlans.year, amount: annualPlans.amount })
        .from(annualPlans)
        .where(sql`${annualPlans.projectId} = any(${sqlArray(rows, 'bigint', (r) => r.id)})`)
    : [];
  const byProject = new Map<number, { year: number; amount: string }[]>();
  for (const p of plans) byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), { year: p.year, amount: p.amount }]);
  return new Map(rows.map((r) => [r.code, { ...r, annualPlans: (byProject.get(r.id) ?? []).sort((a, b) => a.year - b.year) }]));
}

/** Of these codes, those taken by a project anywhere (the API answers projectCode.taken for them too). */
export async function takenProjectCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  const rows = await db.select({ code: projects.code }).from(projects).where(sql`${projects.code} = any(${sqlArray(codes, 'text')})`);
  return new Set(rows.map((r) => r.code));
}

/** Enterprises inside the actor's region by credit code. */
export async function findEnterprisesByCreditCodes(db: Db, actor: Actor, codes: string[]): Promise<Map<string, { id: number; name: string }>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode })
    .from(enterprises)
    .where(and(sql`${enterprises.creditCode} = any(${sqlArray(codes, 'text')})`, scopeRowToRegion(enterprises.regionCode, actor)));
  return new Map(rows.map((r) => [r.creditCode, { id: r.id, name: r.name }]));
}

/** What an import needs of a stored report: which it is, where it stands in review, and its figures. */
export type ExistingReport = Pick<typeof monthlyReports.$inferSelect, (typeof EXISTING_REPORT_KEYS)[number]>;

/**
 * Reports of these projects (inside the actor's region) for these months, keyed "projectId|period",
 * locked with `lock`. They come back as one JSON value, a report an array in the order of
 * EXISTING_REPORT_KEYS: decoding a chunk's 5,000 reports row by row and column by column cost
 * PGlite 370 ms, against 110 ms for the JSON.
 */
export async function findReports(db: Db, actor: Actor, projectIds: number[], periods: string[], options: { lock?: boolean } = {}): Promise<Map<string, ExistingReport>> {
  if (!projectIds.length || !periods.length) return new Map();
  const projectRegion = sql`(select p.region_code from projects p where p.id = m.project_id)`;
  const result = await db.execute(sql`
    select json_agg(${existingReportJson})::text as reports from (
      select * from monthly_reports m
      where m.project_id = any(${sqlArray(projectIds, 'bigint')}) and m.period = any(${sqlArray(periods, 'text')}) and ${scopeRowToRegion(projectRegion, actor)}
      ${options.lock ? sql`for update` : sql``}
    ) r`);
  const json = rowsOf<{ reports: string | null }>(result)[0]?.reports;
  const found = new Map<string, ExistingReport>();
  for (const values of json ? (JSON.parse(json) as unknown[][]) : []) {
    const report = Object.fromEntries(EXISTING_REPORT_KEYS.map((key, i) => [key, values[i]])) as unknown as ExistingReport;
    found.set(`${report.projectId}|${report.period}`, report);
  }
  return found;
}

export async function upsertAnnualPlans(tx: Db, rows: { projectId: number; year: number; amount: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) {
    await tx
      .insert(annualPlans)
      .values(rows.slice(i, i + 5000))
      .onConflictDoUpdate({ target: [annualPlans.projectId, annualPlans.year], set: { amount: sql`excluded.amount` } });
  }
}

export interface ReportFigures {
  completedInvestment: string;
  fundsOutOfProvince: string;
  fundsInProvince: string;
  fundsForeign: string;
  fundsCentralBudget: string;
  fundsSpecialBonds: string;
  fundsBankLoans: string;
  fundsSelfRaised: string;
  physicalProgress: string | null;
  progressPercent: string | null;
  workersOnSite: number | null;
  workersExpected: number | null;
  narrative: string | null;
}

/** A report with nothing filled in: what a new report starts from, and what the table holds by default. */
export const NO_FIGURES: ReportFigures = {
  completedInvestment: '0',
  fundsOutOfProvince: '0',
  fundsInProvince: '0',
  fundsForeign: '0',
  fundsCentralBudget: '0',
  fundsSpecialBonds: '0',
  fundsBankLoans: '0',
  fundsSelfRaised: '0',
  physicalProgress: null,
  progressPercent: null,
  workersOnSite: null,
  workersExpected: null,
  narrative: null,
};

/**
 * A column of monthly_reports as the schema declares it: its name, and its SQL type without a
 * precision (numeric, not numeric(18, 2)), which the column applies itself on writing; casting
 * every value of a 5,000-value array to the precision first measured no faster.
 */
const reportColumn = (key: keyof typeof monthlyReports.$inferSelect) => ({ column: monthlyReports[key].name, type: monthlyReports[key].getSQLType().replace(/\(.*\)$/, '') });

/** Each figure with its column: what new and changed reports are written with. */
const FIGURE_COLUMNS = (Object.keys(NO_FIGURES) as (keyof ReportFigures)[]).map((figure) => ({ figure, ...reportColumn(figure) }));

/** The columns of ExistingReport, in the order findReports sends them. */
const EXISTING_REPORT_KEYS = ['id', 'projectId', 'period', 'status', 'version', ...FIGURE_COLUMNS.map((c) => c.figure)] as const;
/** A report as a JSON array; numeric columns as their text, so amounts stay exact strings as the drivers give them. */
const existingReportJson = sql.raw(
  `json_build_array(${EXISTING_REPORT_KEYS.map((key) => reportColumn(key))
    .map(({ column, type }) => (type === 'numeric' ? `${column}::text` : column))
    .join(', ')})`,
);

const figureRecord = (f: ReportFigures) => Object.fromEntries(FIGURE_COLUMNS.map((c) => [c.column, f[c.figure]]));

const BATCH = 5000;

/** Saves new figures on existing draft or returned reports, compare-and-set on each version. Returns how many changed. */
export async function updateReportFigures(tx: Db, rows: ({ id: number; version: number } & ReportFigures)[], userId: number | null): Promise<number> {
  let changed = 0;
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH).map((r) => ({ id: r.id, version: r.version, ...figureRecord(r) }));
    const updated = await tx.execute(sql`
      update monthly_reports m set
        ${sql.raw(FIGURE_COLUMNS.map((c) => `${c.column} = x.${c.column}`).join(', '))},
        version = m.version + 1, updated_at = now(), updated_by = ${userId}::bigint
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id bigint, version integer, ${sql.raw(FIGURE_COLUMNS.map((c) => `${c.column} ${c.type}`).join(', '))})
      where m.id = x.id and m.version = x.version and m.status in ('draft', 'returned')
      returning m.id`);
    changed += rowsOf(updated).length;
  }
  return changed;
}

/** One page of projects for an export, in code order after `afterCode`, with the names and plans a sheet shows. */
export async function pageProjectsForExport(db: Db, actor: Actor, filter: ProjectFilter, afterCode: string | null, limit: number) {
  const rows = await db
    .select({ project: projects, investorName: enterprises.name, investorCreditCode: enterprises.creditCode })
    .from(projects)
    .leftJoin(enterprises, eq(enterprises.id, projects.investorEnterpriseId))
    .where(and(filterConditions(actor, filter), afterCode === null ? undefined : sql`${projects.code} > ${afterCode}`))
    .orderBy(projects.code)
    .limit(limit);
  const plans = rows.length
    ? await db
        .select({ projectId: annualPlans.projectId, year: annualPlans.year, amount: annualPlans.amount })
        .from(annualPlans)
        .where(sql`${annualPlans.projectId} = any(${sqlArray(rows, 'bigint', (r) => r.project.id)})`)
    : [];
  const byProject = new Map<number, { year: number; amount: string }[]>();
  for (const p of plans) byProject.set(p.projectId, [...(byProject.get(p.projectId) ?? []), p]);
  return rows.map((r) => ({ ...r, annualPlans: byProject.get(r.project.id) ?? [] }));
}

/** The years that have an annual plan among the filtered projects: one column each in an export. */
export async function planYearsForExport(db: Db, actor: Actor, filter: ProjectFilter): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: annualPlans.year })
    .from(annualPlans)
    .innerJoin(projects, eq(projects.id, annualPlans.projectId))
    .where(filterConditions(actor, filter))
    .orderBy(annualPlans.year);
  return rows.map((r) => r.year);
}

type NewReport = { projectId: number; period: string } & ReportFigures;

/**
 * The columns a new report is written with: each column's type in its array, the value a row
 * gives it, and the column's default in the table, which is what an empty report holds
 * (new-report-columns.test.ts checks them against the table), so a batch in
 * which no row gives a column anything else leaves it out: most sheets fill a few of the seven
 * fund sources, and every column left out is 5,000 values fewer for the database to parse.
 */
export const NEW_REPORT_COLUMNS: { column: string; type: string; value: (r: NewReport) => string | number | null; tableDefault?: string | number | null }[] = [
  { ...reportColumn('projectId'), value: (r) => r.projectId },
  { ...reportColumn('period'), value: (r) => r.period },
  ...FIGURE_COLUMNS.map(({ column, type, figure }) => ({ column, type, value: (r: NewReport) => r[figure], tableDefault: NO_FIGURES[figure] })),
];

/**
 * New reports with their first event, in batches; returns their ids (as a set: keeping the input's
 * order would sort every batch, about a seventh of the statement's time on PGlite). Reports are
 * drafts, except those published as approved elsewhere (an OC4IDS package), recorded as approved
 * by the importer. Each column travels as one array parameter: PostgreSQL and PGlite read an
 * array of 5,000 values much faster than a JSON document of
 * 5,000 records; what is left is the engine's own work of writing the rows, their events and
 * their index entries, and checking their foreign keys: row by row, unless the import holds what
 * they point to (`held`), which drafts need nothing else from.
 */
export async function insertReports(
  tx: Db,
  rows: NewReport[],
  userId: number | null,
  note: string,
  status: 'draft' | 'approved',
  held: HeldReferences | null = null,
): Promise<number[]> {
  const checkedOnce = held !== null && held.userId === userId && status === 'draft';
  const reviewed = status === 'approved' ? sql`${userId}::bigint, now()` : sql`null, null`;
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const b = rows.slice(i, i + BATCH);
    const columns = NEW_REPORT_COLUMNS.filter((c) => c.tableDefault === undefined || b.some((r) => c.value(r) !== c.tableDefault));
    const names = sql.raw(columns.map((c) => c.column).join(', '));
    const arrays = sql.join(
      columns.map((c) => sqlArray(b, c.type, c.value)),
      sql`, `,
    );
    // The reports and their first events in one statement: one round trip per batch.
    const statement = () =>
      tx.execute(sql`
      with created as (
        insert into monthly_reports (${names}, status, created_by, updated_by, reviewed_by, reviewed_at)
        select *, ${status}, ${userId}::bigint, ${userId}::bigint, ${reviewed} from unnest(${arrays})
        returning id
      ), events as (
        insert into monthly_report_events (report_id, action, from_status, to_status, comment, actor_id)
        select id, ${status === 'draft' ? 'create' : 'import'}, null, ${status}, ${note}, ${userId}::bigint from created
      )
      select array_agg(id order by id)::text as ids from created`);
    const inserted = checkedOnce ? await withRowTriggersOff(tx, statement) : await statement();
    // One value, '{1,2,…}', rather than a row per report: 5,000 rows to decode cost more than the text.
    const list = rowsOf<{ ids: string | null }>(inserted)[0]?.ids;
    if (list) for (const id of list.slice(1, -1).split(',')) ids.push(Number(id));
  }
  return ids;
}
