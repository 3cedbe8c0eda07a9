import type { Segment } from '@guatu/core';
import type { BulletinFigure } from '../../db/schema/index.js';
import { figureLinks } from './answer-figures.js';

/** What a bulletin is rendered from: everything it stores, so a rendering never changes. */
export interface RenderedBulletin {
  id: number;
  title: string;
  bulletinDate: string;
  generatedAt: Date;
  frontMatter: { categories: string[]; tags: string[] };
  content: { heading: boolean; segments: Segment[] }[];
  figures: BulletinFigure[];
  dataVersion: number;
  templateName: string;
  templateVersion: number;
  regionName: string;
  period: string;
}

export const figurePath = (bulletinId: number, key: string) => `/api/v1/bulletins/${bulletinId}/figures/${encodeURIComponent(key)}`;

/** "2022-04-02 10:15:03 +0800": the time in China, as the press office's posts date themselves. */
function postTime(date: string, at: Date): string {
  const china = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${date} ${china.slice(11, 19)} +0800`;
}

const UNITS: Record<string, string> = { 亿元: '亿元', 万元: '万元', 万千瓦: '万千瓦', percent: '%' };
/** A figure with the unit its format implies: "1254亿元", "36.85%", "394". */
const withUnit = (f: BulletinFigure) => `${f.text}${f.value === null ? '' : (UNITS[f.format] ?? '')}`;

const yamlString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const inlineCode = (s: string) => (s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``);

/**
 * The bulletin as a post: front matter (layout, title, date, categories, tags) and paragraphs, in
 * the form of the press office's posts. Each figure links to the list of its projects and has a
 * footnote with its query and the route that gives its records.
 */
export function renderMarkdown(b: RenderedBulletin): string {
  const byKey = new Map(b.figures.map((f) => [f.key, f]));
  const line = (segments: Segment[]) =>
    segments
      .map((s) => {
        if (!('figure' in s)) return s.text;
        const f = byKey.get(s.figure);
        if (!f) return s.text;
        const links = figureLinks(f.request);
        return `[${s.text}](${links.projects ?? links.stats})[^${s.figure}]`;
      })
      .join('');
  const used = [...new Set(b.content.flatMap((p) => p.segments.flatMap((s) => ('figure' in s ? [s.figure] : []))))];
  const notes = used
    .map((key) => byKey.get(key))
    .filter((f): f is BulletinFigure => !!f)
    .map((f) => `[^${f.key}]: ${f.label}：${withUnit(f)}。查询 ${inlineCode(JSON.stringify(f.request))}；[项目与数据](${figurePath(b.id, f.key)})`);
  return [
    '---',
    'layout: post',
    `title: ${yamlString(b.title)}`,
    `date: ${postTime(b.bulletinDate, b.generatedAt)}`,
    `categories: ${b.frontMatter.categories.join(' ')}`,
    `tags: ${b.frontMatter.tags.join(' ')}`,
    '---',
    ...b.content.map((p) => (p.heading ? `**${line(p.segments)}**` : line(p.segments))).flatMap((l) => [l, '']),
    `数据来源：挂图统计引擎，数据版本${b.dataVersion}；模板“${b.templateName}”第${b.templateVersion}版。`,
    '',
    ...notes,
    '',
  ].join('\n');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Print styles: A4, Song typeface from the machine (nothing is fetched), links shown as footnote numbers. */
const PRINT_STYLE = `
@page { size: A4; margin: 25mm 22mm; }
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 16px; line-height: 1.9; color: #111; max-width: 46em; margin: 2em auto; padding: 0 1em; }
h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 24px; text-align: center; line-height: 1.5; margin: 0 0 .4em; }
.meta { text-align: center; color: #555; font-size: 13px; margin-bottom: 2em; }
p { text-indent: 2em; margin: .6em 0; }
p.heading { text-indent: 0; font-weight: bold; }
a { color: inherit; text-decoration: none; border-bottom: 1px dotted #888; }
sup a { border: none; color: #a00; }
.sources { margin-top: 3em; border-top: 1px solid #999; font-size: 12px; line-height: 1.6; }
.sources li { margin: .4em 0; }
.sources code { font-family: "Consolas", "Menlo", monospace; font-size: 11px; word-break: break-all; }
@media print { body { margin: 0; max-width: none; } a { border: none; } }
`;

/** A printable page: self-contained (styles inline, no scripts, no fonts or images to fetch), as an intranet needs. */
export function renderPrintPage(b: RenderedBulletin): string {
  const byKey = new Map(b.figures.map((f) => [f.key, f]));
  const order: string[] = [];
  const number = (key: string) => {
    if (!order.includes(key)) order.push(key);
    return order.indexOf(key) + 1;
  };
  const paragraph = (p: RenderedBulletin['content'][number]) => {
    const html = p.segments
      .map((s) => {
        if (!('figure' in s)) return escapeHtml(s.text);
        const f = byKey.get(s.figure);
        if (!f) return escapeHtml(s.text);
        const links = figureLinks(f.request);
        const n = number(s.figure);
        return `<a href="${escapeHtml(links.projects ?? links.stats)}" title="${escapeHtml(f.label)}">${escapeHtml(s.text)}</a><sup><a href="#f${n}">[${n}]</a></sup>`;
      })
      .join('');
    return p.heading ? `<p class="heading">${html}</p>` : `<p>${html}</p>`;
  };
  const body = b.content.map(paragraph).join('\n');
  const sources = order
    .map((key, i) => {
      const f = byKey.get(key)!;
      const links = figureLinks(f.request);
      const list = links.projects ? ` · <a href="${escapeHtml(links.projects)}">项目清单（${f.ids.length}）</a>` : '';
      return `<li id="f${i + 1}">${escapeHtml(f.label)}：${escapeHtml(withUnit(f))} · <a href="${escapeHtml(figurePath(b.id, key))}">查询与数据</a>${list}<br><code>${escapeHtml(JSON.stringify(f.request))}</code></li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(b.title)}</title>
<style>${PRINT_STYLE}</style>
</head>
<body>
<article>
<h1>${escapeHtml(b.title)}</h1>
<div class="meta">${escapeHtml(b.bulletinDate)} · ${escapeHtml(b.regionName)} · ${escapeHtml(b.period)} · 数据版本 ${b.dataVersion} · 模板“${escapeHtml(b.templateName)}”第${b.templateVersion}版</div>
${body}
<section class="sources">
<p class="heading">数据来源（挂图统计引擎）</p>
<ol>
${sources}
</ol>
</section>
</article>
</body>
</html>
`;
}
