import type { TemplateBody } from '@guatu/core';
import type { Actor } from '../../policies/actor.js';
import { may } from '../../policies/abilities.js';
import { mayChangeTemplate, type TemplateRow } from './templates.repository.js';
import type { TemplateResponse } from './bulletins.schemas.js';

type Version = { version: number; name: string; savedAt: Date; savedByName: string | null };

export function presentTemplateSummary(actor: Actor, row: TemplateRow) {
  const t = row.template;
  return {
    id: t.id,
    code: t.code,
    name: t.name,
    description: t.description,
    regionCode: t.regionCode,
    regionName: row.regionName,
    version: t.version,
    needs: t.body.needs,
    updatedAt: t.updatedAt.toISOString(),
    abilities: { update: may.editTemplates(actor) && mayChangeTemplate(actor, row), generate: may.writeBulletins(actor) },
  };
}

/** A template with its body (the current one, or an earlier version's) and the list of its versions. */
export function presentTemplate(actor: Actor, row: TemplateRow, versions: Version[], shown?: { version: number; name: string; body: TemplateBody }): TemplateResponse {
  const summary = presentTemplateSummary(actor, row);
  return {
    ...summary,
    ...(shown ? { version: shown.version, name: shown.name } : {}),
    body: (shown?.body ?? row.template.body) as unknown as Record<string, unknown>,
    versions: versions.map((v) => ({ version: v.version, name: v.name, savedAt: v.savedAt.toISOString(), savedByName: v.savedByName })),
  };
}
