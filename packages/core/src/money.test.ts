import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MoneyError,
  compareYuan,
  fenToYuan,
  formatYuanZh,
  growthPercent,
  normalizeYuan,
  percentOf,
  sumYuan,
  yuanInUnit,
  yuanToFen,
} from './money.js';

describe('yuanToFen', () => {
  it.each([
    ['0', 0n],
    ['1254', 125400n],
    ['57.15', 5715n],
    ['0.5', 50n],
    ['58500000000', 5850000000000n],
    ['58500000000.00', 5850000000000n],
    ['1.230', 123n],
    ['-0', 0n],
  ])('%s → %s 分', (input, fen) => expect(yuanToFen(input)).toBe(fen));

  it.each([
    ['abc', 'money.notNumber'],
    ['', 'money.notNumber'],
    ['1e9', 'money.notNumber'],
    ['1,254', 'money.notNumber'],
    ['NaN', 'money.notNumber'],
    ['-1', 'money.negative'],
    ['1.234', 'money.decimals'],
    ['10000000000000000', 'money.tooLarge'],
  ])('rejects %s with %s', (input, rule) => {
    try {
      yuanToFen(input);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MoneyError);
      expect((e as MoneyError).rule).toBe(rule);
    }
  });

  it('round-trips any amount in 分 exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 18n - 1n }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
});

describe('sums and ratios', () => {
  it('adds without binary floating error', () => {
    expect(sumYuan(['0.1', '0.2'])).toBe('0.30');
    expect(sumYuan(['10700000000', '16300000000', null])).toBe('27000000000');
    expect(sumYuan([])).toBe('0');
  });

  it('sums are exact for many random amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n })), (fens) => {
        const expected = fens.reduce((a, b) => a + b, 0n);
        expect(yuanToFen(sumYuan(fens.map(fenToYuan)))).toBe(expected);
      }),
    );
  });

  it('normalises database numerics', () => {
    expect(normalizeYuan('125400000000.00')).toBe('125400000000');
    expect(normalizeYuan('57.10')).toBe('57.10');
    expect(normalizeYuan('-3.00')).toBe('-3');
    expect(normalizeYuan(null)).toBeNull();
  });

  it('sums, normalises and formats totals beyond one column\'s limit', () => {
    // Two amounts of 16 integer digits each are valid on their own; their sum has 17.
    const max = '9999999999999999.99';
    expect(() => yuanToFen('19999999999999999.98')).toThrow('money.tooLarge');
    expect(sumYuan([max, max])).toBe('19999999999999999.98');
    expect(normalizeYuan('19999999999999999.98')).toBe('19999999999999999.98');
    expect(growthPercent('19999999999999999.98', max)).toBe('100.00');
    expect(formatYuanZh('19999999999999999.98')).toBe('200000000亿元');
  });

  it('computes year-on-year growth to two decimals, rounding half up', () => {
    // 57.15亿 against 41.77亿 in the same month a year before → +36.82%
    expect(growthPercent('5715000000', '4177000000')).toBe('36.82');
    expect(growthPercent('136.85', '100')).toBe('36.85');
    expect(growthPercent('50', '100')).toBe('-50.00');
    expect(growthPercent('1', '0')).toBeNull();
    expect(percentOf('1', '3')).toBe('33.33');
    expect(percentOf('2', '3')).toBe('66.67');
  });

  it('compares', () => {
    expect(compareYuan('1.10', '1.1')).toBe(0);
    expect(compareYuan('2', '10')).toBe(-1);
  });
});

describe('Chinese units', () => {
  it('writes amounts as officials read them', () => {
    expect(formatYuanZh('125400000000')).toBe('1254亿元');
    expect(formatYuanZh('5715000000')).toBe('57.15亿元');
    expect(formatYuanZh('86740000')).toBe('8674万元');
    expect(formatYuanZh('48290000000')).toBe('482.9亿元');
    expect(formatYuanZh('300055000000')).toBe('3000.55亿元');
    expect(formatYuanZh('123')).toBe('123元');
    expect(formatYuanZh('86740000', { unit: '亿元' })).toBe('0.87亿元');
  });

  it('converts into a unit', () => {
    expect(yuanInUnit('135759000000', '亿元')).toBe('1357.59');
    expect(yuanInUnit('12345', '万元', 4)).toBe('1.2345');
  });
});
