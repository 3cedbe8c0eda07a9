import { ENTRY_STAGES, STAGE_LABELS, KIND_LABELS, chinaDate, isEntryStage, sumYuan, compareYuan, type ProjectKind, type Stage } from '@guatu/core';
import type { Db } from '../../db/client.js';
import { invalid, outOfScope, type Issue } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { findRegion } from '../regions/regions.repository.js';
import { findCategory } from '../catalog/catalog.repository.js';
import { findEnterprise } from '../enterprises/enterprises.repository.js';

export interface ProjectFacts {
  kind: ProjectKind;
  regionCode: string;
  locationRegionCode?: string | null | undefined;
  categoryCode: string;
  totalInvestment: string;
  agreementAmount?: string | null | undefined;
  annualPlans: { year: number; amount: string }[];
  investorEnterpriseId?: number | null | undefined;
  stage: Stage;
  signedOn?: string | null | undefined;
  startedOn?: string | null | undefined;
  completedOn?: string | null | undefined;
}

/** What the checks need to know about the codes a project names. */
export interface FactLookups {
  region: { level: string; path: string } | null;
  location: { level: string } | null;
  categoryExists: boolean;
  investorFound: boolean;
}

/**
 * Checks a project's facts against the code lists and the rules that span fields. Every problem
 * is collected, so the user sees all of them at once. A responsible region outside the actor's
 * area is a 403 of its own.
 */
export async function validateProjectFacts(db: Db, actor: Actor, facts: ProjectFacts, options: { checkEntryStage: boolean }): Promise<void> {
  const [region, location, category, investor] = await Promise.all([
    findRegion(db, facts.regionCode),
    facts.locationRegionCode ? findRegion(db, facts.locationRegionCode) : null,
    findCategory(db, facts.categoryCode),
    facts.investorEnterpriseId ? findEnterprise(db, actor, facts.investorEnterpriseId) : null,
  ]);
  const issues = projectFactIssues(actor, facts, { region, location, categoryExists: !!category, investorFound: !!investor }, options);
  const scope = issues.find((i) => i.rule === 'region.outOfScope');
  if (scope) throw outOfScope(scope.field, facts.regionCode);
  if (issues.length) throw invalid(issues);
}

/**
 * The same checks with the lookups done by the caller, so a bulk import can load every region,
 * category and enterprise once and check thousands of rows by the rules of a single request.
 * An out-of-scope region is reported as the issue `region.outOfScope`.
 */
export function projectFactIssues(actor: Pick<Actor, 'regionPath'>, facts: ProjectFacts, found: FactLookups, options: { checkEntryStage: boolean }): Issue[] {
  const issues: Issue[] = [];
  const { region, location } = found;
  if (!region) issues.push({ field: 'regionCode', rule: 'region.unknown', params: { value: facts.regionCode } });
  else if (region.level === 'province') issues.push({ field: 'regionCode', rule: 'region.levelForResponsibility' });
  else if (!region.path.startsWith(actor.regionPath)) return [{ field: 'regionCode', rule: 'region.outOfScope', params: { value: facts.regionCode } }];

  if (facts.locationRegionCode) {
    if (!location) issues.push({ field: 'locationRegionCode', rule: 'region.unknown', params: { value: facts.locationRegionCode } });
    else if (location.level !== 'county' && location.level !== 'zone') issues.push({ field: 'locationRegionCode', rule: 'region.notCounty' });
  }
  if (!found.categoryExists) issues.push({ field: 'categoryCode', rule: 'category.unknown', params: { value: facts.categoryCode } });
  if (facts.investorEnterpriseId && !found.investorFound) {
    issues.push({ field: 'investorEnterpriseId', rule: 'enterprise.unknown', params: { value: facts.investorEnterpriseId } });
  }

  const years = new Set<number>();
  facts.annualPlans.forEach((p, i) => {
    if (years.has(p.year)) issues.push({ field: `annualPlans.${i}.year`, rule: 'plans.duplicateYear', params: { value: p.year } });
    years.add(p.year);
  });
  const planned = sumYuan(facts.annualPlans.map((p) => p.amount));
  if (compareYuan(planned, facts.totalInvestment) > 0) {
    issues.push({ field: 'annualPlans', rule: 'plans.exceedTotal', params: { sum: planned, total: facts.totalInvestment } });
  }

  if (options.checkEntryStage && !isEntryStage(facts.kind, facts.stage)) {
    issues.push({
      field: 'stage',
      rule: 'stage.notEntry',
      params: {
        value: facts.stage,
        kind: KIND_LABELS[facts.kind]!.zh,
        values: ENTRY_STAGES[facts.kind].map((s) => `${s}（${STAGE_LABELS[s]!.zh}）`),
      },
    });
  }
  if (options.checkEntryStage) issues.push(...stageDateIssues(facts));
  return issues;
}

export function stageDateIssues(f: ProjectFacts): Issue[] {
  const issues: Issue[] = [];
  const today = chinaDate();
  const need = (field: 'signedOn' | 'startedOn' | 'completedOn') => {
    if (!f[field]) issues.push({ field, rule: 'stage.dateRequired', params: { value: f.stage } });
  };
  if (f.stage === 'signed') {
    need('signedOn');
    if (!f.agreementAmount) issues.push({ field: 'agreementAmount', rule: 'stage.needsAgreement' });
  }
  if (f.stage === 'construction' || f.stage === 'completed' || f.stage === 'operating') need('startedOn');
  if (f.stage === 'completed' || f.stage === 'operating') need('completedOn');
  for (const field of ['signedOn', 'startedOn', 'completedOn'] as const) {
    if (f[field] && f[field]! > today) issues.push({ field, rule: 'stage.dateInFuture' });
  }
  if (f.startedOn && f.completedOn && f.completedOn < f.startedOn) {
    issues.push({ field: 'completedOn', rule: 'date.order', params: { other: '开工日期 / start date' } });
  }
  return issues;
}
