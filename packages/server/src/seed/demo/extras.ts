import { MILESTONE_KINDS, type MilestoneKind, type ProblemStatus } from '@guatu/core';
import { DEMAND_TEXTS, INVESTOR_HOMES, LEADER_TITLES, PROBLEM_TITLES, enterpriseName, personName } from './names.js';
import { countiesOf, creditCode, placeByCode } from './places.js';
import { addDays, type DemoBook, type DemoEnterprise, type DemoProject } from './projects.js';
import type { Random } from './random.js';

/** The day the demo's records run up to: everything dated later has not happened yet. */
export const DEMO_TODAY = '2022-12-31';

export interface DemoMilestone {
  project: DemoProject;
  kind: MilestoneKind;
  plannedOn: string;
  actualOn: string | null;
}

const OFFSETS: Record<Exclude<MilestoneKind, 'other'>, number> = {
  'project-approval': -330,
  'feasibility-study': -270,
  'preliminary-design': -200,
  land: -150,
  'environmental-assessment': -170,
  'construction-permit': -25,
  start: 0,
  'main-works': 420,
  'completion-acceptance': 480,
  production: 540,
};

/** 节点 for key projects: planned around the start, most met a little late, some not met although due. */
export function milestones(r: Random, projects: DemoProject[]): DemoMilestone[] {
  const out: DemoMilestone[] = [];
  for (const p of projects) {
    if (!(p.level === 'provincial' || p.level === 'prefectural')) continue;
    if (!['preparation', 'construction', 'completed', 'operating'].includes(p.stage)) continue;
    const anchor = p.startedOn ?? addDays(p.signedOn ?? '2022-03-01', 240);
    for (const kind of MILESTONE_KINDS) {
      if (kind === 'other') continue;
      const plannedOn = addDays(anchor, OFFSETS[kind] + r.int(-10, 10));
      let actualOn: string | null = addDays(plannedOn, r.int(-15, 45));
      if (kind === 'start') actualOn = p.startedOn;
      if ((kind === 'completion-acceptance' || kind === 'production' || kind === 'main-works') && p.completedOn) actualOn = addDays(p.completedOn, kind === 'main-works' ? -40 : kind === 'production' ? 30 : 0);
      if (actualOn && actualOn > DEMO_TODAY) actualOn = null;
      if (actualOn && kind !== 'start' && !p.completedOn && r.chance(0.07)) actualOn = null;
      if (p.stage === 'preparation' && ['construction-permit', 'start', 'main-works', 'completion-acceptance', 'production'].includes(kind)) actualOn = null;
      out.push({ project: p, kind, plannedOn, actualOn });
    }
  }
  return out;
}

export interface DemoProblem {
  project: DemoProject | null;
  enterprise: DemoEnterprise | null;
  regionCode: string;
  title: string;
  description: string;
  responsibleUnit: string;
  responsibleLeader: string;
  dueOn: string;
  status: ProblemStatus;
  raisedOn: string;
  resolution: string | null;
  meeting: { title: string; heldOn: string } | null;
}

/** 挂图销号: problems on projects in every state, some of them past due. */
export function projectProblems(r: Random, projects: DemoProject[]): DemoProblem[] {
  const candidates = projects.filter((p) => ['preparation', 'construction'].includes(p.stage));
  return r
    .shuffle(candidates)
    .slice(0, 700)
    .map((p) => problem(r, p.regionCode, p, null, r.pick(PROBLEM_TITLES)));
}

function problem(r: Random, regionCode: string, project: DemoProject | null, enterprise: DemoEnterprise | null, [title, unit]: readonly [string, string]): DemoProblem {
  const raisedOn = r.date('2022-03-01', '2022-12-20');
  const dueOn = addDays(raisedOn, r.int(15, 90));
  const status = r.pick<ProblemStatus>(['open', 'open', 'in_progress', 'in_progress', 'in_progress', 'resolved', 'closed', 'closed', 'closed', 'escalated']);
  const prefecture = placeByCode.get(regionCode)!.level === 'prefecture' ? regionCode : placeByCode.get(regionCode)!.parentCode!;
  const pref = placeByCode.get(prefecture)!;
  return {
    project,
    enterprise,
    regionCode,
    title,
    description: project ? `${project.name}${title}，影响项目建设进度，需协调解决。` : `${enterprise!.name}：${title}`,
    responsibleUnit: unit,
    responsibleLeader: `${personName(r)}（${r.pick(LEADER_TITLES.county)}）`,
    dueOn,
    status,
    raisedOn,
    resolution: status === 'resolved' || status === 'closed' ? '已协调相关部门办结，手续已完成' : null,
    meeting: status === 'escalated' ? { title: `${pref.shortName}重大项目协商会办会（${raisedOn.slice(0, 7)}）`, heldOn: addDays(raisedOn, 10) } : null,
  };
}

