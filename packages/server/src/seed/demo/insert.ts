import { inArray } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { shiftPeriod, type Stage } from '@guatu/core';
import type { Db } from '../../db/client.js';
import {
  accountabilityGroups,
  annualPlans,
  batchProjects,
  batches,
  categories,
  enterpriseVisits,
  enterprises,
  groupRegions,
  keyListProjects,
  keyListRevisions,
  keyLists,
  meetings,
  monthlyReports,
  problemEvents,
  problems,
  projectMilestones,
  projects,
  regionSettings,
  reportEvents,
  stageChanges,
  users,
  visitDemands,
} from '../../db/schema/index.js';
import { placeByCode } from './places.js';
import { addDays, type DemoProject } from './projects.js';
import type { DemoProvince } from './generate.js';
import { DEMO_REGIONS } from './users.js';
import { wan } from './random.js';

const CHUNK = 800;

async function insertAll<T extends PgTable>(tx: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(table).values(rows.slice(i, i + CHUNK) as never);
}

async function insertReturningIds<T extends PgTable & { id: any }>(tx: Db, table: T, rows: T['$inferInsert'][]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const got = (await tx
      .insert(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .returning({ id: table.id })) as { id: number }[];
    ids.push(...got.map((g) => g.id));
  }
  return ids;
}

