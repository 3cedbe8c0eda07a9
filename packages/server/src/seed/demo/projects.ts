import type { ProjectKind, ProjectLevel, Stage } from '@guatu/core';
import { INVESTOR_HOMES, LEADER_TITLES, enterpriseName, personName, projectName } from './names.js';
import { creditCode, placeByCode, pointIn, projectCode } from './places.js';
import type { Random } from './random.js';

/** Amounts in the demo generator are whole 万元 (10⁴ yuan); they become yuan strings on insert. */
export interface DemoEnterprise {
  creditCode: string;
  name: string;
  kind: string | null;
  homeProvinceCode: string;
  regionCode: string;
  programmes: string[];
}

export type Cohort = 'qujing-q1' | 'lijiang-batch' | 'honghe-construction' | 'honghe-pipeline' | 'background';

export interface DemoProject {
  code: string;
  name: string;
  kind: ProjectKind;
  regionCode: string;
  locationRegionCode: string;
  longitude: string;
  latitude: string;
  categoryCode: string;
  level: ProjectLevel;
  stage: Stage;
  suspendedFrom: Stage | null;
  stageChangedOn: string;
  signedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  total: number;
  agreement: number | null;
  plans: Record<number, number>;
  investor: DemoEnterprise | null;
  liaisonLeaderName: string | null;
  liaisonLeaderTitle: string | null;
  workingTeam: string | null;
  caseFile: string | null;
  attributes: Record<string, string>;
  /** Share of each year's plan the project completes: below ~0.9 it lags and its light turns. */
  performance: number;
  cohort: Cohort;
}

export interface ProjectSpec {
  prefecture: string;
  /** The county or zone where the works are. */
  county: string;
  /** 市直: the prefecture itself is the responsible region. */
  managed?: boolean;
  category: string;
  kind: ProjectKind;
  stage: Stage;
  level?: ProjectLevel;
  signedOn?: string | null;
  startedOn?: string | null;
  completedOn?: string | null;
  suspendedFrom?: Stage | null;
  total: number;
  agreement?: number | null;
  plans?: Record<number, number>;
  cohort: Cohort;
  name?: string;
  attributes?: Record<string, string>;
  performance?: number;
}

export class DemoBook {
  readonly projects: DemoProject[] = [];
  readonly enterprises: DemoEnterprise[] = [];
  private readonly investorsByPrefecture = new Map<string, DemoEnterprise[]>();

  constructor(readonly r: Random) {}

  add(spec: ProjectSpec): DemoProject {
    const r = this.r;
    const place = placeByCode.get(spec.county)!;
    const pref = placeByCode.get(spec.prefecture)!;
    const level = spec.level ?? r.pick<ProjectLevel>(['provincial', 'prefectural', 'prefectural', 'county', 'county', 'county', 'general']);
    const key = level === 'provincial' || level === 'prefectural';
    const startedOn = spec.startedOn ?? null;
    const signedOn = spec.signedOn ?? null;
    const completedOn = spec.completedOn ?? null;
    const year = (signedOn ?? startedOn ?? '2022').slice(0, 4);
    const placeName = place.level === 'zone' ? place.shortName : place.name;
    const project: DemoProject = {
      code: projectCode(year, spec.county, spec.category, spec.kind === 'government'),
      name: spec.name ?? projectName(r, spec.managed && r.chance(0.5) ? pref.shortName : placeName, spec.category),
      kind: spec.kind,
      regionCode: spec.managed ? spec.prefecture : spec.county,
      locationRegionCode: spec.county,
      ...pointIn(r, spec.county),
      categoryCode: spec.category,
      level,
      stage: spec.stage,
      suspendedFrom: spec.suspendedFrom ?? null,
      stageChangedOn: (spec.stage === 'completed' || spec.stage === 'operating' ? completedOn : null) ?? startedOn ?? signedOn ?? '2022-01-15',
      signedOn,
      startedOn,
      completedOn,
      total: spec.total,
      agreement: spec.agreement ?? null,
      plans: spec.plans ?? {},
      investor: spec.kind === 'investment-attraction' && spec.stage !== 'lead' ? this.investorFor(spec) : null,
      liaisonLeaderName: key ? personName(r) : null,
      liaisonLeaderTitle: key ? r.pick(spec.managed || level === 'provincial' ? LEADER_TITLES.prefecture : LEADER_TITLES.county) : null,
      workingTeam: key ? `${pref.shortName}发展改革委、${pref.shortName}投资促进局、${placeName}人民政府${place.level === 'zone' ? '（管委会）' : ''}` : null,
      caseFile: key ? `${pref.code.slice(0, 4)}-${year}-${String(this.projects.length + 1).padStart(4, '0')}` : null,
      attributes: spec.attributes ?? {},
      performance: spec.performance ?? performance(r),
      cohort: spec.cohort,
    };
    for (const [y, amount] of Object.entries(project.plans)) if (amount <= 0) delete project.plans[Number(y)];
    const planned = Object.values(project.plans).reduce((a, b) => a + b, 0);
    if (planned > project.total) throw new Error(`demo: plans ${planned} exceed total ${project.total} for ${project.name}`);
    if (project.agreement !== null && project.agreement > project.total) throw new Error(`demo: agreement exceeds total for ${project.name}`);
    this.projects.push(project);
    return project;
  }

  /** An investor: most projects bring a new one, some a company already investing in the prefecture. */
  private investorFor(spec: ProjectSpec): DemoEnterprise {
    const r = this.r;
    const known = this.investorsByPrefecture.get(spec.prefecture) ?? [];
    if (known.length > 5 && r.chance(0.15)) return r.pick(known);
    const home = weighted(r, INVESTOR_HOMES);
    const enterprise: DemoEnterprise = {
      creditCode: creditCode(r, home.code),
      name: enterpriseName(r, home.city, spec.category),
      kind: home.province === '810000' ? 'foreign-invested' : spec.stage === 'negotiating' ? 'negotiating' : 'newly-introduced',
      homeProvinceCode: home.province,
      regionCode: spec.managed ? spec.prefecture : spec.county,
      programmes: [],
    };
    this.enterprises.push(enterprise);
    known.push(enterprise);
    this.investorsByPrefecture.set(spec.prefecture, known);
    return enterprise;
  }

  addEnterprise(e: DemoEnterprise) {
    this.enterprises.push(e);
  }
}

function weighted<T extends { weight: number }>(r: Random, items: readonly T[]): T {
  let roll = r.next() * items.reduce((a, b) => a + b.weight, 0);
  for (const item of items) if ((roll -= item.weight) < 0) return item;
  return items[items.length - 1]!;
}

/** Most projects keep pace with their plans; a quarter lag a little and one in seven lag badly. */
function performance(r: Random): number {
  const roll = r.next();
  if (roll < 0.6) return 0.92 + r.next() * 0.25;
  if (roll < 0.85) return 0.68 + r.next() * 0.2;
  return 0.3 + r.next() * 0.3;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Plans for the years a project builds in, each a share of the total, never more than the total together. */
export function plansFor(r: Random, total: number, years: number[]): Record<number, number> {
  const plans: Record<number, number> = {};
  let left = total;
  for (const y of years) {
    const amount = Math.min(left, Math.round((total * r.int(15, 40)) / 100));
    plans[y] = amount;
    left -= amount;
  }
  return plans;
}
