import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import { ACTIVE_STAGES } from '@guatu/core';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { annualPlans, monthlyReports, projects, regions, reportEvents, users } from '../../db/schema/index.js';
import { scopeToRegion } from '../../policies/scope.js';
import type { Actor } from '../../policies/actor.js';
import { inRegionSubtree } from '../projects/projects.repository.js';
import type { ListReportsQuery } from './reports.schemas.js';

export type ReportInsert = typeof monthlyReports.$inferInsert;

const submitters = alias(users, 'submitter');
const reviewers = alias(users, 'reviewer');
const updaters = alias(users, 'updater');

const columns = {
  report: monthlyReports,
  projectCode: projects.code,
  projectName: projects.name,
  projectStage: projects.stage,
  regionCode: projects.regionCode,
  regionName: regions.name,
  submittedByName: submitters.displayName,
  reviewedByName: reviewers.displayName,
  updatedByName: updaters.displayName,
};

export type ReportRow = Awaited<ReturnType<typeof selectReports>>[number];

function selectReports(db: Db) {
  return db
    .select(columns)
    .from(monthlyReports)
    .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .leftJoin(submitters, eq(submitters.id, monthlyReports.submittedBy))
    .leftJoin(reviewers, eq(reviewers.id, monthlyReports.reviewedBy))
    .leftJoin(updaters, eq(updaters.id, monthlyReports.updatedBy));
}

/** A report whose project lies inside the actor's region. */
export async function findReport(db: Db, actor: Actor, id: number, options: { lock?: boolean } = {}): Promise<ReportRow | null> {
  const query = selectReports(db).where(and(eq(monthlyReports.id, id), scopeToRegion(projects.regionCode, actor)));
  const [row] = options.lock ? await query.for('update', { of: monthlyReports }) : await query;
  return row ?? null;
}

/** Of these ids, the reports the actor may touch, locked for the rest of the transaction. */
export async function findReportsForUpdate(tx: Db, actor: Actor, ids: number[]): Promise<ReportRow[]> {
  return selectReports(tx)
    .where(and(inArray(monthlyReports.id, ids), scopeToRegion(projects.regionCode, actor)))
    .orderBy(asc(monthlyReports.id))
    .for('update', { of: monthlyReports });
}

