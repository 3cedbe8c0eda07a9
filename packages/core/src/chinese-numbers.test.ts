import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  amountUnitYuan,
  decimalToString,
  excelNumberToDecimal,
  parseAmountFen,
  parseAmountYuan,
  parseChineseNumeral,
  parseDecimal,
  parsePlainNumber,
  parseQuantity,
  splitHeaderUnit,
  toHalfWidth,
} from './chinese-numbers.js';
import { fenToYuan } from './money.js';

const fen = (input: string | number, defaultUnit?: string) => {
  const r = parseAmountFen(input, { defaultUnit: defaultUnit ?? null });
  return r.ok ? r.fen : r.rule;
};

describe('amounts as officials write them', () => {
  it.each([
    ['1,254.5', '元', 125450n],
    ['1254亿元', '元', 12540000000000n],
    ['12.5万元', '元', 12500000n],
    ['3.2亿', '元', 32000000000n],
    ['3.2亿', '万元', 32000000000n],
    ['1254', '亿元', 12540000000000n],
    ['12.5', '万元', 12500000n],
    ['0.000001', '万元', 1n],
    ['１２５４．５', '元', 125450n],
    ['１，２５４．５万元', '元', 1254500000n],
    ['¥1,254.50', '元', 125450n],
    ['  8674 万元 ', '元', 8674000000n],
    ['三千二百万元', '元', 3200000000n],
    ['1.2万亿元', '元', 120000000000000n],
    ['482.9亿元', '元', 4829000000000n],
  ])('%s with the column in %s → %s 分', (input, unit, expected) => expect(fen(input, unit)).toBe(expected));

  it('takes spreadsheet numbers at Excel precision, in the column unit', () => {
    expect(fen(12.5, '万元')).toBe(12500000n);
    expect(fen(1254.5)).toBe(125450n);
    // float noise from a formula: Excel shows 12.5
    expect(fen(12.499999999999998, '万元')).toBe(12500000n);
    expect(fen(0.1 + 0.2)).toBe(30n);
  });

  it.each([
    ['abc', 'number.format'],
    ['', 'number.format'],
    ['1,2345', 'number.format'],
    ['12.5美元', 'amount.unit'],
    ['-5', 'money.negative'],
    ['1.234', 'money.decimals'],
    ['0.0000001万元', 'money.decimals'],
    ['100000000亿元', 'money.tooLarge'],
    ['1.2.3', 'number.format'],
  ])('refuses %s with %s', (input, rule) => expect(fen(input)).toBe(rule));

  it('reads a spreadsheet number at 15 significant digits, as Number#toPrecision(15) does', () => {
    const asExcel = (n: number) => decimalToString(parseDecimal(n.toPrecision(15))!);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((i) => i / 100), fc.integer({ min: 0, max: 2 ** 53 }).map((i) => i / 10 ** (i % 12))), (n) => {
        expect(decimalToString(excelNumberToDecimal(n)!)).toBe(asExcel(n));
      }),
      { numRuns: 20_000 },
    );
    for (const n of [12.499999999999998, 0.1 + 0.2, 1e21, 1e-7, 123456789012345.6, 999999999999999.9, 5e-324]) expect(decimalToString(excelNumberToDecimal(n)!)).toBe(asExcel(n));
  });

  it('reads spreadsheet numbers as yuan digit by digit, exactly as through 分', () => {
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer().map((i) => i / 100), fc.integer({ min: 0, max: 2 ** 40 }).map((i) => i / 1000)), fc.constantFrom('元', '万元', '亿元'), (n, unit) => {
        const slow = parseAmountFen(n, { defaultUnit: unit });
        const fast = parseAmountYuan(n, { defaultUnit: unit });
        expect(fast).toEqual(slow.ok ? { ok: true, yuan: fenToYuan(slow.fen), approximate: false } : slow);
      }),
    );
    expect(parseAmountYuan(1254.5, { defaultUnit: '万元' })).toEqual({ ok: true, yuan: '12545000', approximate: false });
    expect(parseAmountYuan(0.01)).toEqual({ ok: true, yuan: '0.01', approximate: false });
    expect(parseAmountYuan(12.3)).toEqual({ ok: true, yuan: '12.30', approximate: false });
    expect(parseAmountYuan('3.2亿')).toEqual({ ok: true, yuan: '320000000', approximate: false });
  });

  it('refuses a header unit that is not money', () => {
    expect(parseAmountFen('12', { defaultUnit: '千瓦' })).toMatchObject({ ok: false, rule: 'amount.unit' });
  });

  it('reads back exactly any amount written in 万元 or 亿元', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), fc.constantFrom('元', '万元', '亿元'), (f, unit) => {
        const fenPerUnit = amountUnitYuan(unit)! * 100n;
        const inUnit = decimalToString({ units: f, scale: fenPerUnit.toString().length - 1 });
        expect(fen(inUnit + unit)).toBe(f);
        expect(fen(inUnit, unit)).toBe(f);
        expect(fen(fenToYuan(f))).toBe(f);
      }),
    );
  });
});

