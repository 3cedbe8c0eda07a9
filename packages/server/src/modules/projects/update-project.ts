import type { Database } from '../../db/client.js';
import { forbidden, notFound, staleVersion } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject, replaceAnnualPlans, updateProjectIfVersion } from './projects.repository.js';
import type { UpdateProjectInput } from './projects.schemas.js';
import { validateProjectFacts } from './validate-project.js';
import { auditView, presentProject } from './present-project.js';

/**
 * A partial update made against the version the user read. If someone saved in between, the
 * update is refused with 409 and who changed it; nothing is overwritten.
 */
export async function updateProject(database: Database, actor: Actor, id: number, input: UpdateProjectInput) {
  if (!may.editProjects(actor)) throw forbidden('role');
  const current = await findProject(database.db, actor, id);
  if (!current) throw notFound('project');
  const before = presentProject(actor, current);
  if (input.version !== before.version) throw staleVersion({ ...current.project, updatedByName: current.updatedByName });

  const merged = {
    kind: input.kind ?? before.kind,
    regionCode: input.regionCode ?? before.regionCode,
    locationRegionCode: input.locationRegionCode === undefined ? before.locationRegionCode : input.locationRegionCode,
    categoryCode: input.categoryCode ?? before.categoryCode,
    totalInvestment: input.totalInvestment ?? before.totalInvestment,
    agreementAmount: input.agreementAmount === undefined ? before.agreementAmount : input.agreementAmount,
    annualPlans: input.annualPlans ?? before.annualPlans,
    investorEnterpriseId: input.investorEnterpriseId === undefined ? (before.investor?.id ?? null) : input.investorEnterpriseId,
    stage: before.stage,
  };
  await validateProjectFacts(database.db, actor, merged, { checkEntryStage: false });

  return database.db.transaction(async (tx) => {
    const set = {
      ...pick(input, ['name', 'kind', 'regionCode', 'locationRegionCode', 'longitude', 'latitude', 'categoryCode', 'level', 'totalInvestment', 'agreementAmount', 'investorEnterpriseId', 'workingTeam', 'caseFile', 'attributes', 'description']),
      ...(input.liaisonLeader !== undefined ? { liaisonLeaderName: input.liaisonLeader?.name ?? null, liaisonLeaderTitle: input.liaisonLeader?.title ?? null } : {}),
      updatedBy: actor.userId || null,
    };
    if (!(await updateProjectIfVersion(tx, id, input.version, set))) {
      const now = await findProject(tx, actor, id);
      throw staleVersion({ ...now!.project, updatedByName: now!.updatedByName });
    }
    if (input.annualPlans) await replaceAnnualPlans(tx, id, input.annualPlans);
    const after = presentProject(actor, (await findProject(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'project.update', entity: 'project', entityId: id, changes: diff(auditView(before), auditView(after)) });
    return after;
  });
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k] ?? (null as T[K]);
  return out;
}
