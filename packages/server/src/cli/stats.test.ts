import { describe, expect, it } from 'vitest';
import { parseFilter, table } from './stats.js';
import type { StatsResponse } from '../modules/stats/stats.schemas.js';

describe('guatu stats', () => {
  it('reads filters as key=value, lists comma-separated and ids as numbers', () => {
    expect(parseFilter(['region=530300', 'categories=industry,energy-industry', 'batch=7', 'ids=1,2', 'startedFrom=2022-01-01'])).toEqual({
      region: '530300',
      categories: ['industry', 'energy-industry'],
      batch: 7,
      ids: [1, 2],
      startedFrom: '2022-01-01',
    });
    expect(() => parseFilter(['530300'])).toThrow(/key=value/);
  });

  it('prints rows and the total, amounts in the unit asked for, Chinese names aligned', () => {
    const out = table(
      {
        subject: 'projects',
        asOf: '2022-12-31',
        rows: [{ category: 'industry', labels: { category: '产业项目' }, count: 364, totalInvestment: '58500000000' }],
        total: { count: 394, totalInvestment: '125400000000' },
      } as unknown as StatsResponse,
      ['category'],
      ['count', 'totalInvestment'],
      '亿元',
    );
    expect(out.split('\n')).toEqual([
      'category    count  totalInvestment (亿元)',
      '──────────  ─────  ──────────────────────',
      '产业项目      364                     585',
      '合计 total    394                    1254',
    ]);
  });
});
