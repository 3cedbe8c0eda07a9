/**
 * From what a figure was read as to the statistics-engine request that answers it, or the list of
 * what could not be resolved; and the comparison of the figure with the engine's answer, at the
 * precision the figure is written in ("1254亿元" matches 1254.2亿, "57.15亿元" needs 57.15亿).
 * A figure that cannot be traced is never compared, so it is never a match.
 */
import { decimalToString, parseDecimal, type Decimal } from './chinese-numbers.js';
import { capacityUnitKw, type FoundFigure } from './draft-figures.js';
import type { MeasureWord, Vocabulary } from './figure-words.js';
import type { ReadFigure, Reading } from './figure-reading.js';

export interface FigureRequest {
  subject: 'projects' | 'enterprises' | 'groups';
  filter: Record<string, unknown>;
  measures: [string];
}

export interface Unresolved {
  rule: string;
  params?: Record<string, unknown>;
}

export type FigureQuery = { ok: true; request: FigureRequest } | { ok: false; unresolved: Unresolved[] };

const monthOf = (date: string) => date.slice(0, 7);
const lastDayOfMonth = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10);
const previousMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
/** The last month whose reports are in by `date`: its own month if it is the month's last day, else the one before. */
const lastCompleteMonth = (date: string) => (date === lastDayOfMonth(date) ? monthOf(date) : previousMonth(monthOf(date)));

const MONEY_MEASURES = new Set(['totalInvestment', 'agreementAmount', 'plannedInvestment', 'completedInvestment', 'fundsInPlace']);
const MONEY_ATTRIBUTES = new Set(['expectedAnnualTax', 'expectedAnnualOutput']);
const QUANTITY_ATTRIBUTES: Record<string, string> = { 亩: 'landAreaMu', 人: 'jobsCreated' };

function measureText(m: MeasureWord, period: Reading['period'], today: string): string | Unresolved {
  switch (m.kind) {
    case 'totalInvestment':
    case 'agreementAmount':
      return m.kind;
    case 'attr':
      return `attr:${m.key}`;
    case 'plannedInvestment': {
      const span = period?.span;
      const sameYear = span && (span.from ?? span.to).slice(0, 4) === span.to.slice(0, 4);
      return `plannedInvestment:${m.year ?? (sameYear ? span.to.slice(0, 4) : today.slice(0, 4))}`;
    }
    case 'completedInvestment':
    case 'fundsInPlace': {
      if (!period && !m.cumulative) return { rule: 'check.period' };
      const to = lastCompleteMonth(period ? period.span.to : today);
      const from = m.cumulative ? null : monthOf(period!.span.from ?? `${period!.span.to.slice(0, 4)}-01-01`);
      if (from && from > to) return { rule: 'check.noCompleteMonth', params: { value: period!.words } };
      const source = m.kind === 'fundsInPlace' && m.source ? `:${m.source}` : '';
      return `${m.kind}:${from ?? ''}..${to}${source}`;
    }
  }
}

function regionFilter(region: NonNullable<Reading['region']>): Record<string, unknown> {
  if (region.base) return { region: region.base, regions: region.codes };
  return region.codes.length === 1 ? { region: region.codes[0] } : { regions: region.codes };
}

