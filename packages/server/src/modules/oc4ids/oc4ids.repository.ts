import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { annualPlans, categories, enterprises, monthlyReports, oc4idsLinks, problems, projects, regions } from '../../db/schema/index.js';
import { scopeRowToRegion, scopeToRegion } from '../../policies/scope.js';
import { sqlArray } from '../../db/sql-array.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../projects/projects.repository.js';

const locations = alias(regions, 'location');

function group<T extends { projectId: number | null }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(r.projectId!, [...(out.get(r.projectId!) ?? []), r]);
  return out;
}

/** A page of projects in the actor's region (optionally one subtree of it), in code order, with all a package needs. */
export async function pageProjectsForPackage(db: Db, actor: Actor, filter: { region?: string | undefined }, afterCode: string | null, limit: number) {
  const rows = await db
    .select({
      project: projects,
      regionName: regions.name,
      regionLevel: regions.level,
      locationName: locations.name,
      categoryName: categories.nameZh,
      investorName: enterprises.name,
      investorCreditCode: enterprises.creditCode,
      link: oc4idsLinks,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .innerJoin(categories, eq(categories.code, projects.categoryCode))
    .leftJoin(locations, eq(locations.code, projects.locationRegionCode))
    .leftJoin(enterprises, eq(enterprises.id, projects.investorEnterpriseId))
    .leftJoin(oc4idsLinks, eq(oc4idsLinks.projectId, projects.id))
    .where(
      and(
        scopeToRegion(projects.regionCode, actor),
        filter.region ? inRegionSubtree(projects.regionCode, filter.region) : undefined,
        afterCode === null ? undefined : sql`${projects.code} > ${afterCode}`,
      ),
    )
    .orderBy(asc(projects.code))
    .limit(limit);
  if (!rows.length) return [];
  const ids = rows.map((r) => r.project.id);
  const [plans, reports, issues] = await Promise.all([
    db.select().from(annualPlans).where(sql`${annualPlans.projectId} = any(${sqlArray(ids, 'bigint')})`).orderBy(asc(annualPlans.year)),
    db
      .select()
      .from(monthlyReports)
      .where(and(sql`${monthlyReports.projectId} = any(${sqlArray(ids, 'bigint')})`, eq(monthlyReports.status, 'approved')))
      .orderBy(asc(monthlyReports.period)),
    db
      .select({
        projectId: problems.projectId,
        id: problems.id,
        title: problems.title,
        status: problems.status,
        responsibleUnit: problems.responsibleUnit,
        responsibleLeader: problems.responsibleLeader,
        dueOn: problems.dueOn,
        raisedAt: problems.raisedAt,
        closedAt: problems.closedAt,
      })
      .from(problems)
      .where(and(sql`${problems.projectId} = any(${sqlArray(ids, 'bigint')})`, scopeRowToRegion(problems.regionCode, actor)))
      .orderBy(asc(problems.id)),
  ]);
  const [plansBy, reportsBy, problemsBy] = [group(plans), group(reports), group(issues)];
  return rows.map((r) => ({ ...r, annualPlans: plansBy.get(r.project.id) ?? [], reports: reportsBy.get(r.project.id) ?? [], problems: problemsBy.get(r.project.id) ?? [] }));
}

export type PackageRow = Awaited<ReturnType<typeof pageProjectsForPackage>>[number];

/** Projects already linked to these OC4IDS ids (inside the actor's region), by OC4IDS id. */
export async function findLinkedCodes(db: Db, actor: Actor, oc4idsIds: string[]): Promise<Map<string, string>> {
  if (!oc4idsIds.length) return new Map();
  const rows = await db
    .select({ oc4idsId: oc4idsLinks.oc4idsId, code: projects.code })
    .from(oc4idsLinks)
    .innerJoin(projects, eq(projects.id, oc4idsLinks.projectId))
    .where(and(sql`${oc4idsLinks.oc4idsId} = any(${sqlArray(oc4idsIds, 'text')})`, scopeRowToRegion(projects.regionCode, actor)));
  return new Map(rows.map((r) => [r.oc4idsId, r.code]));
}

/** The highest serial of Guatu-assigned provisional codes (industry and type 00) under a year and region. */
export async function lastProvisionalSerial(db: Db, year: number, regionCode: string): Promise<number> {
  const [row] = await db
    .select({ max: sql<string | null>`max(substring(${projects.code} from 19 for 6))` })
    .from(projects)
    .where(sql`${projects.code} like ${`${year}-${regionCode}-00-00-%`}`);
  return row?.max ? Number(row.max) : 0;
}

export async function upsertLinks(tx: Db, rows: (typeof oc4idsLinks.$inferInsert)[]): Promise<void> {
  for (const row of rows) {
    await tx
      .insert(oc4idsLinks)
      .values(row)
      .onConflictDoUpdate({ target: oc4idsLinks.projectId, set: { oc4idsId: row.oc4idsId, identifiers: row.identifiers, sector: row.sector, unmapped: row.unmapped, importedAt: new Date(), importedBy: row.importedBy } });
  }
}
