import type { Db } from '../../db/client.js';
import type { Issue } from '../../http/errors.js';
import type { Actor } from '../../policies/actor.js';
import { projectsInScope } from './projects.repository.js';

/**
 * Checks projects named as members of a batch, key list or similar: each must exist inside the
 * actor's scope (otherwise it is reported as unknown, never as "outside your area") and lie inside
 * the owning region. Returns the issues, empty when all is well.
 */
export async function memberIssues(db: Db, actor: Actor, ids: number[], region: { code: string; path: string }, field: string): Promise<Issue[]> {
  const found = await projectsInScope(db, actor, [...new Set(ids)]);
  const byId = new Map(found.map((p) => [p.id, p]));
  const unknown = ids.filter((id) => !byId.has(id));
  const outside = found.filter((p) => !p.regionPath.startsWith(region.path)).map((p) => p.id);
  const issues: Issue[] = [];
  if (unknown.length) issues.push({ field, rule: 'project.unknown', params: { values: unknown } });
  if (outside.length) issues.push({ field, rule: 'project.outsideRegion', params: { values: outside, value: region.code } });
  return issues;
}
