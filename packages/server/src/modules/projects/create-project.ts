import { STAGE_DATE_FIELD, chinaDate } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { conflict, forbidden } from '../../http/errors.js';
import { diff, recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findProject, insertProject, insertStageChange, projectCodeExists, replaceAnnualPlans } from './projects.repository.js';
import type { CreateProjectInput } from './projects.schemas.js';
import { validateProjectFacts } from './validate-project.js';
import { projectColumns } from './project-columns.js';
import { auditView, presentProject } from './present-project.js';

export async function createProject(database: Database, actor: Actor, input: CreateProjectInput) {
  if (!may.editProjects(actor)) throw forbidden('role');
  await validateProjectFacts(database.db, actor, input, { checkEntryStage: true });
  if (await projectCodeExists(database.db, input.code)) throw conflict('code', 'projectCode.taken', { value: input.code });

  return database.db.transaction(async (tx) => {
    const dateField = STAGE_DATE_FIELD[input.stage];
    const id = await insertProject(tx, {
      ...projectColumns(input, actor.userId || null),
      code: input.code,
      stage: input.stage,
      stageChangedOn: (dateField && input[dateField]) || chinaDate(),
      createdBy: actor.userId || null,
    });
    await replaceAnnualPlans(tx, id, input.annualPlans);
    await insertStageChange(tx, {
      projectId: id,
      fromStage: null,
      toStage: input.stage,
      effectiveOn: (dateField && input[dateField]) || chinaDate(),
      note: 'recorded',
      changedBy: actor.userId || null,
    });
    const created = presentProject(actor, (await findProject(tx, actor, id))!);
    await recordAudit(tx, actor, { action: 'project.create', entity: 'project', entityId: id, changes: diff(null, auditView(created)) });
    return created;
  });
}
