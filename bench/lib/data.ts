/**
 * Deterministic benchmark data: the same scale and seed give the same rows, byte for byte, on
 * every machine. Rows come out as COPY text lines (tab-separated, \N for null) so that the loader
 * streams them straight into the database without building objects for a million projects.
 */

export type Scale = 'tiny' | 'province' | 'national';

export interface ScaleSpec {
  projects: number;
  /** Months of reports per project, ending with LAST_PERIOD. */
  months: number;
  /** Problems per project, on average. */
  problemsPerProject: number;
}

export const SCALES: Record<Scale, ScaleSpec> = {
  // For the smoke test: the same shapes, in a second.
  tiny: { projects: 300, months: 24, problemsPerProject: 0.4 },
  province: { projects: 50_000, months: 24, problemsPerProject: 0.4 },
  national: { projects: 1_000_000, months: 24, problemsPerProject: 0.4 },
};

/** The data ends here, so that a fixed "today" (AS_OF) sees a month-end still to come. */
export const LAST_PERIOD = '2026-10';
export const AS_OF = '2026-11-25';
/** The month the month-end load submits. No report exists for it after generation. */
export const LOAD_PERIOD = '2026-11';

/** mulberry32: small, fast and good enough to make realistic-looking data reproducibly. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** Fen (an integer) as a yuan decimal string, exactly. */
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;

export function periodsEndingAt(last: string, months: number): string[] {
  const [y, m] = last.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const index = y * 12 + (m - 1) - k;
    out.push(`${Math.floor(index / 12)}-${pad((index % 12) + 1, 2)}`);
  }
  return out;
}

export interface Reference {
  /** Counties and zones (where most projects are), and prefectures (市直 projects). */
  counties: string[];
  prefectures: string[];
  /** Leaf categories. */
  categories: string[];
  /** The user that created the problems (a problem needs a raiser). */
  raisedBy: number;
}

const STAGES: [string, number][] = [
  ['construction', 0.45],
  ['preparation', 0.12],
  ['planning', 0.08],
  ['signed', 0.08],
  ['negotiating', 0.05],
  ['lead', 0.04],
  ['completed', 0.1],
  ['operating', 0.06],
  ['suspended', 0.02],
];
const LEVELS = ['provincial', 'prefectural', 'county', 'general'];
const STARTED = new Set(['construction', 'completed', 'operating', 'suspended']);

function pick<T>(r: () => number, weighted: [T, number][]): T {
  let x = r();
  for (const [v, w] of weighted) {
    if ((x -= w) < 0) return v;
  }
  return weighted[weighted.length - 1]![0];
}

export interface ProjectFacts {
  id: number;
  region: string;
  stage: string;
  startedOn: string | null;
  /** The annual plans, fen, by year. */
  plans: Map<number, number>;
}

/** The project with id `id` (1-based), always the same for the same id. */
export function projectFacts(ref: Reference, id: number): ProjectFacts {
  const r = rng(id * 7919);
  const region = r() < 0.1 ? ref.prefectures[Math.floor(r() * ref.prefectures.length)]! : ref.counties[Math.floor(r() * ref.counties.length)]!;
  const stage = pick(r, STAGES);
  const startedOn = STARTED.has(stage) ? `${2022 + Math.floor(r() * 5)}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}` : null;
  const plans = new Map<number, number>();
  if (startedOn || stage === 'preparation') {
    for (const year of [2025, 2026]) plans.set(year, (5_000 + Math.floor(r() * 200_000)) * 10_000_00);
  }
  return { id, region, stage, startedOn: startedOn && startedOn > AS_OF ? AS_OF : startedOn, plans };
}

/** projects: id, code, name, kind, region_code, category_code, level, stage, started_on, signed_on, total_investment, agreement_amount */
export function projectLine(ref: Reference, id: number): string {
  const p = projectFacts(ref, id);
  const r = rng(id * 104729);
  const category = ref.categories[Math.floor(r() * ref.categories.length)]!;
  const kind = r() < 0.7 ? 'investment-attraction' : 'government';
  const level = LEVELS[Math.floor(r() * LEVELS.length)]!;
  const total = (10_000 + Math.floor(r() * 5_000_000)) * 1000_00;
  const signed = kind === 'investment-attraction' ? `202${1 + Math.floor(r() * 5)}-${pad(1 + Math.floor(r() * 12), 2)}-15` : '\\N';
  const agreement = kind === 'investment-attraction' ? yuan(Math.floor(total * (0.8 + r() * 0.4))) : '\\N';
  const code = `2024-${p.region}-${pad(1 + (id % 40), 2)}-${id > 999_999 ? '02' : '01'}-${pad(id % 1_000_000, 6)}`;
  return [id, code, `基准项目${id}号`, kind, p.region, category, level, p.stage, p.startedOn ?? '\\N', signed, yuan(total), agreement].join('\t');
}

/** project_annual_plans: project_id, year, amount */
export function planLines(ref: Reference, id: number): string[] {
  return [...projectFacts(ref, id).plans].map(([year, fen]) => `${id}\t${year}\t${yuan(fen)}`);
}

export const REPORT_COLUMNS = [
  'project_id',
  'period',
  'status',
  'completed_investment',
  'funds_out_of_province',
  'funds_in_province',
  'funds_foreign',
  'funds_central_budget',
  'funds_special_bonds',
  'funds_bank_loans',
  'funds_self_raised',
  'progress_percent',
] as const;

/** monthly_reports of one project: one per month; the last month is still being reviewed for some. */
export function reportLines(id: number, periods: string[]): string[] {
  const r = rng(id * 15485863);
  const monthly = 100_000 + Math.floor(r() * 30_000_000);
  return periods.map((period, k) => {
    const last = k === periods.length - 1;
    const x = r();
    const status = !last || x < 0.7 ? 'approved' : x < 0.9 ? 'submitted' : 'draft';
    const done = Math.floor(monthly * (0.3 + r() * 1.4)) * 100;
    const f = (share: number) => (r() < share ? Math.floor(done * r() * 0.5) : 0);
    return [id, period, status, yuan(done), yuan(f(0.4)), yuan(f(0.5)), yuan(f(0.05)), yuan(f(0.1)), yuan(f(0.1)), yuan(f(0.3)), yuan(f(0.6)), Math.min(100, (k + 1) * 4)].join('\t');
  });
}

/** problems: region_code, project_id, title, due_on, status, raised_by */
export function problemLines(ref: Reference, id: number, perProject: number): string[] {
  const r = rng(id * 32452843);
  const n = Math.floor(perProject + r());
  const region = projectFacts(ref, id).region;
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    const status = pick(r, [
      ['open', 0.3],
      ['in_progress', 0.25],
      ['escalated', 0.05],
      ['resolved', 0.15],
      ['closed', 0.25],
    ]);
    const due = `2026-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
    out.push([region, id, `用地手续办理问题${id}-${k + 1}`, due, status, ref.raisedBy].join('\t'));
  }
  return out;
}

/** project_milestones: project_id, kind, planned_on, actual_on — one node per started project. */
export function milestoneLines(ref: Reference, id: number): string[] {
  const p = projectFacts(ref, id);
  if (!p.startedOn) return [];
  const r = rng(id * 49979687);
  const planned = `2026-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
  const actual = planned < AS_OF && r() < 0.7 ? planned : '\\N';
  return [`${id}\tmain-works\t${planned}\t${actual}`];
}
