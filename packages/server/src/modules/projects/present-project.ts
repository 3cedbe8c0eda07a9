import { normalizeYuan, type Stage } from '@guatu/core';
import type { Actor } from '../../policies/actor.js';
import { projectAbilities } from '../../policies/abilities.js';
import type { ProjectDetailRow } from './projects.repository.js';
import type { ProjectBody } from './projects.schemas.js';

/** A project as the API shows it: amounts in canonical yuan, names resolved, and what the user may do with it. */
export function presentProject(actor: Actor, row: ProjectDetailRow): ProjectBody {
  const p = row.project;
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    kind: p.kind,
    regionCode: p.regionCode,
    regionName: row.regionName,
    managedByPrefecture: row.regionLevel === 'prefecture',
    locationRegionCode: p.locationRegionCode,
    locationRegionName: row.locationRegionName,
    longitude: p.longitude,
    latitude: p.latitude,
    categoryCode: p.categoryCode,
    categoryName: row.categoryName,
    level: p.level,
    stage: p.stage,
    suspendedFrom: p.suspendedFrom,
    stageChangedOn: p.stageChangedOn,
    signedOn: p.signedOn,
    startedOn: p.startedOn,
    completedOn: p.completedOn,
    totalInvestment: normalizeYuan(p.totalInvestment)!,
    agreementAmount: normalizeYuan(p.agreementAmount),
    annualPlans: row.annualPlans.map((a) => ({ year: a.year, amount: normalizeYuan(a.amount)! })),
    investor: p.investorEnterpriseId
      ? {
          id: p.investorEnterpriseId,
          name: row.investorName!,
          creditCode: row.investorCreditCode!,
          homeProvinceCode: row.investorProvinceCode,
          homeProvinceName: row.investorProvinceName,
        }
      : null,
    liaisonLeader: p.liaisonLeaderName ? { name: p.liaisonLeaderName, title: p.liaisonLeaderTitle } : null,
    workingTeam: p.workingTeam,
    caseFile: p.caseFile,
    attributes: p.attributes,
    description: p.description,
    version: p.version,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    updatedByName: row.updatedByName,
    abilities: projectAbilities(actor, { kind: p.kind, stage: p.stage as Stage, suspendedFrom: p.suspendedFrom as Stage | null }),
  };
}

/** The fields an audit event compares, flattened so before/after read field by field. */
export function auditView(body: ProjectBody): Record<string, unknown> {
  const { abilities: _a, createdAt: _c, updatedAt: _u, updatedByName: _n, regionName: _r, locationRegionName: _l, categoryName: _cn, investor, ...rest } = body;
  return { ...rest, investorEnterpriseId: investor?.id ?? null };
}
