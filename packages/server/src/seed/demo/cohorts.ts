import { split } from './random.js';
import { countiesOf } from './places.js';
import { addDays, plansFor, type DemoBook, type DemoProject } from './projects.js';

/**
 * The records behind the source report's figures. Each cohort is built so that its figures fall out
 * exactly (amounts in 万元): the totals are split exactly over the projects, never approximated.
 * figures.ts names the query that reads each figure back.
 */

/** 曲靖: 394 major projects started in 2022 Q1, 1254亿; 364 industry projects, 585亿, 2022 plans 369亿 (energy 23/107亿, non-energy 141/163亿); 24 ≥5亿, 13 ≥10亿. */
export function qujingQ1(book: DemoBook): DemoProject[] {
  const r = book.r;
  const places = countiesOf('530300').map((p) => p.code);
  const out: DemoProject[] = [];
  const industry: { category: string; xl: number; l: number; s: number; plan: number }[] = [
    { category: 'energy-industry', xl: 6, l: 4, s: 13, plan: 1_070_000 },
    { category: 'other-industry', xl: 5, l: 4, s: 132, plan: 1_630_000 },
  ];
  // The other 200 industry projects (digital economy, agriculture, tourism, services): 2022 plans 99亿.
  const others = [
    ...Array<string>(40).fill('digital-economy'),
    ...Array<string>(70).fill('plateau-agriculture'),
    ...Array<string>(45).fill('culture-tourism'),
    ...Array<string>(45).fill('modern-services'),
  ];
  // Sizes: 13 projects of 10亿 and more, 11 of 5–10亿, the rest below 5亿; 585亿 in all.
  const sized = [
    ...industry.flatMap((c) => [
      ...Array.from({ length: c.xl }, () => ({ category: c.category, size: 'xl' as const })),
      ...Array.from({ length: c.l }, () => ({ category: c.category, size: 'l' as const })),
      ...Array.from({ length: c.s }, () => ({ category: c.category, size: 's' as const })),
    ]),
    ...r.shuffle(others).map((category, i) => ({ category, size: i < 2 ? ('xl' as const) : i < 5 ? ('l' as const) : ('s' as const) })),
  ];
  const totals = sized.map((p) => (p.size === 'xl' ? r.int(p.category === 'energy-industry' ? 160_000 : 100_000, 300_000) : p.size === 'l' ? r.int(50_000, 99_000) : 0));
  const small = sized.map((p, i) => (p.size === 's' ? i : -1)).filter((i) => i >= 0);
  const smallTotals = split(5_850_000 - totals.reduce((a, b) => a + b, 0), small.map(() => r.int(1, 10)));
  small.forEach((i, k) => (totals[i] = smallTotals[k]!));
  if (smallTotals.some((t) => t >= 50_000 || t < 500)) throw new Error('demo: a small Qujing project fell outside its size band');

  const planOf = new Map<number, number>();
  for (const { category, plan } of [...industry, { category: 'others', plan: 990_000 }]) {
    const members = sized.map((p, i) => ({ p, i })).filter(({ p }) => (category === 'others' ? !industry.some((c) => c.category === p.category) : p.category === category));
    const plans = split(plan, members.map(({ i }) => totals[i]!));
    members.forEach(({ i }, k) => planOf.set(i, plans[k]!));
  }
  sized.forEach((p, i) => {
    const total = totals[i]!;
    const plan2022 = planOf.get(i)!;
    const managed = p.size === 'xl' && r.chance(0.5);
    const startedOn = r.date('2022-01-04', '2022-03-31');
    out.push(
      book.add({
        prefecture: '530300',
        county: r.pick(places),
        managed,
        category: p.category,
        kind: 'investment-attraction',
        stage: 'construction',
        level: p.size === 'xl' ? 'provincial' : p.size === 'l' ? 'prefectural' : r.pick(['county', 'county', 'general', 'prefectural']),
        signedOn: r.date('2021-03-01', addDays(startedOn, -20)),
        startedOn,
        total,
        agreement: Math.round((total * r.int(80, 100)) / 100),
        plans: { 2022: plan2022, 2023: Math.round(((total - plan2022) * r.int(30, 60)) / 100) },
        cohort: 'qujing-q1',
      }),
    );
  });

  // 30 projects outside industry make up the rest: 1254亿 − 585亿 = 669亿.
  const rest = [
    ...Array<string>(4).fill('transport'),
    'water',
    'water',
    'energy-infrastructure',
    'new-infrastructure',
    'old-communities',
    'old-communities',
    'shantytowns',
    'urban-villages',
    'education',
    'education',
    'health',
    'health',
    ...Array<string>(14).fill('rural-revitalization'),
  ];
  const restTotals = split(6_690_000, rest.map((c) => (c === 'transport' ? r.int(60, 120) : r.int(3, 20))));
  rest.forEach((category, i) => {
    const total = restTotals[i]!;
    const government = category !== 'rural-revitalization' || r.chance(0.6);
    out.push(
      book.add({
        prefecture: '530300',
        county: r.pick(places),
        managed: category === 'transport',
        category,
        kind: government ? 'government' : 'investment-attraction',
        stage: 'construction',
        level: category === 'transport' ? 'provincial' : r.pick(['prefectural', 'county']),
        signedOn: government ? null : '2021-12-20',
        startedOn: r.date('2022-01-04', '2022-03-31'),
        total,
        agreement: government ? null : total,
        plans: plansFor(r, total, [2022, 2023, 2024]),
        cohort: 'qujing-q1',
      }),
    );
  });
  return out;
}