export interface DemoVisit {
  enterprise: DemoEnterprise;
  visitedOn: string;
  visitors: string[];
  summary: string;
  demands: { content: string; problem: DemoProblem | null }[];
}

/**
 * 招商服务进万企 in 红河: 1000 enterprises sorted out for the programme — the investors behind the
 * prefecture's projects, and foreign-invested, newly introduced, negotiating, target and chamber of
 * commerce enterprises — most of them visited, some demands turned into problems.
 */
export function hongheEnterprises(book: DemoBook): { visits: DemoVisit[]; problems: DemoProblem[] } {
  const r = book.r;
  const places = countiesOf('532500').map((p) => p.code);
  const inHonghe = (e: DemoEnterprise) => e.regionCode === '532500' || placeByCode.get(e.regionCode)?.parentCode === '532500';
  const investors = book.enterprises.filter(inHonghe);
  for (const e of investors) e.programmes = ['enterprise-visits'];
  const kinds = ['target', 'target', 'target', 'chamber-of-commerce', 'chamber-of-commerce', 'foreign-invested', 'negotiating'];
  for (let i = investors.length; i < 1000; i++) {
    const kind = r.pick(kinds);
    const home = kind === 'foreign-invested' ? INVESTOR_HOMES.find((h) => h.province === '810000')! : r.pick(INVESTOR_HOMES);
    const e: DemoEnterprise = {
      creditCode: creditCode(r, home.code),
      name: enterpriseName(r, home.city, r.pick(['other-industry', 'plateau-agriculture', 'modern-services', 'culture-tourism', 'digital-economy'])),
      kind,
      homeProvinceCode: home.province,
      regionCode: r.pick(places),
      programmes: ['enterprise-visits'],
    };
    book.addEnterprise(e);
  }
  // Local enterprises followed up outside the programme, so the programme is a filter that matters.
  for (let i = 0; i < 40; i++) {
    const region = r.pick(places);
    book.addEnterprise({ creditCode: creditCode(r, region), name: enterpriseName(r, placeByCode.get(region)!.name, 'modern-services'), kind: 'target', homeProvinceCode: '530000', regionCode: region, programmes: [] });
  }

  const visits: DemoVisit[] = [];
  const problems: DemoProblem[] = [];
  for (const e of book.enterprises.filter((x) => inHonghe(x) && x.programmes.length)) {
    if (!r.chance(0.7)) continue;
    for (let k = r.int(1, 3); k > 0; k--) {
      const demands = Array.from({ length: r.int(0, 2) }, () => {
        const content = r.pick(DEMAND_TEXTS);
        const p = r.chance(0.15) ? problem(r, e.regionCode, null, e, [content, '州投资促进局']) : null;
        if (p) problems.push(p);
        return { content, problem: p };
      });
      visits.push({
        enterprise: e,
        visitedOn: r.date('2021-03-01', DEMO_TODAY),
        visitors: [personName(r), personName(r)],
        summary: `走访${e.name}，了解企业生产经营和项目推进情况。`,
        demands,
      });
    }
  }
  return { visits, problems };
}

/** 红河's six 包保 groups, covering its 13 counties and cities and the 三区. */
export const HONGHE_GROUPS: { name: string; regions: string[] }[] = [
  { name: '第一包保组', regions: ['532503', '532571', '532572'] },
  { name: '第二包保组', regions: ['532501', '532502'] },
  { name: '第三包保组', regions: ['532504', '532527'] },
  { name: '第四包保组', regions: ['532524', '532525'] },
  { name: '第五包保组', regions: ['532528', '532529', '532531'] },
  { name: '第六包保组', regions: ['532523', '532530', '532532', '532573'] },
];
