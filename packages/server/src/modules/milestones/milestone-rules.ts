import { chinaDate } from '@guatu/core';
import type { Issue } from '../../http/errors.js';

/** Rules every write of a milestone keeps: a name for `other` nodes, and no actual date in the future. */
export function milestoneIssues(input: { kind: string; name?: string | null | undefined; actualOn?: string | null | undefined }): Issue[] {
  const issues: Issue[] = [];
  if (input.kind === 'other' && !input.name?.trim()) issues.push({ field: 'name', rule: 'milestone.nameRequired' });
  if (input.actualOn && input.actualOn > chinaDate()) issues.push({ field: 'actualOn', rule: 'stage.dateInFuture' });
  return issues;
}

