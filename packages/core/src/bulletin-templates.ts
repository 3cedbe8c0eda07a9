/**
 * Bulletin templates (通报模板): paragraphs of text with placeholders. `{{key}}` is a figure — a
 * statistics-engine request and a format — or one of the words of the bulletin (the region, the
 * period, the batch). A request is written with parameters, `${region}`, `${from}`, `${toMonth}`,
 * `${batch}` …, filled in for the region and period a bulletin is generated for.
 */
import { formatDateZh } from './dates.js';
import { yuanInUnit } from './money.js';
import { decimalToString, parseDecimal, type Decimal } from './chinese-numbers.js';
import type { PeriodCode } from './chinese-periods.js';

export const FIGURE_FORMATS = ['count', '亿元', '万元', 'percent', 'growth', '万千瓦'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export interface TemplateFigure {
  /** What the figure is, in the sources list: "开工重大项目数". */
  label: string;
  subject?: 'projects' | 'enterprises' | 'groups';
  filter: Record<string, unknown>;
  measure: string;
  format: FigureFormat;
}

export interface TemplateParagraph {
  heading: boolean;
  text: string;
}

export const TEMPLATE_NEEDS = ['batch', 'keyList'] as const;
export type TemplateNeed = (typeof TEMPLATE_NEEDS)[number];

export interface TemplateBody {
  title: string;
  /** Front matter of the Markdown: `categories` and `tags`. */
  categories: string[];
  tags: string[];
  /** A batch or key list the bulletin is about, chosen when it is generated. */
  needs: TemplateNeed[];
  paragraphs: TemplateParagraph[];
  figures: Record<string, TemplateFigure>;
}

/** The words of a bulletin that are not figures. */
export const TEMPLATE_WORDS = ['region', 'regionShort', 'period', 'periodFull', 'periodEnd', 'ytd', 'year', 'date', 'batch.name', 'batch.heldOn', 'batch.place', 'keyList.name'] as const;
/** The parameters a request may use. */
export const TEMPLATE_PARAMETERS = ['region', 'from', 'to', 'fromMonth', 'toMonth', 'year', 'batch', 'keyList'] as const;

export interface TemplateContext {
  region: { code: string; name: string; shortName: string };
  period: PeriodCode;
  /** The bulletin's date. */
  date: string;
  batch?: { id: number; name: string; heldOn: string; place: string | null };
  keyList?: { id: number; name: string };
}

const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;
const PARAMETER = /\$\{(\w+)\}/g;

export interface TemplateIssue {
  field: string;
  rule: string;
  params?: Record<string, unknown>;
}

/** What is wrong with a template: unknown placeholders and parameters, and needs it does not declare. */
export function checkTemplate(body: TemplateBody): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const known = new Set<string>([...TEMPLATE_WORDS, ...Object.keys(body.figures)]);
  const placeholders = (text: string, field: string) => {
    for (const m of text.matchAll(PLACEHOLDER)) {
      const key = m[1]!;
      if (!known.has(key)) issues.push({ field, rule: 'template.unknownPlaceholder', params: { value: key, values: [...known] } });
      const need = key.split('.')[0] as TemplateNeed;
      if (key.includes('.') && !body.needs.includes(need)) issues.push({ field, rule: 'template.undeclaredNeed', params: { value: need } });
    }
  };
  placeholders(body.title, 'title');
  body.paragraphs.forEach((p, i) => placeholders(p.text, `paragraphs.${i}.text`));
  for (const [key, f] of Object.entries(body.figures)) {
    for (const text of [f.measure, JSON.stringify(f.filter)]) {
      for (const m of text.matchAll(PARAMETER)) {
        const name = m[1]!;
        if (!(TEMPLATE_PARAMETERS as readonly string[]).includes(name)) issues.push({ field: `figures.${key}`, rule: 'template.unknownParameter', params: { value: name, values: [...TEMPLATE_PARAMETERS] } });
        else if ((TEMPLATE_NEEDS as readonly string[]).includes(name) && !body.needs.includes(name as TemplateNeed)) {
          issues.push({ field: `figures.${key}`, rule: 'template.undeclaredNeed', params: { value: name } });
        }
      }
    }
  }
  return issues;
}

