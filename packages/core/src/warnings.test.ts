import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessedPeriod, investmentLight, isMilestoneOverdue, isValidThresholds, projectLight, timeElapsedPercent } from './warnings.js';

describe('assessedPeriod and timeElapsedPercent', () => {
  it('judges the month before the date, whose report is in', () => {
    expect(assessedPeriod('2022-03-15')).toBe('2022-02');
    expect(assessedPeriod('2022-01-10')).toBe('2021-12');
  });
  it('gives the elapsed share of the year at the end of a month', () => {
    expect(timeElapsedPercent('2022-02')).toBe('16.67');
    expect(timeElapsedPercent('2022-06')).toBe('50.00');
    expect(timeElapsedPercent('2022-12')).toBe('100.00');
  });
});

describe('investmentLight', () => {
  // End of June: half the year has passed. A plan of 1200万 should have 600万 done.
  const at = (done: string, thresholds?: { yellow: number; red: number }) =>
    investmentLight({ annualPlan: '12000000', completedYearToDate: done, period: '2022-06', thresholds });

  it.each([
    ['6000000', 'green', '0.00'],
    ['4800001', 'green', '10.00'], // 9.999992 points behind
    ['4800000', 'yellow', '10.00'], // exactly 10 points behind
    ['2400000', 'yellow', '30.00'], // exactly 30 points: still yellow
    ['2399999', 'red', '30.00'], // just beyond 30
    ['0', 'red', '50.00'],
    ['12000000', 'green', '-50.00'],
  ])('with %s done by June it is %s (lag %s points)', (done, light, lag) => {
    expect(at(done)).toMatchObject({ light, lagPoints: lag, elapsedPercent: '50.00' });
  });

  it('uses the thresholds it is given', () => {
    expect(at('5000000', { yellow: 5, red: 9 }).light).toBe('yellow');
    expect(at('4000000', { yellow: 5, red: 9 }).light).toBe('red');
    expect(at('5000000', { yellow: 8.33, red: 20 }).light).toBe('yellow');
    expect(at('5000000', { yellow: 8.34, red: 20 }).light).toBe('green');
  });

  it('gives no light without a plan for the year', () => {
    expect(investmentLight({ annualPlan: null, completedYearToDate: '100', period: '2022-06' }).light).toBeNull();
    expect(investmentLight({ annualPlan: '0', completedYearToDate: '0', period: '2022-06' }).light).toBeNull();
  });

  it('agrees with the lag it reports, for any plan and progress', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 1, max: 12 }), (plan, done, month) => {
        const period = `2022-${String(month).padStart(2, '0')}`;
        const r = investmentLight({ annualPlan: String(plan), completedYearToDate: String(done), period });
        const exactLag = (month / 12) * 100 - (Number(done) / Number(plan)) * 100;
        if (exactLag > 30.0001) expect(r.light).toBe('red');
        if (exactLag < 29.9999 && exactLag > 10.0001) expect(r.light).toBe('yellow');
        if (exactLag < 9.9999) expect(r.light).toBe('green');
      }),
    );
  });
});

describe('projectLight', () => {
  it('is red only from investment, and yellow for any overdue item', () => {
    expect(projectLight({ investment: 'red', overdueMilestones: 0, overdueProblems: 0 })).toEqual({ light: 'red', reasons: ['investment-red'] });
    expect(projectLight({ investment: 'green', overdueMilestones: 2, overdueProblems: 0 })).toEqual({ light: 'yellow', reasons: ['milestone-overdue'] });
    expect(projectLight({ investment: null, overdueMilestones: 0, overdueProblems: 1 })).toEqual({ light: 'yellow', reasons: ['problem-overdue'] });
    expect(projectLight({ investment: 'yellow', overdueMilestones: 1, overdueProblems: 1 }).reasons).toEqual(['investment-yellow', 'milestone-overdue', 'problem-overdue']);
    expect(projectLight({ investment: null, overdueMilestones: 0, overdueProblems: 0 })).toEqual({ light: 'green', reasons: [] });
  });
});

describe('isMilestoneOverdue and isValidThresholds', () => {
  it('flags a planned date that has passed without an actual date', () => {
    expect(isMilestoneOverdue({ plannedOn: '2022-03-01', actualOn: null }, '2022-03-02')).toBe(true);
    expect(isMilestoneOverdue({ plannedOn: '2022-03-01', actualOn: null }, '2022-03-01')).toBe(false);
    expect(isMilestoneOverdue({ plannedOn: '2022-03-01', actualOn: '2022-04-01' }, '2022-05-01')).toBe(false);
  });
  it('accepts thresholds in order, within 0–100, with at most 2 decimals', () => {
    expect(isValidThresholds({ yellow: 10, red: 30 })).toBe(true);
    expect(isValidThresholds({ yellow: 30, red: 10 })).toBe(false);
    expect(isValidThresholds({ yellow: 10.001, red: 30 })).toBe(false);
    expect(isValidThresholds({ yellow: -1, red: 30 })).toBe(false);
  });
});