describe('quantities with multipliers and units', () => {
  it.each([
    ['83.2万千瓦', '832000', '千瓦', false],
    ['1254亿元', '125400000000', '元', false],
    ['超1000亿元', '100000000000', '元', true],
    ['约3.5万亩', '35000', '亩', true],
    ['1000余亿元', '100000000000', '元', true],
    ['3万余元', '30000', '元', true],
    ['32个', '32', '个', false],
    ['共计394个', '394', '个', false],
    ['36.85%', '36.85', '%', false],
    ['十六个', '16', '个', false],
    ['100万左右', '1000000', '', true],
    ['1亿2000万元', '120000000', '元', false],
    ['12亿5千万元', '1250000000', '元', false],
    ['3万5千元', '35000', '元', false],
    ['1万零5元', '10005', '元', false],
    ['1.2万亿元', '1200000000000', '元', false],
    ['１２５４亿元', '125400000000', '元', false],
    ['３９４个', '394', '个', false],
    ['５７．１５亿元', '5715000000', '元', false],
    ['８３．２万千瓦', '832000', '千瓦', false],
    ['15万套', '150000', '套', false],
    ['３６．８５％', '36.85', '%', false],
  ])('%s → %s %s', (input, value, unit, approximate) => {
    const q = parseQuantity(input);
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(decimalToString(q.value)).toBe(value);
    expect(q.unit).toBe(unit);
    expect(q.approximate).toBe(approximate);
  });

  it('keeps the written number and its multiplier apart', () => {
    const q = parseQuantity('83.2万千瓦');
    expect(q.ok && [decimalToString(q.number), q.multiplier]).toEqual(['83.2', 10000n]);
    const mixed = parseQuantity('1亿2000万元');
    expect(mixed.ok && [decimalToString(mixed.number), mixed.multiplier]).toEqual(['1.2', 100000000n]);
  });

  it.each(['3万5', '1亿2000', '5千3万元', '1亿2亿元'])('refuses %s, whose parts do not say one number', (input) => expect(parseQuantity(input).ok).toBe(false));

  it('reads plain numbers, refusing units that were not asked for', () => {
    expect(parsePlainNumber('８５%', { units: ['%'] })).toMatchObject({ ok: true, value: { units: 85n, scale: 0 } });
    expect(parsePlainNumber('1,200')).toMatchObject({ ok: true, value: { units: 1200n, scale: 0 } });
    expect(parsePlainNumber('85人')).toMatchObject({ ok: false, rule: 'amount.unit' });
    expect(parsePlainNumber(0.3)).toMatchObject({ ok: true, value: { units: 3n, scale: 1 } });
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['十二', '12'],
    ['一百零五', '105'],
    ['三千二百万', '32000000'],
    ['一亿二千万', '120000000'],
    ['两千', '2000'],
    ['二〇二二', '2022'],
    ['三点五', '3.5'],
    ['三万亿', '3000000000000'],
  ])('%s → %s', (input, expected) => expect(decimalToString(parseChineseNumeral(input)!)).toBe(expected));

  it('returns null for what is not a numeral', () => {
    expect(parseChineseNumeral('三五百')).toBeNull();
    expect(parseChineseNumeral('项目')).toBeNull();
  });
});

describe('units in headers', () => {
  it.each([
    ['总投资（万元）', '总投资', '万元'],
    ['总投资(亿元)', '总投资', '亿元'],
    ['本月完成投资【万元】', '本月完成投资', '万元'],
    ['单位：万元', '', '万元'],
    ['项目名称', '项目名称', null],
    ['总投资（单位：万元）', '总投资', '万元'],
  ])('%s → %s / %s', (header, label, unit) => expect(splitHeaderUnit(header)).toEqual({ label, unit }));

  it('knows money units by their multiplier', () => {
    expect([amountUnitYuan('元'), amountUnitYuan('万元'), amountUnitYuan('亿元'), amountUnitYuan('千瓦')]).toEqual([1n, 10000n, 100000000n, null]);
  });
});

describe('decimals', () => {
  it('parses, normalises and prints exactly', () => {
    expect(decimalToString(parseDecimal('1254.500')!)).toBe('1254.5');
    expect(decimalToString(parseDecimal('0.05')!)).toBe('0.05');
    expect(decimalToString(parseDecimal('-0.5')!)).toBe('-0.5');
    expect(decimalToString(parseDecimal('1.5e+3')!)).toBe('1500');
    expect(decimalToString(parseDecimal('.25')!)).toBe('0.25');
    expect(parseDecimal('1,254')).toBeNull();
  });
  it('reads spreadsheet numbers at 15 significant digits', () => {
    expect(decimalToString(excelNumberToDecimal(0.1 + 0.2)!)).toBe('0.3');
    expect(decimalToString(excelNumberToDecimal(125400000000)!)).toBe('125400000000');
    expect(excelNumberToDecimal(Number.NaN)).toBeNull();
  });
  it('folds full-width text to ASCII', () => expect(toHalfWidth('２０２２．３．１　ＡＢ，')).toBe('2022.3.1 AB,'));
});
