import { describe, expect, it } from 'vitest';
import { checkTemplate, figureRequestFor, formatFigure, renderText, segmentsText, type TemplateBody, type TemplateContext } from './bulletin-templates.js';
import { parsePeriodCode } from './chinese-periods.js';

const ctx: TemplateContext = {
  region: { code: '530700', name: '丽江市', shortName: '丽江' },
  period: parsePeriodCode('2022-Q1')!,
  date: '2022-04-02',
  batch: { id: 12, name: '丽江市2022年第一季度重点项目集中开工', heldOn: '2022-02-25', place: '丽江金山工业园区' },
};

const body: TemplateBody = {
  title: '{{batch.name}}',
  categories: ['guatu'],
  tags: ['重大项目调度'],
  needs: ['batch'],
  paragraphs: [
    { heading: true, text: '{{regionShort}}{{count}}项重点项目集中开工' },
    { heading: false, text: '{{batch.heldOn}}，{{region}}{{periodFull}}集中开工的项目共计{{count}}项，总投资{{total}}亿元，{{year}}年计划完成投资{{plan}}亿元。' },
  ],
  figures: {
    count: { label: '项目数', filter: { region: '${region}', batch: '${batch}' }, measure: 'count', format: 'count' },
    total: { label: '总投资', filter: { region: '${region}', batch: '${batch}' }, measure: 'totalInvestment', format: '亿元' },
    plan: { label: '年度计划投资', filter: { region: '${region}', batch: '${batch}' }, measure: 'plannedInvestment:${year}', format: '亿元' },
  },
};

describe('bulletin templates', () => {
  it('fills a figure’s request for the region and period: ids as numbers, the rest as text', () => {
    expect(figureRequestFor(body.figures.plan!, ctx)).toEqual({ subject: 'projects', filter: { region: '530700', batch: 12 }, measures: ['plannedInvestment:2022'] });
    expect(
      figureRequestFor({ label: '到位资金', filter: { region: '${region}' }, measure: 'yoy:fundsInPlace:${fromMonth}..${toMonth}:outOfProvince', format: 'growth' }, { ...ctx, period: parsePeriodCode('2022-01')! }),
    ).toMatchObject({ measures: ['yoy:fundsInPlace:2022-01..2022-01:outOfProvince'] });
  });

  it('renders text with figures as segments of their own', () => {
    const segments = renderText(body.paragraphs[1]!.text, ctx, { count: '32', total: '482.9', plan: '145.4' });
    expect(segmentsText(segments)).toBe('2月25日，丽江市2022年一季度集中开工的项目共计32项，总投资482.9亿元，2022年计划完成投资145.4亿元。');
    expect(segments.filter((s) => 'figure' in s)).toEqual([
      { figure: 'count', text: '32' },
      { figure: 'total', text: '482.9' },
      { figure: 'plan', text: '145.4' },
    ]);
  });

  it('writes figures as officials read them', () => {
    expect(formatFigure('125400000000', '亿元')).toBe('1254');
    expect(formatFigure('5715000000', '亿元')).toBe('57.15');
    expect(formatFigure('86740000', '万元')).toBe('8674');
    expect(formatFigure('832000', '万千瓦')).toBe('83.2');
    expect(formatFigure(394, 'count')).toBe('394');
    expect(formatFigure('36.85', 'growth')).toBe('增长36.85%');
    expect(formatFigure('-5.20', 'growth')).toBe('下降5.2%');
    expect(formatFigure('0.00', 'growth')).toBe('持平');
    expect(formatFigure(null, 'growth')).toBe('无法比较（上年同期为零）');
  });

  it('finds unknown placeholders and parameters, and needs a template does not declare', () => {
    expect(checkTemplate(body)).toEqual([]);
    const broken: TemplateBody = {
      ...body,
      needs: [],
      paragraphs: [{ heading: false, text: '{{count}}项，{{totl}}亿元' }],
      figures: { count: { label: '项目数', filter: { batch: '${batch}', startedTo: '${today}' }, measure: 'count', format: 'count' } },
    };
    expect(checkTemplate(broken).map((i) => `${i.field} ${i.rule} ${String(i.params?.value)}`)).toEqual([
      'title template.undeclaredNeed batch',
      'paragraphs.0.text template.unknownPlaceholder totl',
      'figures.count template.undeclaredNeed batch',
      'figures.count template.unknownParameter today',
    ]);
  });
});
