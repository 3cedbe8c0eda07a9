import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createReportBody } from '../../reports/reports.schemas.js';
import { quickReportCheck, type ReportInput } from './report-check.js';

const yuanLike = fc.oneof(
  fc.constantFrom('0', '12.5', '125400000000', '0.01', '9999999999999999.99', '1.234', '-1', '1e5', ' 3', '', '０', '12,5', '10000000000000000'),
  fc.stringMatching(/^-?\d{0,19}(\.\d{0,3})?$/),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.oneof(a, fc.constant(null), fc.constant(undefined));
const input: fc.Arbitrary<ReportInput> = fc.record({
  period: maybe(fc.oneof(fc.constantFrom('2022-03', '2022-13', '2022-3', '22-03', '2022-03 '), fc.stringMatching(/^\d{4}-\d{2}$/))),
  completedInvestment: maybe(yuanLike),
  funds: fc.dictionary(fc.constantFrom('outOfProvince', 'inProvince', 'foreign', 'centralBudget', 'specialBonds', 'bankLoans', 'selfRaised', 'other'), maybe(yuanLike)),
  physicalProgress: maybe(fc.oneof(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(2001)), fc.constant(5))),
  progressPercent: maybe(fc.oneof(fc.double(), fc.integer({ min: -5, max: 105 }), fc.constant('50'))),
  workersOnSite: maybe(fc.oneof(fc.integer({ min: -2, max: 1_000_002 }), fc.double(), fc.constant('3'))),
  workersExpected: maybe(fc.oneof(fc.integer({ min: -2, max: 1_000_002 }), fc.constant(1.5))),
  narrative: maybe(fc.oneof(fc.string({ maxLength: 10 }), fc.constant('x'.repeat(4001)))),
});

describe('the precompiled report check', () => {
  it('accepts only what the API schema accepts, with the same values out', () => {
    fc.assert(
      fc.property(input, (i) => {
        const quick = quickReportCheck(i);
        if (!quick) return;
        const parsed = createReportBody.safeParse(i);
        expect(parsed.success).toBe(true);
        const strip = (o: object) => JSON.parse(JSON.stringify(o));
        expect(strip(quick)).toEqual(strip(parsed.data!));
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the rows of an ordinary monthly report sheet', () => {
    const funds = { outOfProvince: '120000', inProvince: '0', foreign: '0', centralBudget: '0', specialBonds: '0', bankLoans: '5000.5', selfRaised: '123400' };
    const row = { period: '2022-03', completedInvestment: '41232500', funds, physicalProgress: '主体施工', progressPercent: 45, workersOnSite: 120, workersExpected: null, narrative: null };
    expect(quickReportCheck(row)).toEqual(createReportBody.parse(row));
  });
});
