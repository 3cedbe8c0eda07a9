import { describe, expect, it } from 'vitest';
import { report } from './check.js';
import type { CheckResult } from '../modules/bulletins/bulletins.schemas.js';

const figure = (over: Partial<CheckResult['figures'][number]>): CheckResult['figures'][number] => ({
  text: '394个',
  start: 0,
  end: 4,
  heading: false,
  sentence: '',
  kind: 'count',
  value: '394',
  status: 'matches',
  dataValue: '394',
  dataText: '394个',
  rounded: false,
  reading: { region: { codes: ['530300'], names: ['曲靖市'], words: '曲靖市' }, period: { from: '2022-01-01', to: '2022-03-31', words: '一季度' }, event: { event: 'started', words: '开工' }, kind: null, subject: { subject: 'projects', words: '重大项目' }, set: null, measure: null },
  request: null,
  unresolved: [],
  links: null,
  ...over,
});

describe('guatu check', () => {
  it('prints each figure with what it was read as and the outcome, then a summary', () => {
    const result: CheckResult = {
      date: '2022-02-27',
      dateFrom: 'frontMatter',
      format: 'markdown',
      title: null,
      dataVersion: 7,
      summary: { figures: 3, matches: 1, differs: 1, untraceable: 1 },
      figures: [
        figure({}),
        figure({ text: '1264亿元', status: 'differs', dataText: '1254亿元', reading: { ...figure({}).reading, subject: null, measure: { words: '总投资' } } }),
        figure({ text: '3692个', status: 'untraceable', dataText: null, reading: { region: null, period: null, event: null, kind: null, subject: null, set: null, measure: null }, unresolved: [{ rule: 'check.plan', message: '“规划”：规划或目标数，不是已发生的记录' }] }),
      ],
    };
    expect(report(result).split('\n')).toEqual([
      '✓ 394个  曲靖市 · 一季度 · 开工 · 重大项目',
      '✗ 1264亿元  曲靖市 · 一季度 · 开工 · 总投资  — 数据为 1254亿元',
      '? 3692个    — “规划”：规划或目标数，不是已发生的记录',
      '',
      '3 个数字：1 个相符，1 个不符，1 个无法追溯（文稿日期 2022-02-27，数据版本 7）',
    ]);
  });
});