/** The request that answers a figure. `scopePath`: only regions inside it can be asked about. */
export function figureQuery(index: number, all: ReadFigure[], vocabulary: Vocabulary, options: { today: string; scopePath?: string }): FigureQuery {
  const { figure, reading: r } = all[index]!;
  const { today } = options;
  const out: Unresolved[] = [];
  if (r.plan) return { ok: false, unresolved: [{ rule: 'check.plan', params: { value: r.plan } }] };
  if (r.period && (r.period.span.to > `${today.slice(0, 4)}-12-31` || (r.period.span.from ?? '') > today)) {
    return { ok: false, unresolved: [{ rule: 'check.future', params: { value: r.period.words } }] };
  }
  if (figure.approximate) return { ok: false, unresolved: [{ rule: 'check.approximate', params: { value: figure.text } }] };

  if (figure.kind === 'percent') {
    if (!r.yoy) return { ok: false, unresolved: [r.growthWithoutBase ? { rule: 'check.growth', params: { value: r.growthWithoutBase } } : { rule: 'check.percent' }] };
    const base = r.base === null ? null : figureQuery(r.base, all, vocabulary, options);
    if (!base) return { ok: false, unresolved: [{ rule: 'check.percent' }] };
    if (!base.ok) return { ok: false, unresolved: [{ rule: 'check.base', params: { value: all[r.base!]!.figure.text } }] };
    const [measure] = base.request.measures;
    if (base.request.subject !== 'projects' || measure === 'count' || measure.startsWith('attr:')) return { ok: false, unresolved: [{ rule: 'check.percent' }] };
    return { ok: true, request: { ...base.request, measures: [`yoy:${measure}`] } };
  }

  // What is asked: a measure for an amount, a capacity or a quantity; the count of the subject for a count.
  let measure: string | null = null;
  const subject = r.subject?.subject ?? null;
  if (figure.kind === 'count') {
    if (!subject) out.push({ rule: 'check.subject' });
    else if (subject === 'other') out.push({ rule: 'check.otherSubject', params: { value: r.subject!.words } });
    else measure = 'count';
  } else if (figure.kind === 'capacity') {
    if (r.measure && !(r.measure.measure.kind === 'attr' && r.measure.measure.key === 'capacityKw')) out.push({ rule: 'check.unit', params: { value: figure.unit } });
    else measure = 'attr:capacityKw';
  } else if (!r.measure) {
    out.push(figure.kind === 'amount' ? { rule: 'check.measure' } : { rule: 'check.unit', params: { value: figure.unit } });
  } else {
    const m = r.measure.measure;
    const fits =
      figure.kind === 'amount'
        ? MONEY_MEASURES.has(m.kind) || (m.kind === 'attr' && MONEY_ATTRIBUTES.has(m.key))
        : m.kind === 'attr' && QUANTITY_ATTRIBUTES[figure.unit] === m.key;
    if (!fits) out.push({ rule: 'check.unit', params: { value: figure.unit } });
    else {
      const text = measureText(m, r.period, today);
      if (typeof text === 'string') measure = text;
      else out.push(text);
    }
  }
  if (measure && measure !== 'count' && subject && subject !== 'projects') out.push({ rule: 'check.measureSubject', params: { value: r.measure?.words ?? figure.unit } });

  if (r.unplacedRegion) out.push({ rule: 'check.regionUnplaced', params: { value: r.unplacedRegion } });
  else if (!r.region) out.push({ rule: 'check.region' });
  else if (options.scopePath) {
    const outside = r.region.codes.concat(r.region.base ?? []).filter((c) => !vocabulary.regionByCode.get(c)?.path.startsWith(options.scopePath!));
    if (outside.length) out.push({ rule: 'region.outOfScope', params: { value: outside.map((c) => vocabulary.regionByCode.get(c)?.name ?? c).join('、') } });
  }
  if (out.length || !measure || !r.region) return { ok: false, unresolved: out };

  const filter: Record<string, unknown> = regionFilter(r.region);
  const q = r.subject?.qualifiers;
  if (subject === 'enterprises') {
    if (q?.programmes.length) filter.programmes = q.programmes;
    if (q?.enterpriseKinds.length) filter.enterpriseKinds = q.enterpriseKinds;
    return { ok: true, request: { subject: 'enterprises', filter, measures: ['count'] } };
  }
  if (subject === 'groups') return { ok: true, request: { subject: 'groups', filter, measures: ['count'] } };

  if (q?.categories.length) filter.categories = q.categories;
  if (q?.managedByPrefecture) filter.managedBy = 'prefecture';
  if (q?.levels.length) filter.levels = q.levels;
  if (q?.minTotalInvestment) filter.minTotalInvestment = q.minTotalInvestment;
  if (q?.maxTotalInvestment) filter.maxTotalInvestment = q.maxTotalInvestment;
  if (r.kind) filter.kinds = [r.kind.kind];
  if (r.set) Object.assign(filter, r.set.set);
  const span = r.period?.span;
  switch (r.event?.event) {
    case 'started':
    case 'signed':
    case 'completed': {
      const key = r.event.event;
      if (span?.from) filter[`${key}From`] = span.from;
      filter[`${key}To`] = span?.to ?? today;
      break;
    }
    case 'construction':
      filter.stages = ['construction'];
      filter.startedTo = span?.to ?? today;
      break;
    case 'negotiating':
      filter.stages = ['negotiating'];
      break;
    case 'batch': {
      if (r.set) break;
      const found = batchesIn(vocabulary, r.region, span);
      if (found.length !== 1) {
        const where = { region: r.region.words, period: r.period?.words ?? '' };
        return { ok: false, unresolved: [found.length ? { rule: 'check.batchMany', params: { values: found.map((b) => b.name) } } : { rule: 'check.batchNone', params: where }] };
      }
      filter.batch = found[0]!.id;
      break;
    }
    case undefined:
      if (measure === 'count' && r.period?.stated && r.period.span.kind !== 'asOf' && !r.set) return { ok: false, unresolved: [{ rule: 'check.event', params: { value: r.period.words } }] };
  }
  return { ok: true, request: { subject: 'projects', filter, measures: [measure] } };
}

