import { describe, expect, it } from 'vitest';
import { allowedReportActions, checkReportAction, isReportLate, reportDeadline, shiftPeriod } from './report-workflow.js';
import { checkProblemAction, isProblemOverdue } from './problem-workflow.js';

describe('monthly report workflow', () => {
  it('goes draft → submitted → returned → submitted → approved', () => {
    expect(checkReportAction('draft', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(checkReportAction('submitted', 'return', '投资数据与台账不符')).toEqual({ ok: true, to: 'returned' });
    expect(checkReportAction('returned', 'submit')).toEqual({ ok: true, to: 'submitted' });
    expect(checkReportAction('submitted', 'approve')).toEqual({ ok: true, to: 'approved' });
  });

  it('requires a comment to return or reopen', () => {
    expect(checkReportAction('submitted', 'return', '  ')).toEqual({ ok: false, rule: 'report.commentRequired' });
    expect(checkReportAction('approved', 'reopen')).toEqual({ ok: false, rule: 'report.commentRequired' });
  });

  it('keeps an approved report frozen except for reopen', () => {
    expect(allowedReportActions('approved')).toEqual(['reopen']);
    expect(checkReportAction('approved', 'save')).toEqual({ ok: false, rule: 'report.illegalAction', allowed: ['reopen'] });
    expect(checkReportAction('approved', 'reopen', '数据更正')).toEqual({ ok: true, to: 'returned' });
  });

  it('does not let a reviewer approve a draft', () => {
    expect(checkReportAction('draft', 'approve').ok).toBe(false);
  });

  it('knows periods and deadlines', () => {
    expect(shiftPeriod('2022-01', -1)).toBe('2021-12');
    expect(shiftPeriod('2021-12', 1)).toBe('2022-01');
    expect(shiftPeriod('2022-03', -12)).toBe('2021-03');
    expect(reportDeadline('2022-12')).toBe('2023-01-05');
    expect(isReportLate('2022-01', 'draft', '2022-02-06')).toBe(true);
    expect(isReportLate('2022-01', null, '2022-02-05')).toBe(false);
    expect(isReportLate('2022-01', 'submitted', '2022-03-01')).toBe(false);
  });
});

describe('problem workflow (挂图销号)', () => {
  it('is ticked off only after a resolution is confirmed', () => {
    expect(checkProblemAction('open', 'accept', {})).toEqual({ ok: true, to: 'in_progress' });
    expect(checkProblemAction('in_progress', 'resolve', {})).toEqual({ ok: false, rule: 'problem.missing', field: 'resolution' });
    expect(checkProblemAction('in_progress', 'resolve', { resolution: '已协调供电部门接入' })).toEqual({ ok: true, to: 'resolved' });
    expect(checkProblemAction('resolved', 'confirm', {})).toEqual({ ok: true, to: 'closed' });
    expect(checkProblemAction('closed', 'resolve', { resolution: 'x' }).ok).toBe(false);
  });

  it('goes up to a coordination meeting and comes back with a decision', () => {
    expect(checkProblemAction('in_progress', 'escalate', {})).toEqual({ ok: false, rule: 'problem.missing', field: 'meeting' });
    expect(checkProblemAction('in_progress', 'escalate', { meeting: { title: '第3次协商会办' } })).toEqual({ ok: true, to: 'escalated' });
    expect(checkProblemAction('escalated', 'decide', { decision: '由州发改委牵头' })).toEqual({ ok: true, to: 'in_progress' });
  });

  it('derives overdue from the due date', () => {
    expect(isProblemOverdue({ status: 'open', dueOn: '2022-03-01' }, '2022-03-02')).toBe(true);
    expect(isProblemOverdue({ status: 'closed', dueOn: '2022-03-01' }, '2022-03-02')).toBe(false);
    expect(isProblemOverdue({ status: 'open', dueOn: null }, '2022-03-02')).toBe(false);
  });
});
