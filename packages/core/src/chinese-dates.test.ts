import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateToExcelSerial, excelSerialToDate, parseDate, parseDateInput, parseMonth } from './chinese-dates.js';

const read = (input: string | number | Date) => {
  const r = parseDateInput(input);
  return r.ok ? `${r.kind}:${r.value}` : r.rule;
};

describe('dates as officers write them', () => {
  it.each([
    ['2022年3月1日', 'date:2022-03-01'],
    ['2022年03月01日', 'date:2022-03-01'],
    ['2022年3月1号', 'date:2022-03-01'],
    ['2022年3月', 'month:2022-03'],
    ['2022.3.1', 'date:2022-03-01'],
    ['2022/3/1', 'date:2022-03-01'],
    ['2022-03-01', 'date:2022-03-01'],
    ['2022-03', 'month:2022-03'],
    ['2022.03', 'month:2022-03'],
    ['20220301', 'date:2022-03-01'],
    ['202203', 'month:2022-03'],
    ['２０２２年３月１日', 'date:2022-03-01'],
    ['２０２２－０３－０１', 'date:2022-03-01'],
    ['2022/3/1 0:00:00', 'date:2022-03-01'],
    ['2022-03-01T00:00:00Z', 'date:2022-03-01'],
    ['二〇二二年三月一日', 'date:2022-03-01'],
    ['2022年十二月', 'month:2022-12'],
  ])('%s → %s', (input, expected) => expect(read(input)).toBe(expected));

  it.each([
    [44621, 'date:2022-03-01'],
    [44621.5, 'date:2022-03-01'],
    [1, 'date:1900-01-01'],
    [59, 'date:1900-02-28'],
    [61, 'date:1900-03-01'],
    [202203, 'month:2022-03'],
    [20220301, 'date:2022-03-01'],
    [2022.03, 'month:2022-03'],
    [2022.12, 'month:2022-12'],
  ])('the spreadsheet number %s → %s', (input, expected) => expect(read(input)).toBe(expected));

  it('reads a Date from a spreadsheet reader by its UTC day', () => {
    expect(read(new Date(Date.UTC(2022, 2, 1)))).toBe('date:2022-03-01');
  });

  it.each([
    ['2022-02-30', 'date.invalid'],
    ['2022-13', 'date.invalid'],
    ['明年三月', 'date.format'],
    ['', 'date.format'],
    [60, 'date.invalid'],
    [2022, 'date.format'],
    [2022.1, 'date.ambiguousMonth'],
    [-3, 'date.format'],
  ])('refuses %s with %s', (input, rule) => expect(read(input)).toBe(rule));

  it('asks for a day where a date is needed, and takes the month of a date where a month is', () => {
    expect(parseDate('2022-03')).toMatchObject({ ok: false, rule: 'date.needsDay' });
    expect(parseDate('2022年3月1日')).toMatchObject({ ok: true, value: '2022-03-01' });
    expect(parseMonth(44621)).toMatchObject({ ok: true, value: '2022-03' });
    expect(parseMonth('2022年3月')).toMatchObject({ ok: true, value: '2022-03' });
  });

  it('handles the 1904 date system', () => expect(parseDateInput(43159, { date1904: true })).toMatchObject({ ok: true, value: '2022-03-01' }));

  it('turns any date into a serial and back', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const iso = new Date(ms).toISOString().slice(0, 10);
        expect(excelSerialToDate(dateToExcelSerial(iso))).toBe(iso);
      }),
    );
  });
});