/** Concentrated starts held in the region (or below it) within the period. */
function batchesIn(vocabulary: Vocabulary, region: NonNullable<Reading['region']>, span: NonNullable<Reading['period']>['span'] | undefined) {
  const paths = [region.base ?? region.codes[0]!].map((c) => vocabulary.regionByCode.get(c)?.path).filter((p): p is string => !!p);
  return vocabulary.data.batches.filter((b) => {
    const path = vocabulary.regionByCode.get(b.regionCode)?.path ?? '';
    return paths.some((p) => path.startsWith(p)) && (!span || ((!span.from || b.heldOn >= span.from) && b.heldOn <= span.to));
  });
}

export interface FigureComparison {
  status: 'matches' | 'differs';
  /** The engine's value in the figure's base unit (yuan, kW, count, percent); null for a growth with nothing to grow from. */
  dataValue: string | null;
  /** The engine's value written as the figure is: "1253.5亿元", "393个", "38.6%". */
  dataText: string;
  /** The figure equals the data only after rounding to the figure's precision. */
  rounded: boolean;
}

const MULTIPLIER_TEXT: Record<string, string> = { '1': '', '10': '十', '100': '百', '1000': '千', '10000': '万', '100000000': '亿', '1000000000000': '万亿' };

const shift = (d: Decimal, zeros: number): Decimal => ({ units: d.units, scale: d.scale + zeros });

/** Rounds half away from zero to `places` decimals. */
function roundTo(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return { units: d.units * 10n ** BigInt(places - d.scale), scale: places };
  const divisor = 10n ** BigInt(d.scale - places);
  const negative = d.units < 0n;
  const abs = negative ? -d.units : d.units;
  let q = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) q += 1n;
  return { units: negative ? -q : q, scale: places };
}

const sameValue = (a: Decimal, b: Decimal) => {
  const scale = Math.max(a.scale, b.scale);
  return a.units * 10n ** BigInt(scale - a.scale) === b.units * 10n ** BigInt(scale - b.scale);
};

/** Compares a figure with the engine's answer for it, at the figure's written precision. */
export function compareFigure(figure: FoundFigure, sign: 1 | -1, data: string | number | null): FigureComparison {
  const unit = `${MULTIPLIER_TEXT[figure.multiplier.toString()] ?? ''}${figure.unit}`;
  if (data === null) return { status: 'differs', dataValue: null, dataText: '—', rounded: false };
  const value = parseDecimal(String(data))!;
  // The data in the figure's own unit: yuan → 亿元, kW → 万千瓦 or 兆瓦.
  const zeros = figure.multiplier.toString().length - 1 + ((capacityUnitKw(figure.unit) ?? 1n).toString().length - 1);
  const inUnit = shift(value, zeros);
  const written = sign < 0 ? { units: -figure.written.units, scale: figure.written.scale } : figure.written;
  const places = figure.written.scale;
  const rounded = roundTo(inUnit, places);
  const matches = sameValue(rounded, written);
  const shown = decimalToString(matches ? inUnit : roundTo(inUnit, Math.max(places, 2)));
  return {
    status: matches ? 'matches' : 'differs',
    dataValue: decimalToString(value),
    dataText: `${shown}${unit}`,
    rounded: matches && !sameValue(inUnit, written),
  };
}
