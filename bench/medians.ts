/**
 * Medians over repeated `npm run bench` runs, from their JSON results:
 *
 *   npx tsx bench/medians.ts bench/results/perf-province-postgres-2026-11-2613*.json
 *
 * Per query: the median over the runs of each run's HTTP p50, p95 and p99, of the same run's
 * naive SQL p95, and of each run's speed-up (naive p95 ÷ HTTP p95, taken within the run, so a
 * run's load affects both sides alike). Start-up and month-end likewise.
 */
import { readFileSync } from 'node:fs';

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}
interface Run {
  date: string;
  commit: string;
  command: string;
  engine: string;
  loadAverage: { start: number[]; end: number[] };
  startupMs: number;
  floor: Latency;
  queries: { name: string; http: Latency; naive: Latency }[];
  monthEnd?: { submissionsPerSecond: number; approvalsPerSecond: number; latency: Latency; failures: number };
}

export function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid]! : (finite[mid - 1]! + finite[mid]!) / 2;
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '—');
const times = (v: number) => (Number.isFinite(v) ? `${v >= 10 ? v.toFixed(0) : v.toFixed(1)}×` : '—');

export function medianTable(runs: Run[]): string {
  const lines = [
    `Medians of ${runs.length} runs (${runs.map((r) => `${r.date.slice(11, 16)} load ${r.loadAverage.start[0]!.toFixed(1)}→${r.loadAverage.end[0]!.toFixed(1)}`).join('; ')}), ${runs[0]!.engine}, commit ${[...new Set(runs.map((r) => r.commit))].join(', ')}.`,
    '',
    '| query | HTTP p50 | p95 | p99 | naive SQL p95 | naive p95 ÷ HTTP p95 | p95 of each run |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    `| empty Fastify route (HTTP floor) | ${ms(median(runs.map((r) => r.floor.p50)))} | ${ms(median(runs.map((r) => r.floor.p95)))} | ${ms(median(runs.map((r) => r.floor.p99)))} | | | |`,
  ];
  for (const { name } of runs[0]!.queries) {
    const of = runs.map((r) => r.queries.find((q) => q.name === name)!);
    lines.push(
      `| ${name} | ${ms(median(of.map((q) => q.http.p50)))} | ${ms(median(of.map((q) => q.http.p95)))} | ${ms(median(of.map((q) => q.http.p99)))} | ${ms(median(of.map((q) => q.naive.p95)))} | ${times(median(of.map((q) => q.naive.p95 / q.http.p95)))} | ${of.map((q) => ms(q.http.p95)).join(', ')} |`,
    );
  }
  lines.push('', `Start-up until the first answer: median ${ms(median(runs.map((r) => r.startupMs)))} ms (${runs.map((r) => ms(r.startupMs)).join(', ')}).`);
  const monthEnds = runs.map((r) => r.monthEnd).filter((m) => m !== undefined);
  if (monthEnds.length) {
    lines.push(
      `Month-end: median ${median(monthEnds.map((m) => m.submissionsPerSecond)).toFixed(0)} submissions/s and ${median(monthEnds.map((m) => m.approvalsPerSecond)).toFixed(0)} approvals/s, every write p99 ${ms(median(monthEnds.map((m) => m.latency.p99)))} ms; failures ${monthEnds.map((m) => m.failures).join(', ')}.`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = process.argv.slice(2);
  if (!files.length) throw new Error('usage: tsx bench/medians.ts <result.json>…');
  console.log(medianTable(files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Run)));
}