/** 丽江: the 2022 Q1 concentrated start of 2022-02-25 — 32 projects, 482.9亿, 2022 plans 145.4亿 (市直 119亿, hydrogen 12.6亿, the other 14 county projects 13.8亿); 9 市直 with 406.2亿 / 119亿; 9 new-energy + green-hydrogen projects in 永胜, 华坪, 宁蒗: 83.2万千瓦, 41.6亿, annual tax 8674万. */
export function lijiangBatch(book: DemoBook): { batch: DemoProject[]; hydrogen: DemoProject[] } {
  const r = book.r;
  const heldOn = '2022-02-25';
  const common = { prefecture: '530700', stage: 'construction' as const, startedOn: heldOn, cohort: 'lijiang-batch' as const };
  const batch: DemoProject[] = [];

  const cityCategories = ['energy-industry', 'energy-industry', 'energy-industry', 'energy-industry', 'energy-industry', 'other-industry', 'culture-tourism', 'transport', 'health'];
  const cityTotals = split(4_062_000, cityCategories.map((c) => (c === 'energy-industry' ? r.int(40, 120) : r.int(8, 30))));
  const cityPlans = split(1_190_000, cityTotals);
  cityCategories.forEach((category, i) => {
    const government = category === 'transport' || category === 'health';
    batch.push(
      book.add({
        ...common,
        county: r.pick(['530702', '530721', '530722', '530723', '530724']),
        managed: true,
        category,
        kind: government ? 'government' : 'investment-attraction',
        level: 'provincial',
        signedOn: government ? null : r.date('2021-06-01', '2022-01-31'),
        total: cityTotals[i]!,
        agreement: government ? null : cityTotals[i]!,
        plans: { 2022: cityPlans[i]! },
        ...(category === 'other-industry' ? { name: '丽江金山高新区新能源+绿氢智慧工厂项目' } : {}),
      }),
    );
  });

  const counties = ['530722', '530722', '530722', '530722', '530723', '530723', '530723', '530724', '530724'];
  const capacity = split(832, counties.map(() => r.int(5, 15))).map((k) => k * 1000);
  const hydrogenTotals = split(416_000, capacity);
  const hydrogenPlans = split(126_000, hydrogenTotals);
  const tax = split(8674, capacity);
  const hydrogen = counties.map((county, i) =>
    book.add({
      ...common,
      county,
      category: 'new-energy-hydrogen',
      kind: 'investment-attraction',
      level: 'prefectural',
      signedOn: r.date('2021-09-01', '2022-01-31'),
      total: hydrogenTotals[i]!,
      agreement: hydrogenTotals[i]!,
      plans: { 2022: hydrogenPlans[i]! },
      name: `${placeName(county)}${capacity[i]! / 10_000}万千瓦风光储氢一体化项目`,
      attributes: { capacityKw: String(capacity[i]), expectedAnnualTax: `${tax[i]}0000` },
    }),
  );
  batch.push(...hydrogen);

  const restCategories = ['culture-tourism', 'culture-tourism', 'culture-tourism', 'transport', 'transport', 'water', 'rural-revitalization', 'rural-revitalization', 'rural-revitalization', 'education', 'health', 'plateau-agriculture', 'plateau-agriculture', 'old-communities'];
  const restTotals = split(351_000, restCategories.map(() => r.int(5, 20)));
  const restPlans = split(138_000, restTotals);
  restCategories.forEach((category, i) => {
    const government = !['culture-tourism', 'plateau-agriculture'].includes(category);
    batch.push(
      book.add({
        ...common,
        county: r.pick(['530702', '530721', '530722', '530723', '530724']),
        category,
        kind: government ? 'government' : 'investment-attraction',
        level: r.pick(['prefectural', 'county']),
        signedOn: government ? null : r.date('2021-06-01', '2022-01-31'),
        total: restTotals[i]!,
        agreement: government ? null : restTotals[i]!,
        plans: { 2022: restPlans[i]! },
      }),
    );
  });
  return { batch, hydrogen };
}