export async function listReports(db: Db, actor: Actor, q: ListReportsQuery) {
  const where = and(
    scopeToRegion(projects.regionCode, actor),
    q.region ? inRegionSubtree(projects.regionCode, q.region) : undefined,
    q.projectId ? eq(monthlyReports.projectId, q.projectId) : undefined,
    q.period ? eq(monthlyReports.period, q.period) : undefined,
    q.periodFrom ? gte(monthlyReports.period, q.periodFrom) : undefined,
    q.periodTo ? lte(monthlyReports.period, q.periodTo) : undefined,
    q.statuses?.length ? inArray(monthlyReports.status, q.statuses) : undefined,
  );
  const [items, [count]] = await Promise.all([
    selectReports(db)
      .where(where)
      .orderBy(desc(monthlyReports.period), asc(projects.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(monthlyReports)
      .innerJoin(projects, eq(projects.id, monthlyReports.projectId))
      .where(where),
  ]);
  return { items, total: count!.n };
}

/**
 * A project inside the actor's region as a new report needs it: its stage, what a report shows of
 * it, and whether the month already has a report. One query.
 */
export async function findProjectForReport(db: Db, actor: Actor, projectId: number, period: string) {
  const [row] = await db
    .select({
      projectCode: projects.code,
      projectName: projects.name,
      projectStage: projects.stage,
      regionCode: projects.regionCode,
      regionName: regions.name,
      hasReport: sql<boolean>`exists (select 1 from ${monthlyReports} where ${monthlyReports.projectId} = ${projects.id} and ${monthlyReports.period} = ${period})`,
    })
    .from(projects)
    .innerJoin(regions, eq(regions.code, projects.regionCode))
    .where(and(eq(projects.id, projectId), scopeToRegion(projects.regionCode, actor)));
  return row ?? null;
}

export type ReportProjectRow = NonNullable<Awaited<ReturnType<typeof findProjectForReport>>>;

/** Inserts a report and returns it as written, defaults included. */
export async function insertReport(tx: Db, values: ReportInsert): Promise<ReportRow['report']> {
  const [row] = await tx.insert(monthlyReports).values(values).returning();
  return row!;
}

/** Updates a report if it is still at `version`; returns it as written, or null when it moved on. */
export async function updateReportIfVersion(tx: Db, id: number, version: number, set: Partial<ReportInsert>): Promise<ReportRow['report'] | null> {
  const [row] = await tx
    .update(monthlyReports)
    .set({ ...set, version: sql`${monthlyReports.version} + 1`, updatedAt: new Date() })
    .where(and(eq(monthlyReports.id, id), eq(monthlyReports.version, version)))
    .returning();
  return row ?? null;
}

/** Approves many reports in one statement; the caller has checked each one. */
export async function approveReports(tx: Db, ids: number[], reviewerId: number | null, comment: string | null, now = new Date()): Promise<void> {
  await tx
    .update(monthlyReports)
    .set({ status: 'approved', reviewedBy: reviewerId, reviewedAt: now, reviewComment: comment, version: sql`${monthlyReports.version} + 1`, updatedAt: now, updatedBy: reviewerId })
    .where(inArray(monthlyReports.id, ids));
}

export async function insertReportEvents(tx: Db, rows: (typeof reportEvents.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(reportEvents).values(rows);
}

export async function listReportEvents(db: Db, reportId: number) {
  return db
    .select({
      id: reportEvents.id,
      action: reportEvents.action,
      fromStatus: reportEvents.fromStatus,
      toStatus: reportEvents.toStatus,
      comment: reportEvents.comment,
      actorName: users.displayName,
      at: reportEvents.at,
    })
    .from(reportEvents)
    .leftJoin(users, eq(users.id, reportEvents.actorId))
    .where(eq(reportEvents.reportId, reportId))
    .orderBy(asc(reportEvents.at), asc(reportEvents.id));
}

/** Approved completed investment before a month: this year's and since the start. */
export async function carryOver(db: Db, projectId: number, period: string) {
  const year = period.slice(0, 4);
  const [row] = await db
    .select({
      yearToDate: sql<string>`coalesce(sum(${monthlyReports.completedInvestment}) filter (where ${monthlyReports.period} >= ${year + '-01'}), 0)::text`,
      sinceStart: sql<string>`coalesce(sum(${monthlyReports.completedInvestment}), 0)::text`,
    })
    .from(monthlyReports)
    .where(and(eq(monthlyReports.projectId, projectId), eq(monthlyReports.status, 'approved'), lt(monthlyReports.period, period)));
  const [plan] = await db
    .select({ amount: annualPlans.amount })
    .from(annualPlans)
    .where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.year, Number(year))));
  return { yearToDate: row!.yearToDate, sinceStart: row!.sinceStart, plannedThisYear: plan?.amount ?? null };
}

/**
 * The month's worklist: projects inside the actor's region that must report (those being
 * prepared or built), plus any project that already has a report for the month, each with it.
 */
export async function listWorklist(db: Db, actor: Actor, q: { period: string; region?: string | undefined; page: number; pageSize: number }) {
  const reportOfMonth = and(eq(monthlyReports.projectId, projects.id), eq(monthlyReports.period, q.period));
  const where = and(
    scopeToRegion(projects.regionCode, actor),
    q.region ? inRegionSubtree(projects.regionCode, q.region) : undefined,
    or(inArray(projects.stage, [...ACTIVE_STAGES]), isNotNull(monthlyReports.id)),
  );
  const [items, [count]] = await Promise.all([
    db
      .select({
        projectId: projects.id,
        projectCode: projects.code,
        projectName: projects.name,
        regionCode: projects.regionCode,
        regionName: regions.name,
        stage: projects.stage,
        reportId: monthlyReports.id,
        reportStatus: monthlyReports.status,
        reportVersion: monthlyReports.version,
        completedInvestment: monthlyReports.completedInvestment,
      })
      .from(projects)
      .innerJoin(regions, eq(regions.code, projects.regionCode))
      .leftJoin(monthlyReports, reportOfMonth)
      .where(where)
      .orderBy(asc(regions.sort), asc(projects.code))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(projects).leftJoin(monthlyReports, reportOfMonth).where(where),
  ]);
  return { items, total: count!.n };
}
