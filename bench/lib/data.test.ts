import { describe, expect, it } from 'vitest';
import { PROJECT_CODE_PATTERN, REPORTING_STAGES } from '@guatu/core';
import { LAST_PERIOD, SCALES, milestoneLines, periodsEndingAt, planLines, problemLines, projectLine, reportLines, type Reference } from './data.js';

/** The generator's rows, at the small scale: the same every time, and shaped as the tables want them. */
const ref: Reference = { counties: ['530302', '530402', '532501'], prefectures: ['530300', '532500'], categories: ['energy-industry', 'urban-renewal'], raisedBy: 1 };
// The first 100 projects of the small scale: enough to see every stage, fast enough for every run.
const ids = Array.from({ length: Math.min(100, SCALES.tiny.projects) }, (_, i) => i + 1);
const periods = periodsEndingAt(LAST_PERIOD, SCALES.tiny.months);

describe('benchmark data', () => {
  it('is the same on every run', () => {
    const run = () => ids.flatMap((id) => [projectLine(ref, id), ...planLines(ref, id), ...reportLines(id, periods), ...problemLines(ref, id, 0.4), ...milestoneLines(ref, id)]).join('\n');
    expect(run()).toBe(run());
  });

  it('gives every project 24 monthly reports ending with the last period, and valid codes, amounts and statuses', { timeout: 20_000 }, () => {
    expect(periods).toHaveLength(24);
    expect(periods.at(-1)).toBe(LAST_PERIOD);
    expect(periods[0]).toBe('2024-11');
    const codes = new Set<string>();
    for (const id of ids) {
      const [, code, , , region, , , stage] = projectLine(ref, id).split('\t');
      expect(code).toMatch(PROJECT_CODE_PATTERN);
      codes.add(code!);
      expect([...ref.counties, ...ref.prefectures]).toContain(region);
      expect(stage).toBeTruthy();
      const reports = reportLines(id, periods);
      expect(reports).toHaveLength(24);
      for (const line of reports) {
        const cells = line.split('\t');
        expect(cells).toHaveLength(12);
        expect(['draft', 'submitted', 'approved']).toContain(cells[2]);
        for (const amount of cells.slice(3, 11)) expect(amount).toMatch(/^\d+\.\d{2}$/);
      }
    }
    expect(codes.size).toBe(ids.length);
    // Enough projects report for the month-end load to have work.
    expect(ids.filter((id) => REPORTING_STAGES.includes(projectLine(ref, id).split('\t')[7] as never)).length).toBeGreaterThan(ids.length / 2);
  });
});