function parameterValues(ctx: TemplateContext): Record<string, string | number> {
  return {
    region: ctx.region.code,
    from: ctx.period.from,
    to: ctx.period.to,
    fromMonth: ctx.period.fromMonth,
    toMonth: ctx.period.toMonth,
    year: String(ctx.period.year),
    ...(ctx.batch ? { batch: ctx.batch.id } : {}),
    ...(ctx.keyList ? { keyList: ctx.keyList.id } : {}),
  };
}

/** Fills a value's parameters: "${batch}" alone becomes the batch id (a number), "…${toMonth}…" a string. */
function fill(value: unknown, params: Record<string, string | number>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{(\w+)\}$/.exec(value);
    if (whole && params[whole[1]!] !== undefined) return params[whole[1]!];
    return value.replace(PARAMETER, (m, name: string) => (params[name] !== undefined ? String(params[name]) : m));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, params));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, params)]));
  return value;
}

/** The statistics request of a figure, for the bulletin's region and period. */
export function figureRequestFor(figure: TemplateFigure, ctx: TemplateContext): { subject: 'projects' | 'enterprises' | 'groups'; filter: Record<string, unknown>; measures: [string] } {
  const params = parameterValues(ctx);
  return { subject: figure.subject ?? 'projects', filter: fill(figure.filter, params) as Record<string, unknown>, measures: [fill(figure.measure, params) as string] };
}

/** A figure as the bulletin writes it: "394", "1254" (亿元), "36.85" (percent), "增长36.85%" (growth). */
export function formatFigure(value: string | number | null, format: FigureFormat): string {
  if (value === null) return format === 'growth' ? '无法比较（上年同期为零）' : '—';
  const text = String(value);
  switch (format) {
    case 'count':
      return text;
    case '亿元':
      return yuanInUnit(text, '亿元', 2);
    case '万元':
      return yuanInUnit(text, '万元', 2);
    case '万千瓦': {
      // kW → 万千瓦, two decimals at most.
      const d = parseDecimal(text);
      return d ? decimalToString(roundDecimal({ units: d.units, scale: d.scale + 4 }, 2)) : text;
    }
    case 'percent':
      return text;
    case 'growth': {
      const negative = text.startsWith('-');
      const abs = negative ? text.slice(1) : text;
      if (/^0(\.0*)?$/.test(abs)) return '持平';
      return `${negative ? '下降' : '增长'}${abs.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}%`;
    }
  }
}

function roundDecimal(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return d;
  const divisor = 10n ** BigInt(d.scale - places);
  let q = d.units / divisor;
  if ((d.units % divisor) * 2n >= divisor) q += 1n;
  return { units: q, scale: places };
}

export type Segment = { text: string } | { figure: string; text: string };

/** The words of a bulletin, for its placeholders. */
function words(ctx: TemplateContext): Record<string, string> {
  const p = ctx.period;
  const toMonth = Number(p.toMonth.slice(5));
  return {
    region: ctx.region.name,
    regionShort: ctx.region.shortName,
    period: p.label,
    periodFull: p.fullLabel,
    periodEnd: formatDateZh(p.to),
    ytd: toMonth === 1 ? `${p.year}年1月` : `${p.year}年1—${toMonth}月`,
    year: String(p.year),
    date: formatDateZh(ctx.date),
    ...(ctx.batch ? { 'batch.name': ctx.batch.name, 'batch.heldOn': formatDateZh(ctx.batch.heldOn).replace(/^\d{4}年/, ''), 'batch.place': ctx.batch.place ?? '' } : {}),
    ...(ctx.keyList ? { 'keyList.name': ctx.keyList.name } : {}),
  };
}

/** A text with its placeholders filled: figures as their own segments (so they can link), words as text. */
export function renderText(text: string, ctx: TemplateContext, figures: Record<string, string>): Segment[] {
  const w = words(ctx);
  const out: Segment[] = [];
  let last = 0;
  const push = (s: string) => {
    if (!s) return;
    const prev = out[out.length - 1];
    if (prev && !('figure' in prev)) prev.text += s;
    else out.push({ text: s });
  };
  for (const m of text.matchAll(PLACEHOLDER)) {
    push(text.slice(last, m.index));
    const key = m[1]!;
    if (figures[key] !== undefined) out.push({ figure: key, text: figures[key]! });
    else push(w[key] ?? m[0]);
    last = m.index! + m[0].length;
  }
  push(text.slice(last));
  return out;
}

export const segmentsText = (segments: Segment[]) => segments.map((s) => s.text).join('');
