import type { TemplateBody } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { conflict, forbidden } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { regionForWrite } from '../regions/check-region.js';
import { findTemplate, insertTemplate, insertTemplateVersion, listTemplateVersions, templateCodeTaken } from './templates.repository.js';
import { presentTemplate } from './present-template.js';
import type { CreateTemplateInput } from './bulletins.schemas.js';

/** A region's own template; it is version 1, kept for good like every later version. */
export async function createTemplate(database: Database, actor: Actor, input: CreateTemplateInput) {
  if (!may.editTemplates(actor)) throw forbidden('role');
  await regionForWrite(database.db, actor, input.regionCode);
  if (await templateCodeTaken(database.db, input.regionCode, input.code)) throw conflict('code', 'template.codeTaken', { value: input.code });
  const body = input.body as TemplateBody;
  return database.db.transaction(async (tx) => {
    const id = await insertTemplate(tx, {
      code: input.code,
      name: input.name,
      description: input.description ?? null,
      regionCode: input.regionCode,
      body,
      createdBy: actor.userId || null,
      updatedBy: actor.userId || null,
    });
    await insertTemplateVersion(tx, { templateId: id, version: 1, name: input.name, body, savedBy: actor.userId || null });
    const row = (await findTemplate(tx, actor, id))!;
    await recordAudit(tx, actor, { action: 'bulletinTemplate.create', entity: 'bulletin_template', entityId: id, changes: { code: [null, input.code], name: [null, input.name], version: [null, 1] } });
    return presentTemplate(actor, row, await listTemplateVersions(tx, id));
  });
}
