import { describe, expect, it } from 'vitest';
import { readDraft } from './draft-text.js';
import { findFigures } from './draft-figures.js';
import { decimalToString } from './chinese-numbers.js';

/** The text of a block, rebuilt from the draft through its offsets: what a highlighter would mark. */
const fromOffsets = (draft: string, offsets: number[], text: string) => [...text].map((_, i) => draft[offsets[i]!]).join('');

describe('reading a draft', () => {
  it('reads a post: front matter, HTML paragraphs, bold headings, links and entities', () => {
    const input = [
      '---',
      'layout: post',
      'title: "曲靖市一季度开工重大项目"',
      'date: 2022-02-27 14:43:58 +0800',
      '---',
      '<p><strong>曲靖开工394个重大项目</strong></p><p>曲靖市一季度开工重大项目394个&nbsp;、总投资1254亿元。</p>',
      '',
      '<http://example.org/NewsShare.html?infoCode=NW202202272290410273>',
      '',
      '[返回云南日报新闻](//finews.example.com/category/yunnanribao.html)｜[返回首页](//finews.example.com/)',
    ].join('\n');
    const d = readDraft(input);
    expect(d).toMatchObject({ format: 'markdown', date: '2022-02-27', title: '曲靖市一季度开工重大项目' });
    expect(d.blocks.map((b) => [b.text, b.heading])).toEqual([
      ['曲靖开工394个重大项目', true],
      ['曲靖市一季度开工重大项目394个 、总投资1254亿元。', false],
      ['返回云南日报新闻｜返回首页', true],
    ]);
    const body = d.blocks[1]!;
    expect(fromOffsets(input, body.offsets, body.text)).toBe('曲靖市一季度开工重大项目394个&、总投资1254亿元。');
    expect(input.slice(body.offsets[0], body.offsets[body.text.length])).toBe('曲靖市一季度开工重大项目394个&nbsp;、总投资1254亿元。');
  });

  it('leaves footnotes out of the text: their marks and their definitions', () => {
    const d = readDraft('开工重大项目[394](/projects?filter=%7B%7D)[^started]个。\n\n[^started]: 开工重大项目数：394个，查询 /api/v1/bulletins/1/figures/started\n');
    expect(d.blocks.map((b) => b.text)).toEqual(['开工重大项目394个。']);
  });

  it('reads Markdown: # headings, bold lines, lists, emphasis', () => {
    const d = readDraft('# 红河州1月引进省外到位资金57.15亿元\n\n**一、总体情况**\n\n- 1月共引进省外到位资金**57.15亿元**，同比增长36.85%。\n');
    expect(d.format).toBe('markdown');
    expect(d.blocks.map((b) => [b.text, b.heading])).toEqual([
      ['红河州1月引进省外到位资金57.15亿元', true],
      ['一、总体情况', true],
      ['1月共引进省外到位资金57.15亿元，同比增长36.85%。', false],
    ]);
  });

  it('reads HTML: block elements break, line ends do not, scripts and styles are not text', () => {
    const d = readDraft('<!doctype html><html><head><title>通报</title><style>p{color:red}</style></head><body><h2>丽江32项重点项目集中开工</h2><p>共计32项，\n总投资482.9亿元。</p><script>var x = "100个";</script></body></html>');
    expect(d.format).toBe('html');
    expect(d.blocks.map((b) => [b.text, b.heading])).toEqual([
      ['通报', false],
      ['丽江32项重点项目集中开工', true],
      ['共计32项， 总投资482.9亿元。', false],
    ]);
  });

  it('reads plain text one paragraph per line, short lines without a full stop as headings', () => {
    const d = readDraft('曲靖开工394个重大项目\n曲靖市一季度开工重大项目394个。\r\n\r\n');
    expect(d).toMatchObject({ format: 'text', date: null });
    expect(d.blocks.map((b) => b.heading)).toEqual([true, false]);
    expect(d.blocks[1]!.offsets[0]).toBe(13);
  });
});

describe('finding the figures in a text', () => {
  const found = (text: string) => findFigures(text).map((f) => `${f.text}=${decimalToString(f.value)}${f.unit}:${f.kind}${f.approximate ? '~' : ''}${f.bound ? `(${f.bound})` : ''}`);

  it('finds amounts, counts, percentages and capacities as the source report writes them', () => {
    expect(found('曲靖市一季度开工重大项目394个、总投资1254亿元，其中5亿元以上投资的产业项目有24个。')).toEqual([
      '394个=394个:count',
      '1254亿元=125400000000元:amount',
      '5亿元以上=500000000元:amount(atLeast)',
      '24个=24个:count',
    ]);
    expect(found('1月共引进省外到位资金57.15亿元，同比增长36.85%。共计32项，装机总规模83.2万千瓦，年均实现税收8674万元。')).toEqual([
      '57.15亿元=5715000000元:amount',
      '36.85%=36.85%:percent',
      '32项=32项:count',
      '83.2万千瓦=832000千瓦:capacity',
      '8674万元=86740000元:amount',
    ]);
  });

  it('reads full-width digits, 万/亿 combinations and numerals written out', () => {
    expect(found('开工项目３９４个、总投资１２５４亿元，到位资金５７．１５亿元，增长３６．８５％')).toEqual([
      '３９４个=394个:count',
      '１２５４亿元=125400000000元:amount',
      '５７．１５亿元=5715000000元:amount',
      '３６．８５％=36.85%:percent',
    ]);
    expect(found('协议金额1亿2000万元，投资1.2万亿元，三千二百万元，15万套，装机50兆瓦')).toEqual([
      '1亿2000万元=120000000元:amount',
      '1.2万亿元=1200000000000元:amount',
      '三千二百万元=32000000元:amount',
      '15万套=150000套:quantity',
      '50兆瓦=50000兆瓦:capacity',
    ]);
  });

  it('marks approximate figures and leaves out dates, years, durations and numbers glued to letters', () => {
    expect(found('超过40%，超50%，建成3个以上平台，约692亿元，1000余家，2022年至2024年，2月26日，5G应用，(9+1)，NW202202272290410273，近3个月，第3批')).toEqual([
      '40%=40%:percent~',
      '50%=50%:percent~',
      '3个以上=3个:count~(atLeast)',
      '692亿元=69200000000元:amount~',
      '1000余家=1000家:count~',
    ]);
  });

  it('gives positions in the text searched', () => {
    const [f] = findFigures('总投资：1254亿元');
    expect(f).toMatchObject({ start: 4, end: 10, text: '1254亿元' });
  });
});