const placeName = (code: string) => countiesOf('530700').find((c) => c.code === code)!.name;

/** 红河: 229 investment-attraction projects under construction (started by 2022-02-27) with agreements of 1357.59亿. */
export function hongheConstruction(book: DemoBook): DemoProject[] {
  const r = book.r;
  const places = countiesOf('532500').map((p) => p.code);
  const categories = [
    ...Array<string>(70).fill('other-industry'),
    ...Array<string>(30).fill('energy-industry'),
    ...Array<string>(40).fill('plateau-agriculture'),
    ...Array<string>(30).fill('culture-tourism'),
    ...Array<string>(30).fill('modern-services'),
    ...Array<string>(15).fill('digital-economy'),
    ...Array<string>(14).fill('rural-revitalization'),
  ];
  const agreements = split(13_575_900, categories.map(() => r.int(1, 20)));
  return r.shuffle(categories).map((category, i) => {
    const agreement = agreements[i]!;
    const total = Math.round((agreement * r.int(100, 125)) / 100);
    // A third started before 2020, most of the rest in 2020–2021, a few in early 2022.
    const startedOn = i < 80 ? r.date('2019-03-01', '2020-12-31') : i < 212 ? r.date('2021-01-01', '2021-12-31') : r.date('2022-01-04', '2022-02-27');
    const years = [2019, 2020, 2021, 2022, 2023].filter((y) => y >= Number(startedOn.slice(0, 4)));
    return book.add({
      prefecture: '532500',
      county: r.pick(places),
      managed: r.chance(0.08),
      category,
      kind: 'investment-attraction',
      stage: 'construction',
      signedOn: addDays(startedOn, -r.int(30, 200)),
      startedOn,
      total,
      agreement,
      plans: plansFor(r, total, years),
      cohort: 'honghe-construction',
    });
  });
}

/** 红河: projects being negotiated, signed or prepared, from which the 2022 key investment-attraction list is drawn. */
export function honghePipeline(book: DemoBook): DemoProject[] {
  const r = book.r;
  const places = countiesOf('532500').map((p) => p.code);
  const stages = [...Array<'negotiating'>(20).fill('negotiating'), ...Array<'signed'>(25).fill('signed'), ...Array<'preparation'>(25).fill('preparation')];
  return stages.map((stage) => {
    const total = r.int(20_000, 400_000);
    const signed = stage !== 'negotiating';
    return book.add({
      prefecture: '532500',
      county: r.pick(places),
      category: r.pick(['other-industry', 'energy-industry', 'plateau-agriculture', 'culture-tourism', 'modern-services', 'digital-economy']),
      kind: 'investment-attraction',
      stage,
      level: r.pick(['prefectural', 'prefectural', 'provincial']),
      signedOn: signed ? r.date('2021-10-01', '2022-06-30') : null,
      total,
      agreement: signed ? Math.round((total * r.int(85, 100)) / 100) : null,
      plans: stage === 'preparation' ? { 2022: Math.round(total / 20) } : {},
      cohort: 'honghe-pipeline',
    });
  });
}
