import type { CreateProjectInput } from './projects.schemas.js';

/**
 * A project's own columns from the API's project body: what POST /projects and a spreadsheet's
 * project rows write alike. Code, stage and who created it are the caller's.
 */
export function projectColumns(input: CreateProjectInput, updatedBy: number | null) {
  return {
    name: input.name,
    kind: input.kind,
    regionCode: input.regionCode,
    locationRegionCode: input.locationRegionCode ?? null,
    longitude: input.longitude ?? null,
    latitude: input.latitude ?? null,
    categoryCode: input.categoryCode,
    level: input.level,
    signedOn: input.signedOn ?? null,
    startedOn: input.startedOn ?? null,
    completedOn: input.completedOn ?? null,
    totalInvestment: input.totalInvestment,
    agreementAmount: input.agreementAmount ?? null,
    investorEnterpriseId: input.investorEnterpriseId ?? null,
    liaisonLeaderName: input.liaisonLeader?.name ?? null,
    liaisonLeaderTitle: input.liaisonLeader?.title ?? null,
    workingTeam: input.workingTeam ?? null,
    caseFile: input.caseFile ?? null,
    attributes: input.attributes,
    description: input.description ?? null,
    updatedBy,
  };
}
