import { describe, expect, it } from 'vitest';
import { measureValueKind, parseMeasure, parseRange, quarterOf, shiftDateYears, shiftMeasureYear } from './stats.js';

describe('parseMeasure', () => {
  it.each([
    ['count', { kind: 'count' }],
    ['totalInvestment', { kind: 'totalInvestment' }],
    ['plannedInvestment:2022', { kind: 'plannedInvestment', year: 2022 }],
    ['completedInvestment:2022-01..2022-03', { kind: 'completedInvestment', from: '2022-01', to: '2022-03' }],
    ['fundsInPlace:2022-01..2022-01:outOfProvince', { kind: 'fundsInPlace', from: '2022-01', to: '2022-01', source: 'outOfProvince' }],
    ['fundsInPlace:..2022-01', { kind: 'fundsInPlace', from: null, to: '2022-01', source: null }],
    ['fundsInPlace:2022-01', { kind: 'fundsInPlace', from: '2022-01', to: '2022-01', source: null }],
    ['attr:capacityKw', { kind: 'attr', key: 'capacityKw' }],
    ['yoy:fundsInPlace:2022-01..2022-01:outOfProvince', { kind: 'yoy', of: { kind: 'fundsInPlace', from: '2022-01', to: '2022-01', source: 'outOfProvince' } }],
    ['lastYear:count', { kind: 'lastYear', of: { kind: 'count' } }],
  ])('reads %s', (text, measure) => expect(parseMeasure(text)).toEqual({ ok: true, measure }));

  it.each([
    ['sum', 'stats.unknownMeasure'],
    ['plannedInvestment:22', 'stats.unknownMeasure'],
    ['attr:colour', 'stats.unknownMeasure'],
    ['fundsInPlace:2022-01..2022-13', 'stats.unknownMeasure'],
    ['fundsInPlace:2022-01:gold', 'stats.unknownMeasure'],
    ['completedInvestment:2022-01..2022-02:outOfProvince', 'stats.unknownMeasure'],
    ['yoy:yoy:count', 'stats.unknownMeasure'],
    ['completedInvestment:2022-03..2022-01', 'stats.rangeOrder'],
  ])('refuses %s with %s', (text, rule) => expect(parseMeasure(text)).toEqual({ ok: false, rule }));

  it('knows each subject’s own measures', () => {
    expect(parseMeasure('visits', 'enterprises')).toEqual({ ok: true, measure: { kind: 'visits' } });
    expect(parseMeasure('visits', 'projects').ok).toBe(false);
    expect(parseMeasure('totalInvestment', 'groups').ok).toBe(false);
    expect(parseMeasure('yoy:count', 'enterprises').ok).toBe(false);
  });
});

describe('shifting a year back', () => {
  it('moves plans and month ranges, and leaves other measures alone', () => {
    expect(shiftMeasureYear({ kind: 'plannedInvestment', year: 2022 })).toEqual({ kind: 'plannedInvestment', year: 2021 });
    expect(shiftMeasureYear({ kind: 'fundsInPlace', from: '2022-01', to: '2022-01', source: 'outOfProvince' })).toEqual({
      kind: 'fundsInPlace',
      from: '2021-01',
      to: '2021-01',
      source: 'outOfProvince',
    });
    expect(shiftMeasureYear({ kind: 'completedInvestment', from: null, to: '2022-03' })).toEqual({ kind: 'completedInvestment', from: null, to: '2021-03' });
    expect(shiftMeasureYear({ kind: 'count' })).toEqual({ kind: 'count' });
  });
  it('shifts dates, keeping 29 February inside the calendar', () => {
    expect(shiftDateYears('2022-03-31', -1)).toBe('2021-03-31');
    expect(shiftDateYears('2024-02-29', -1)).toBe('2023-02-28');
  });
});

describe('helpers', () => {
  it('reads ranges, quarters and value kinds', () => {
    expect(parseRange('2022-01..2022-03')).toEqual({ from: '2022-01', to: '2022-03' });
    expect(parseRange('2022-1..2022-03')).toBeNull();
    expect(quarterOf('2022-02-25')).toBe('2022-Q1');
    expect(quarterOf('2022-12-01')).toBe('2022-Q4');
    expect(measureValueKind({ kind: 'count' })).toBe('integer');
    expect(measureValueKind({ kind: 'yoy', of: { kind: 'count' } })).toBe('percent');
    expect(measureValueKind({ kind: 'lastYear', of: { kind: 'totalInvestment' } })).toBe('yuan');
    expect(measureValueKind({ kind: 'attr', key: 'capacityKw' })).toBe('decimal');
  });
});
