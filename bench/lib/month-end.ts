/**
 * Month-end: every prefecture's reporter starts and submits the month's reports of its projects
 * while its reviewer approves what has been submitted, all at once, through the API. Afterwards
 * the rows are counted to prove that every acknowledged write is there exactly once.
 */
import { Agent } from 'node:http';
import { request } from 'node:http';
import { REPORTING_STAGES } from '@guatu/core';
import type { Database } from '../../packages/server/src/db/client.js';
import { LOAD_PERIOD } from './data.js';
import { login, percentiles, type Latency } from './http.js';
import { BENCH_PASSWORD, type BenchUsers } from './load.js';

export interface MonthEndPlan {
  /** Per prefecture: the projects whose report for LOAD_PERIOD its reporter submits. */
  byPrefecture: { region: string; projectIds: number[] }[];
}

export interface MonthEndResult {
  /** Acknowledged writes: reports created, submitted (a submission is both), approved. */
  created: number;
  submissions: number;
  approvals: number;
  seconds: number;
  submissionsPerSecond: number;
  approvalsPerSecond: number;
  /** Every write request: create, submit, approve. */
  latency: Latency;
  create: Latency;
  submit: Latency;
  approve: Latency;
  failures: number;
}

/** The projects of each prefecture that have no report for LOAD_PERIOD yet, `perPrefecture` each. */
export async function planMonthEnd(query: (text: string) => Promise<{ rows: Record<string, unknown>[] }>, users: BenchUsers, perPrefecture: number): Promise<MonthEndPlan> {
  const byPrefecture = [];
  for (const r of users.reporters) {
    const { rows } = await query(`select p.id from projects p join regions g on g.code = p.region_code
      where g.path like '%${r.region}/%' and p.stage in (${REPORTING_STAGES.map((x) => `'${x}'`).join(', ')}) and not exists (select 1 from monthly_reports m where m.project_id = p.id and m.period = '${LOAD_PERIOD}')
      order by p.id limit ${perPrefecture}`);
    byPrefecture.push({ region: r.region, projectIds: rows.map((x) => Number(x.id)) });
  }
  return { byPrefecture };
}

const agent = new Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, path: string, cookie: string, body: unknown): Promise<{ status: number; json: Record<string, unknown>; ms: number }> {
  const data = JSON.stringify(body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method: 'POST', agent, headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode!, json: text ? JSON.parse(text) : {}, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * `workers` reporter connections per prefecture create and submit; one reviewer connection per
 * prefecture approves as submissions arrive, until every project of the plan is approved.
 */
export async function runMonthEnd(url: string, users: BenchUsers, plan: MonthEndPlan, workers: number): Promise<MonthEndResult> {
  const samples = { create: [] as number[], submit: [] as number[], approve: [] as number[] };
  let failures = 0;
  const failed = (what: string, res: { status: number; json: unknown }) => {
    // The first few are printed: a failure is a finding, not noise.
    if (++failures <= 5) console.warn(`  ${what} failed: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
  };
  let createdCount = 0;
  let submissions = 0;
  let approvals = 0;
  const started = performance.now();
  await Promise.all(
    plan.byPrefecture.map(async (pref, i) => {
      const reporterCookie = await login(url, users.reporters[i]!.username, BENCH_PASSWORD);
      const reviewerCookie = await login(url, users.reviewers[i]!.username, BENCH_PASSWORD);
      const queue = [...pref.projectIds];
      const submitted: number[] = [];
      let reportersLeft = workers;
      const reporter = async () => {
        for (let projectId = queue.shift(); projectId !== undefined; projectId = queue.shift()) {
          const created = await post(url, `/api/v1/projects/${projectId}/reports`, reporterCookie, {
            period: LOAD_PERIOD,
            completedInvestment: `${1000 + projectId}.25`,
            funds: { outOfProvince: `${projectId}.50`, bankLoans: '100.00' },
          });
          samples.create.push(created.ms);
          if (created.status === 201) createdCount++;
          else {
            failed('create', created);
            continue;
          }
          const sent = await post(url, `/api/v1/reports/${created.json.id}/submit`, reporterCookie, {});
          samples.submit.push(sent.ms);
          if (sent.status !== 200) {
            failed('submit', sent);
            continue;
          }
          submissions++;
          submitted.push(Number(created.json.id));
        }
        reportersLeft--;
      };
      const reviewer = async () => {
        for (;;) {
          const id = submitted.shift();
          if (id === undefined) {
            if (reportersLeft === 0) return;
            await new Promise((r) => setTimeout(r, 2));
            continue;
          }
          const approved = await post(url, `/api/v1/reports/${id}/approve`, reviewerCookie, {});
          samples.approve.push(approved.ms);
          if (approved.status === 200) approvals++;
          else failed('approve', approved);
        }
      };
      await Promise.all([...Array.from({ length: workers }, reporter), reviewer()]);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    created: createdCount,
    submissions,
    approvals,
    seconds,
    submissionsPerSecond: submissions / seconds,
    approvalsPerSecond: approvals / seconds,
    latency: percentiles([...samples.create, ...samples.submit, ...samples.approve], seconds),
    create: percentiles(samples.create, seconds),
    submit: percentiles(samples.submit, seconds),
    approve: percentiles(samples.approve, seconds),
    failures,
  };
}

/** What the database holds for LOAD_PERIOD afterwards. */
export async function countMonthEnd(database: Database) {
  const q = async (text: string) => {
    const r = database.pool ? await database.pool.query(text) : await database.pglite!.query(text);
    return r.rows[0] as Record<string, unknown>;
  };
  const reports = await q(`select count(*)::int as rows, count(distinct project_id)::int as projects,
      (count(*) filter (where status = 'approved'))::int as approved from monthly_reports where period = '${LOAD_PERIOD}'`);
  const events = await q(`select count(*)::int as n from monthly_report_events e join monthly_reports m on m.id = e.report_id where m.period = '${LOAD_PERIOD}'`);
  const audit = await q(`select count(*)::int as n from audit_events where entity = 'monthly_report' and action in ('report.create', 'report.submit', 'report.approve')`);
  return { rows: Number(reports.rows), projects: Number(reports.projects), approved: Number(reports.approved), events: Number(events.n), auditEvents: Number(audit.n) };
}
