import type { ProjectKind, Stage } from '@guatu/core';
import { countiesOf } from './places.js';
import { addDays, plansFor, type DemoBook } from './projects.js';

/** Projects of each prefecture beyond the report's cohorts, roughly in proportion to its economy. */
const COUNTS: Record<string, number> = {
  '530100': 420,
  '530300': 240,
  '530400': 210,
  '530500': 150,
  '530600': 190,
  '530700': 110,
  '530800': 140,
  '530900': 130,
  '532300': 170,
  '532500': 240,
  '532600': 160,
  '532800': 110,
  '532900': 210,
  '533100': 110,
  '533300': 60,
  '533400': 60,
};

const INDUSTRY = ['energy-industry', 'other-industry', 'other-industry', 'digital-economy', 'plateau-agriculture', 'plateau-agriculture', 'culture-tourism', 'culture-tourism', 'modern-services'];
const PUBLIC = ['transport', 'transport', 'water', 'energy-infrastructure', 'new-infrastructure', 'old-communities', 'shantytowns', 'urban-villages', 'old-factories', 'old-blocks', 'education', 'health', 'rural-revitalization', 'rural-revitalization'];

const IA_STAGES: [Stage, number][] = [
  ['lead', 5],
  ['negotiating', 8],
  ['signed', 9],
  ['preparation', 14],
  ['construction', 38],
  ['completed', 10],
  ['operating', 9],
  ['suspended', 4],
  ['cancelled', 3],
];
const GOV_STAGES: [Stage, number][] = [
  ['planning', 10],
  ['preparation', 18],
  ['construction', 50],
  ['completed', 14],
  ['operating', 4],
  ['suspended', 4],
];

/**
 * The rest of the province. These projects stay out of the report's figures by construction: none
 * in Qujing starts in 2022 Q1, no investment-attraction project in Honghe was started by
 * 2022-02-27 and is still being built, and none uses Lijiang's new-energy + green-hydrogen category.
 */
export function background(book: DemoBook) {
  const r = book.r;
  for (const [prefecture, count] of Object.entries(COUNTS)) {
    const places = countiesOf(prefecture).map((p) => p.code);
    for (let i = 0; i < count; i++) {
      const kind: ProjectKind = r.chance(0.6) ? 'investment-attraction' : 'government';
      const category = r.pick(kind === 'investment-attraction' ? INDUSTRY : PUBLIC);
      let stage = pickWeighted(r.next(), kind === 'investment-attraction' ? IA_STAGES : GOV_STAGES);
      const total = sizeOf(r.next(), r);
      let startedOn: string | null = null;
      let completedOn: string | null = null;
      let suspendedFrom: Stage | null = null;
      if (stage === 'suspended') suspendedFrom = r.chance(0.5) ? 'construction' : 'preparation';
      const built = stage === 'construction' || stage === 'completed' || stage === 'operating' || suspendedFrom === 'construction';
      if (built) startedOn = stage === 'construction' ? r.date('2019-06-01', '2022-11-30') : r.date('2018-03-01', '2021-09-30');
      if (stage === 'completed' || stage === 'operating') completedOn = addDays(startedOn!, r.int(240, 900));
      if (completedOn && completedOn > '2022-12-20') completedOn = r.date('2022-06-01', '2022-12-20');
      // Keep the report's figures exact: Qujing's Q1 starts and Honghe's construction list are cohorts of their own.
      if (prefecture === '530300' && startedOn && startedOn >= '2022-01-01' && startedOn <= '2022-03-31') startedOn = r.date('2022-04-01', '2022-11-30');
      if (prefecture === '532500' && kind === 'investment-attraction' && stage === 'construction' && startedOn! <= '2022-02-27') startedOn = r.date('2022-03-01', '2022-11-30');
      if (stage === 'cancelled' && kind === 'government') stage = 'suspended';
      const signedOn =
        kind === 'investment-attraction' && !['lead', 'negotiating'].includes(stage) && !(stage === 'cancelled' && r.chance(0.5))
          ? addDays(startedOn ?? r.date('2021-03-01', '2022-11-30'), startedOn ? -r.int(30, 240) : 0)
          : null;
      const firstYear = Number((startedOn ?? '2022').slice(0, 4));
      const lastYear = completedOn ? Number(completedOn.slice(0, 4)) : 2023;
      const years = built || stage === 'preparation' ? [2019, 2020, 2021, 2022, 2023].filter((y) => y >= firstYear && y <= lastYear) : [];
      book.add({
        prefecture,
        county: r.pick(places),
        managed: r.chance(0.06),
        category,
        kind,
        stage,
        suspendedFrom,
        signedOn,
        startedOn,
        completedOn,
        total,
        agreement: signedOn ? Math.round((total * r.int(80, 100)) / 100) : null,
        plans: stage === 'preparation' ? { 2022: Math.round(total / 25) } : plansFor(r, total, years),
        cohort: 'background',
      });
    }
  }
}

function pickWeighted<T>(roll: number, items: [T, number][]): T {
  let left = roll * items.reduce((a, [, w]) => a + w, 0);
  for (const [item, w] of items) if ((left -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** Total investment in 万元: mostly a few hundred million yuan, some billions, a few tens of billions. */
function sizeOf(roll: number, r: DemoBook['r']): number {
  if (roll < 0.55) return r.int(2_000, 30_000);
  if (roll < 0.85) return r.int(30_000, 100_000);
  if (roll < 0.97) return r.int(100_000, 500_000);
  return r.int(500_000, 2_000_000);
}