const at = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/** Writes a generated province in one transaction, in multi-row chunks. */
export async function insertDemo(db: Db, demo: DemoProvince): Promise<void> {
  await db.transaction(async (tx) => {
    const accounts = await tx.select({ id: users.id, username: users.username }).from(users).where(inArray(users.username, DEMO_REGIONS.flatMap((r) => ['reporter', 'reviewer', 'admin'].map((role) => `${role}.${r.slug}`))));
    const userId = new Map(accounts.map((a) => [a.username, a.id]));
    const slugOf = new Map<string, string>(DEMO_REGIONS.map((r) => [r.code, r.slug]));
    const prefectureOf = (code: string) => (placeByCode.get(code)!.level === 'prefecture' ? code : placeByCode.get(code)!.parentCode!);
    const reporterFor = (region: string) => userId.get(`reporter.${slugOf.get(region) ?? slugOf.get(prefectureOf(region)) ?? 'none'}`) ?? null;
    const reviewerFor = (region: string) => userId.get(`reviewer.${slugOf.get(prefectureOf(region)) ?? 'yunnan'}`)!;

    await tx.insert(categories).values(demo.categories).onConflictDoNothing();

    const enterpriseIds = await insertReturningIds(
      tx,
      enterprises,
      demo.enterprises.map((e) => ({ ...e })),
    );
    const enterpriseId = new Map(demo.enterprises.map((e, i) => [e, enterpriseIds[i]!]));

    const projectIds = await insertReturningIds(
      tx,
      projects,
      demo.projects.map((p) => ({
        code: p.code,
        name: p.name,
        kind: p.kind,
        regionCode: p.regionCode,
        locationRegionCode: p.locationRegionCode,
        longitude: p.longitude,
        latitude: p.latitude,
        categoryCode: p.categoryCode,
        level: p.level,
        stage: p.stage,
        suspendedFrom: p.suspendedFrom,
        stageChangedOn: p.stageChangedOn,
        signedOn: p.signedOn,
        startedOn: p.startedOn,
        completedOn: p.completedOn,
        totalInvestment: wan(p.total),
        agreementAmount: p.agreement === null ? null : wan(p.agreement),
        investorEnterpriseId: p.investor ? enterpriseId.get(p.investor)! : null,
        liaisonLeaderName: p.liaisonLeaderName,
        liaisonLeaderTitle: p.liaisonLeaderTitle,
        workingTeam: p.workingTeam,
        caseFile: p.caseFile,
        attributes: p.attributes,
        createdAt: at(p.signedOn ?? p.startedOn ?? '2021-06-01'),
        updatedAt: at(p.stageChangedOn),
      })),
    );
    const projectId = new Map(demo.projects.map((p, i) => [p, projectIds[i]!]));
    const idOf = (p: DemoProject) => projectId.get(p)!;

    await insertAll(
      tx,
      annualPlans,
      demo.projects.flatMap((p) => Object.entries(p.plans).map(([year, amount]) => ({ projectId: idOf(p), year: Number(year), amount: wan(amount) }))),
    );
    await insertAll(
      tx,
      stageChanges,
      demo.projects.flatMap((p) => stageHistory(p).map((c) => ({ projectId: idOf(p), ...c, changedBy: reporterFor(p.regionCode), changedAt: at(c.effectiveOn, 16) }))),
    );

    const reportIds = await insertReturningIds(
      tx,
      monthlyReports,
      demo.reports.map((x) => {
        const due = `${shiftPeriod(x.period, 1)}-0${(x.project.code.charCodeAt(x.project.code.length - 1) % 7) + 1}`;
        const filed = x.status !== 'draft';
        const reviewed = x.status === 'approved' || x.status === 'returned';
        return {
          projectId: idOf(x.project),
          period: x.period,
          status: x.status,
          completedInvestment: wan(x.completed),
          fundsOutOfProvince: wan(x.funds.outOfProvince),
          fundsInProvince: wan(x.funds.inProvince),
          fundsForeign: wan(x.funds.foreign),
          fundsCentralBudget: wan(x.funds.centralBudget),
          fundsSpecialBonds: wan(x.funds.specialBonds),
          fundsBankLoans: wan(x.funds.bankLoans),
          fundsSelfRaised: wan(x.funds.selfRaised),
          physicalProgress: x.completed > 0 ? `主体工程施工中，累计完成约${x.progressPercent}%` : '前期手续办理中',
          progressPercent: String(x.progressPercent),
          workersOnSite: x.workersOnSite,
          workersExpected: x.workersExpected,
          reviewComment: x.reviewComment,
          createdBy: reporterFor(x.project.regionCode),
          createdAt: at(due, 9),
          submittedBy: filed ? reporterFor(x.project.regionCode) : null,
          submittedAt: filed ? at(due, 11) : null,
          reviewedBy: reviewed ? reviewerFor(x.project.regionCode) : null,
          reviewedAt: reviewed ? at(addDays(due, 2), 15) : null,
          updatedAt: at(reviewed ? addDays(due, 2) : due, 15),
          version: filed ? (reviewed ? 3 : 2) : 1,
        };
      }),
    );
    // The review history of the latest months; earlier ones show only their final state.
    await insertAll(
      tx,
      reportEvents,
      demo.reports.flatMap((x, i) => {
        if (x.period < '2022-07' || x.status === 'draft') return [];
        const reportId = reportIds[i]!;
        const due = at(`${shiftPeriod(x.period, 1)}-03`, 11);
        const submit = { reportId, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', actorId: reporterFor(x.project.regionCode), at: due };
        if (x.status === 'submitted') return [submit];
        const review = x.status === 'approved' ? 'approve' : 'return';
        return [submit, { reportId, action: review, fromStatus: 'submitted', toStatus: x.status, comment: x.reviewComment, actorId: reviewerFor(x.project.regionCode), at: new Date(due.getTime() + 2 * 86_400_000) }];
      }),
    );

    await insertAll(
      tx,
      projectMilestones,
      demo.milestones.map((m) => ({ projectId: idOf(m.project), kind: m.kind, plannedOn: m.plannedOn, actualOn: m.actualOn, createdAt: at(m.plannedOn), updatedAt: at(m.actualOn ?? m.plannedOn) })),
    );

    const escalated = demo.problems.filter((p) => p.meeting);
    const meetingIds = await insertReturningIds(
      tx,
      meetings,
      escalated.map((p) => ({ regionCode: prefectureOf(p.regionCode), title: p.meeting!.title, heldOn: p.meeting!.heldOn, createdBy: reviewerFor(p.regionCode) })),
    );
    const meetingOf = new Map(escalated.map((p, i) => [p, meetingIds[i]!]));
    const problemIds = await insertReturningIds(
      tx,
      problems,
      demo.problems.map((p) => {
        const raisedBy = reporterFor(p.regionCode) ?? reviewerFor(p.regionCode);
        const done = p.status === 'resolved' || p.status === 'closed';
        return {
          regionCode: p.regionCode,
          projectId: p.project ? idOf(p.project) : null,
          enterpriseId: p.enterprise ? enterpriseId.get(p.enterprise)! : null,
          title: p.title,
          description: p.description,
          responsibleUnit: p.responsibleUnit,
          responsibleLeader: p.responsibleLeader,
          dueOn: p.dueOn,
          status: p.status,
          resolution: p.resolution,
          meetingId: meetingOf.get(p) ?? null,
          raisedBy,
          raisedAt: at(p.raisedOn),
          resolvedAt: done ? at(addDays(p.raisedOn, 20)) : null,
          closedAt: p.status === 'closed' ? at(addDays(p.raisedOn, 25)) : null,
          updatedAt: at(addDays(p.raisedOn, done ? 25 : 5)),
          updatedBy: raisedBy,
        };
      }),
    );
    const problemId = new Map(demo.problems.map((p, i) => [p, problemIds[i]!]));
    await insertAll(
      tx,
      problemEvents,
      demo.problems.flatMap((p, i) => {
        const problemId = problemIds[i]!;
        const actorId = reporterFor(p.regionCode) ?? reviewerFor(p.regionCode);
        const events: (typeof problemEvents.$inferInsert)[] = [{ problemId, action: 'raise', fromStatus: null, toStatus: 'open', actorId, at: at(p.raisedOn) }];
        if (p.status !== 'open') events.push({ problemId, action: 'accept', fromStatus: 'open', toStatus: 'in_progress', actorId, at: at(addDays(p.raisedOn, 2)) });
        if (p.status === 'escalated') events.push({ problemId, action: 'escalate', fromStatus: 'in_progress', toStatus: 'escalated', actorId, at: at(addDays(p.raisedOn, 8)) });
        if (p.status === 'resolved' || p.status === 'closed') events.push({ problemId, action: 'resolve', fromStatus: 'in_progress', toStatus: 'resolved', actorId, at: at(addDays(p.raisedOn, 20)) });
        if (p.status === 'closed') events.push({ problemId, action: 'confirm', fromStatus: 'resolved', toStatus: 'closed', actorId, at: at(addDays(p.raisedOn, 25)) });
        return events;
      }),
    );

    for (const b of demo.batches) {
      const [{ id }] = (await tx
        .insert(batches)
        .values({ name: b.name, regionCode: b.regionCode, heldOn: b.heldOn, place: b.place, description: b.description, createdBy: userId.get(`admin.${slugOf.get(b.regionCode)}`) ?? null, createdAt: at(b.heldOn), updatedAt: at(b.heldOn) })
        .returning({ id: batches.id })) as [{ id: number }];
      await insertAll(tx, batchProjects, b.projects.map((p) => ({ batchId: id, projectId: idOf(p) })));
    }

    for (const list of demo.keyLists) {
      const by = userId.get(list.by) ?? null;
      const [{ id }] = (await tx
        .insert(keyLists)
        .values({
          name: list.name,
          year: list.year,
          regionCode: list.regionCode,
          description: list.description,
          status: list.status,
          publishedAt: list.publishedOn ? at(list.publishedOn) : null,
          publishedBy: list.publishedOn ? by : null,
          createdBy: by,
          updatedBy: by,
          version: 1 + (list.publishedOn ? 1 : 0) + list.revisions.length,
        })
        .returning({ id: keyLists.id })) as [{ id: number }];
      await insertAll(tx, keyListProjects, list.projects.map((p) => ({ keyListId: id, projectId: idOf(p) })));
      await insertAll(
        tx,
        keyListRevisions,
        list.revisions.map((rev) => ({ keyListId: id, reason: rev.reason, added: rev.added.map(idOf), removed: rev.removed.map(idOf), revisedBy: by, revisedAt: at(rev.on) })),
      );
    }

    for (const g of demo.groups) {
      const [{ id }] = (await tx
        .insert(accountabilityGroups)
        .values({ name: g.name, regionCode: g.regionCode, leaderName: g.leaderName, leaderTitle: g.leaderTitle, members: g.members, createdBy: userId.get('admin.honghe') ?? null })
        .returning({ id: accountabilityGroups.id })) as [{ id: number }];
      await insertAll(tx, groupRegions, g.regions.map((regionCode) => ({ groupId: id, regionCode })));
    }

    const visitIds = await insertReturningIds(
      tx,
      enterpriseVisits,
      demo.visits.map((v) => ({ enterpriseId: enterpriseId.get(v.enterprise)!, regionCode: v.enterprise.regionCode, visitedOn: v.visitedOn, visitors: v.visitors, summary: v.summary, createdAt: at(v.visitedOn, 17), updatedAt: at(v.visitedOn, 17) })),
    );
    await insertAll(
      tx,
      visitDemands,
      demo.visits.flatMap((v, i) => v.demands.map((d) => ({ visitId: visitIds[i]!, content: d.content, problemId: d.problem ? problemId.get(d.problem)! : null, createdAt: at(v.visitedOn, 17) }))),
    );

    for (const s of demo.settings) await tx.insert(regionSettings).values(s).onConflictDoNothing();
  });
}

/** The dated steps a project went through, from the facts on its record. */
function stageHistory(p: DemoProject): { fromStage: Stage | null; toStage: Stage; effectiveOn: string; note: string | null }[] {
  const steps: [Stage, string][] = [];
  if (p.kind === 'government') steps.push(['planning', addDays(p.startedOn ?? p.stageChangedOn, -240)]);
  else if (p.signedOn) steps.push(['negotiating', addDays(p.signedOn, -90)], ['signed', p.signedOn]);
  else steps.push([p.stage === 'lead' ? 'lead' : 'negotiating', p.stageChangedOn]);
  if (p.startedOn || p.stage === 'preparation' || p.suspendedFrom === 'preparation') steps.push(['preparation', addDays(p.startedOn ?? p.stageChangedOn, p.startedOn ? -60 : 0)]);
  if (p.startedOn) steps.push(['construction', p.startedOn]);
  if (p.completedOn) steps.push(['completed', p.completedOn]);
  if (p.stage === 'operating') steps.push(['operating', addDays(p.completedOn!, 30)]);
  if (p.stage === 'suspended' || p.stage === 'cancelled') steps.push([p.stage, addDays(steps[steps.length - 1]![1], 120)]);
  return steps.map(([toStage, effectiveOn], i) => ({ fromStage: i === 0 ? null : steps[i - 1]![0], toStage, effectiveOn, note: i === 0 ? 'recorded' : null }));
}
