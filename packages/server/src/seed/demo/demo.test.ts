import { describe, expect, it } from 'vitest';
import { PROBLEM_STATUSES, REPORT_STATUSES, isCreditCode, isProjectCode } from '@guatu/core';
import { generateDemo } from './generate.js';
import { PREFECTURES } from './places.js';

describe('the demo province generator', () => {
  const demo = generateDemo();

  it('is deterministic: the same seed gives the same province', () => {
    const again = generateDemo();
    const fingerprint = (d: typeof demo) => JSON.stringify(d.projects.map((p) => [p.code, p.name, p.total, p.plans, p.startedOn, p.longitude]));
    expect(fingerprint(again)).toBe(fingerprint(demo));
    expect(JSON.stringify(again.reports.map((r) => [r.period, r.status, r.completed, r.funds]))).toBe(JSON.stringify(demo.reports.map((r) => [r.period, r.status, r.completed, r.funds])));
  });

  it('spreads thousands of projects over all 16 prefectures, with valid national codes', () => {
    expect(demo.projects.length).toBeGreaterThan(3000);
    const prefectures = new Set(demo.projects.map((p) => (p.regionCode.endsWith('00') ? p.regionCode : `${p.regionCode.slice(0, 4)}00`)));
    expect(PREFECTURES.every((p) => prefectures.has(p.code))).toBe(true);
    expect(demo.projects.filter((p) => !isProjectCode(p.code))).toEqual([]);
    expect(new Set(demo.projects.map((p) => p.code)).size).toBe(demo.projects.length);
    expect(demo.enterprises.filter((e) => !isCreditCode(e.creditCode))).toEqual([]);
    expect(new Set(demo.enterprises.map((e) => e.creditCode)).size).toBe(demo.enterprises.length);
  });

  it('keeps each project’s facts consistent: plans within the total, dates in order, 四个一 for key projects', () => {
    for (const p of demo.projects) {
      expect(Object.values(p.plans).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(p.total);
      if (p.signedOn && p.startedOn) expect(p.signedOn <= p.startedOn, p.name).toBe(true);
      if (p.startedOn && p.completedOn) expect(p.startedOn <= p.completedOn, p.name).toBe(true);
      if (p.level === 'provincial' || p.level === 'prefectural') expect(p.liaisonLeaderName && p.workingTeam && p.caseFile).toBeTruthy();
      if (p.kind === 'investment-attraction' && p.stage !== 'lead') expect(p.investor?.homeProvinceCode).toMatch(/^\d{6}$/);
    }
  });

  it('leaves something for every worklist: reports and problems in every state, some overdue', () => {
    expect(new Set(demo.reports.map((r) => r.status))).toEqual(new Set(REPORT_STATUSES));
    expect(demo.reports.filter((r) => r.period <= '2022-09').every((r) => r.status === 'approved')).toBe(true);
    expect(new Set(demo.problems.map((p) => p.status))).toEqual(new Set(PROBLEM_STATUSES));
    expect(demo.problems.some((p) => p.dueOn < '2022-12-31' && p.status !== 'closed')).toBe(true);
    expect(demo.milestones.some((m) => m.actualOn === null && m.plannedOn < '2022-12-31')).toBe(true);
    expect(demo.visits.some((v) => v.demands.some((d) => d.problem))).toBe(true);
  });
});
