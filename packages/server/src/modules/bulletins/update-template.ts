import type { TemplateBody } from '@guatu/core';
import type { Database } from '../../db/client.js';
import { forbidden, notFound, outOfScope, staleVersion } from '../../http/errors.js';
import { recordAudit } from '../../audit/record.js';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { findTemplate, insertTemplateVersion, listTemplateVersions, mayChangeTemplate, updateTemplateIfVersion } from './templates.repository.js';
import { presentTemplate } from './present-template.js';
import type { UpdateTemplateInput } from './bulletins.schemas.js';

/**
 * Changes a template against the version read. The new body becomes a new version; bulletins
 * already generated keep their text and name the version they came from.
 */
export async function updateTemplate(database: Database, actor: Actor, id: number, input: UpdateTemplateInput) {
  if (!may.editTemplates(actor)) throw forbidden('role');
  const current = await findTemplate(database.db, actor, id);
  if (!current) throw notFound('bulletinTemplate');
  // A template of a region above the actor's is theirs to use, not to change.
  if (!mayChangeTemplate(actor, current)) throw outOfScope('regionCode', current.template.regionCode);
  const stale = () => staleVersion({ version: current.template.version, updatedAt: current.template.updatedAt, updatedByName: null });
  if (input.version !== current.template.version) throw stale();
  return database.db.transaction(async (tx) => {
    const name = input.name ?? current.template.name;
    const body = (input.body as TemplateBody | undefined) ?? current.template.body;
    const set = { name, body, ...(input.description !== undefined ? { description: input.description } : {}), updatedBy: actor.userId || null };
    if (!(await updateTemplateIfVersion(tx, id, input.version, set))) throw stale();
    const next = input.version + 1;
    await insertTemplateVersion(tx, { templateId: id, version: next, name, body, savedBy: actor.userId || null });
    const row = (await findTemplate(tx, actor, id))!;
    const changes: Record<string, [unknown, unknown]> = { version: [input.version, next] };
    if (name !== current.template.name) changes.name = [current.template.name, name];
    if (input.body) changes.body = [`version ${input.version}`, `version ${next}`];
    if (input.description !== undefined && input.description !== current.template.description) changes.description = [current.template.description, input.description];
    await recordAudit(tx, actor, { action: 'bulletinTemplate.update', entity: 'bulletin_template', entityId: id, changes });
    return presentTemplate(actor, row, await listTemplateVersions(tx, id));
  });
}
