/**
 * 挂图销号: a problem is taken in hand, resolved with a resolution, and ticked off (销号) only when
 * the raiser accepts the resolution. What a county cannot solve goes up to a coordination meeting
 * (协商会办); its decision is recorded and the problem goes back into hand.
 */
export const PROBLEM_STATUSES = ['open', 'in_progress', 'resolved', 'closed', 'escalated'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_ACTIONS = ['accept', 'resolve', 'confirm', 'reject', 'escalate', 'decide'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

const RULES: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus; needs: 'resolution' | 'comment' | 'meeting' | 'decision' | null }> = {
  accept: { from: ['open'], to: 'in_progress', needs: null },
  resolve: { from: ['open', 'in_progress'], to: 'resolved', needs: 'resolution' },
  confirm: { from: ['resolved'], to: 'closed', needs: null },
  reject: { from: ['resolved'], to: 'in_progress', needs: 'comment' },
  escalate: { from: ['open', 'in_progress'], to: 'escalated', needs: 'meeting' },
  decide: { from: ['escalated'], to: 'in_progress', needs: 'decision' },
};

export function allowedProblemActions(status: ProblemStatus): ProblemAction[] {
  return PROBLEM_ACTIONS.filter((a) => RULES[a].from.includes(status));
}

export type ProblemActionCheck =
  | { ok: true; to: ProblemStatus }
  | { ok: false; rule: 'problem.illegalAction'; allowed: ProblemAction[] }
  | { ok: false; rule: 'problem.missing'; field: 'resolution' | 'comment' | 'meeting' | 'decision' };

export function checkProblemAction(
  status: ProblemStatus,
  action: ProblemAction,
  given: { resolution?: string | null; comment?: string | null; meeting?: unknown; decision?: string | null },
): ProblemActionCheck {
  const rule = RULES[action];
  if (!rule.from.includes(status)) return { ok: false, rule: 'problem.illegalAction', allowed: allowedProblemActions(status) };
  if (rule.needs === 'meeting' ? !given.meeting : rule.needs && !String(given[rule.needs] ?? '').trim()) {
    return { ok: false, rule: 'problem.missing', field: rule.needs! };
  }
  return { ok: true, to: rule.to };
}

/** Only the raiser ticks a problem off, or sends it back. */
export const RAISER_ONLY: ReadonlySet<ProblemAction> = new Set(['confirm', 'reject']);

export function isProblemOpen(status: ProblemStatus): boolean {
  return status !== 'closed';
}

/** Overdue is derived from the due date, never stored: an open item past its day. */
export function isProblemOverdue(p: { status: ProblemStatus; dueOn: string | null }, today: string): boolean {
  return isProblemOpen(p.status) && p.status !== 'resolved' && p.dueOn !== null && p.dueOn < today;
}
