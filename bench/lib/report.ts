/** The Markdown a run writes: every figure beside its baseline from the same run. */
import type { Latency } from './http.js';
import type { MonthEndResult } from './month-end.js';

interface Report {
  date: string;
  commit: string;
  command: string;
  scale: string;
  engine: string;
  machine: { cpus: string; memoryGb: number; node: string };
  workMem?: string;
  loadAverage: { start: number[]; end: number[] };
  seconds: number;
  connections: number;
  startupMs: number;
  /** Absent when only the month-end ran. */
  floor?: Latency | undefined;
  queries: { name: string; http: Latency; naive: Latency }[];
  monthEnd: MonthEndResult & { period: string; countsBefore: Record<string, number>; countsAfter: Record<string, number>; serverCpuSeconds?: number };
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '—');
/** A speed-up: one decimal below 10×, so that a slow-down reads 0.2×, not 0×. */
const times = (v: number) => (Number.isFinite(v) ? `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}×` : '—');
const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');

export function markdown(r: Report): string {
  const lines = [
    `#### ${r.scale} on ${r.engine}, ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Commit \`${r.commit}\`; \`${r.command}\`; ${r.machine.cpus}, ${r.machine.memoryGb} GB, Node ${r.machine.node}; ` +
      `load average ${la(r.loadAverage.start)} at the start, ${la(r.loadAverage.end)} at the end; work_mem ${r.workMem ?? '4MB'}. ` +
      (r.floor ? `Each query ${r.seconds} s over ${r.connections} connection(s) after a 1 s warm-up; naive SQL ${r.queries[0]?.naive.n ?? 0} runs each.` : 'Month-end only.'),
  ];
  if (r.floor) lines.push(...queryTable(r, r.floor));
  lines.push(
    '',
    `Start-up on the existing database until the first answer: ${ms(r.startupMs)} ms.`,
    '',
    `Month-end (${r.monthEnd.period}): ${r.monthEnd.submissions} submissions (create + submit) and ${r.monthEnd.approvals} approvals in ${r.monthEnd.seconds.toFixed(1)} s: ` +
      `${r.monthEnd.submissionsPerSecond.toFixed(0)} submissions/s and ${r.monthEnd.approvalsPerSecond.toFixed(0)} approvals/s; ` +
      `every write p50 ${ms(r.monthEnd.latency.p50)} p95 ${ms(r.monthEnd.latency.p95)} p99 ${ms(r.monthEnd.latency.p99)} ms ` +
      `(create p99 ${ms(r.monthEnd.create.p99)}, submit p99 ${ms(r.monthEnd.submit.p99)}, approve p99 ${ms(r.monthEnd.approve.p99)}); ${r.monthEnd.failures} failed requests.` +
      serverCpu(r.monthEnd),
    `Rows for ${r.monthEnd.period} before → after: ${JSON.stringify(r.monthEnd.countsBefore)} → ${JSON.stringify(r.monthEnd.countsAfter)}. ` + lossCheck(r.monthEnd),
    '',
  );
  return lines.join('\n');
}

/** The HTTP floor and each query beside its naive SQL baseline. */
function queryTable(r: Report, floor: Latency): string[] {
  const lines = [
    '',
    '| query | HTTP p50 | p95 | p99 | req/s | naive SQL p50 | naive p95 | naive p95 ÷ HTTP p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| empty Fastify route (HTTP floor) | ${ms(floor.p50)} | ${ms(floor.p95)} | ${ms(floor.p99)} | ${floor.rps.toFixed(0)} | | | |`,
    ...r.queries.map(
      (q) =>
        `| ${q.name} | ${ms(q.http.p50)} | ${ms(q.http.p95)} | ${ms(q.http.p99)} | ${q.http.rps.toFixed(0)} | ${ms(q.naive.p50)} | ${ms(q.naive.p95)} | ${times(q.naive.p95 / q.http.p95)} |`,
    ),
  ];
  const dashboard = r.queries.slice(0, 10);
  const worst = Math.max(...dashboard.map((q) => q.http.p95));
  const pooled = dashboard.map((q) => q.http.p95).sort((a, b) => a - b);
  lines.push(
    '',
    `Dashboard query set: worst p95 ${ms(worst)} ms, median of the ten p95s ${ms(pooled[Math.floor(pooled.length / 2)] ?? NaN)} ms; ` +
      `smallest speed-up over naive SQL ${times(Math.min(...dashboard.map((q) => q.naive.p95 / q.http.p95)))}.`,
  );
  return lines;
}

/** The server process's CPU time over the month-end load, and per acknowledged write. */
function serverCpu(m: Report['monthEnd']): string {
  const cpu = m.serverCpuSeconds;
  if (cpu === undefined || !Number.isFinite(cpu)) return '';
  const writes = m.created + m.submissions + m.approvals;
  return ` Server CPU ${cpu.toFixed(1)} s (${ms((cpu * 1000) / Math.max(1, writes))} ms per acknowledged write).`;
}

/** Every acknowledged write is in the database exactly once: rows = creates, approved = approvals, one event and one audit event per write. */
function lossCheck(m: Report['monthEnd']): string {
  const writes = m.created + m.submissions + m.approvals;
  const d = (k: string) => (m.countsAfter[k] ?? 0) - (m.countsBefore[k] ?? 0);
  const checks = [
    [`report rows ${d('rows')} = reports created ${m.created}`, d('rows') === m.created],
    [`one per project (${d('projects')})`, d('projects') === d('rows')],
    [`approved ${d('approved')} = approvals acknowledged ${m.approvals}`, d('approved') === m.approvals],
    [`review events ${d('events')} = writes ${writes}`, d('events') === writes],
    [`audit events ${d('auditEvents')} = writes ${writes}`, d('auditEvents') === writes],
  ] as const;
  const bad = checks.filter(([, ok]) => !ok);
  return `${bad.length ? '**MISMATCH**' : 'None lost or duplicated'}: ${checks.map(([t, ok]) => `${t} ${ok ? '✓' : '✗'}`).join('; ')}.`;
}
