/**
 * The monthly report (月度调度) workflow. A county reporter saves and submits; a prefecture reviewer
 * approves or returns it with a comment. An approved report is frozen; only an explicit, recorded
 * reopen lets it change again.
 */
export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_ACTIONS = ['save', 'submit', 'approve', 'return', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

const RULES: Record<ReportAction, { from: readonly ReportStatus[]; to: ReportStatus | 'same'; needsComment: boolean }> = {
  save: { from: ['draft', 'returned'], to: 'same', needsComment: false },
  submit: { from: ['draft', 'returned'], to: 'submitted', needsComment: false },
  approve: { from: ['submitted'], to: 'approved', needsComment: false },
  return: { from: ['submitted'], to: 'returned', needsComment: true },
  reopen: { from: ['approved'], to: 'returned', needsComment: true },
};

export type ReportActionCheck =
  | { ok: true; to: ReportStatus }
  | { ok: false; rule: 'report.illegalAction'; allowed: ReportAction[] }
  | { ok: false; rule: 'report.commentRequired' };

export function allowedReportActions(status: ReportStatus): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => RULES[a].from.includes(status));
}

export function checkReportAction(status: ReportStatus, action: ReportAction, comment?: string | null): ReportActionCheck {
  const rule = RULES[action];
  if (!rule.from.includes(status)) return { ok: false, rule: 'report.illegalAction', allowed: allowedReportActions(status) };
  if (rule.needsComment && !comment?.trim()) return { ok: false, rule: 'report.commentRequired' };
  return { ok: true, to: rule.to === 'same' ? status : rule.to };
}

/** Which side of the workflow performs each action. */
export const REPORT_ACTION_SIDE: Record<ReportAction, 'reporter' | 'reviewer'> = {
  save: 'reporter',
  submit: 'reporter',
  approve: 'reviewer',
  return: 'reviewer',
  reopen: 'reviewer',
};

/** Only figures in approved reports count in statistics. */
export function countsInStatistics(status: ReportStatus): boolean {
  return status === 'approved';
}

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

export function previousPeriod(period: string, months = 1): string {
  return shiftPeriod(period, -months);
}

export function shiftPeriod(period: string, months: number): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`not a period: ${period}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The day a period's report is due: day `dueDay` of the following month (ISO date). */
export function reportDeadline(period: string, dueDay = 5): string {
  return `${shiftPeriod(period, 1)}-${String(dueDay).padStart(2, '0')}`;
}

export function isReportLate(period: string, status: ReportStatus | null, today: string, dueDay = 5): boolean {
  if (status === 'submitted' || status === 'approved') return false;
  return today > reportDeadline(period, dueDay);
}
