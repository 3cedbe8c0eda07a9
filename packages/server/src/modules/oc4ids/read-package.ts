import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';
import { ATTRIBUTE_KEY_LIST, FUND_SOURCES, chinaDate, chinaPeriod, decimalToString, isProjectCode, normalizeYuan, parseDecimal, type FundSource } from '@guatu/core';
import type { ParsedRow, RowIssue } from '../exchange/import/import-types.js';
import type { CodeLookups } from '../exchange/workbook/cells.js';
import { CATEGORY_OF_SECTOR, CATEGORY_SCHEME, CREDIT_CODE_SCHEME, CURRENCY, PROJECT_CODE_SCHEME, REGION_GAZETTEER, STAGE_OF_STATUS } from './oc4ids-mapping.js';

/** One project of a package, read into the rows the workbook import checks and writes. */
export interface PackageProject {
  index: number;
  oc4idsId: string;
  /** The national code, or null when the package has none (a provisional one is assigned). */
  code: string | null;
  regionCode: string | null;
  year: number;
  project: ParsedRow;
  reports: ParsedRow[];
  identifiers: { id: string; scheme?: string }[];
  sector: string[];
  /** Field paths Guatu could not map, with their values. */
  unmapped: Record<string, unknown>;
}

export class PackageError extends Error {
  constructor(readonly rule: string, readonly params: Record<string, unknown> = {}) {
    super(rule);
  }
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v) && !isLosslessNumber(v);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
/** A number exactly as written; exponent notation (1.5e3) is spelled out. */
const num = (v: unknown) => {
  const text = isLosslessNumber(v) ? (v as LosslessNumber).value : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? v : null;
  const d = text === null ? null : parseDecimal(text);
  return d ? decimalToString(d) : null;
};
/** An amount in the canonical yuan form Guatu stores ("1.5" → "1.50"); an invalid one is left for the checks to name. */
const yuan = (text: string | null) => {
  if (text === null) return null;
  try {
    return normalizeYuan(text);
  } catch {
    return text;
  }
};
/** An OC4IDS date-time as the calendar day in China. */
const day = (v: unknown) => {
  const s = text(v);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : chinaDate(d);
};

/** Parses a package keeping every number exactly as written. */
export function parsePackage(source: string): Json {
  let value: unknown;
  try {
    value = parse(source);
  } catch (e) {
    throw new PackageError('body.json', { value: (e as Error).message });
  }
  if (!isObject(value) || !Array.isArray(value.projects)) throw new PackageError('oc4ids.schema', { value: 'projects' });
  return value;
}

/** Tracks which paths of a project were read, so everything else can be reported as unmapped. */
class Reader {
  readonly used = new Set<string>();
  constructor(readonly root: Json) {}
  get(path: string): unknown {
    let v: unknown = this.root;
    for (const part of path.split('.')) {
      if (v === undefined || v === null) return undefined;
      v = /^\d+$/.test(part) && Array.isArray(v) ? v[Number(part)] : isObject(v) ? v[part] : undefined;
    }
    return v;
  }
  take(path: string): unknown {
    const v = this.get(path);
    if (v !== undefined) this.used.add(path);
    return v;
  }
  unmapped(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const walk = (v: unknown, path: string) => {
      if (this.used.has(path)) return;
      const touched = [...this.used].some((u) => u.startsWith(path ? `${path}.` : ''));
      if (!touched || !(isObject(v) || Array.isArray(v))) {
        out[path] = isLosslessNumber(v) ? Number((v as LosslessNumber).value) : v;
        return;
      }
      for (const [k, child] of Object.entries(v as Json)) walk(child, path ? `${path}.${k}` : k);
    };
    walk(this.root, '');
    return out;
  }
}

const row = (sheet: string, index: number, kind: ParsedRow['kind'], values: Map<string, unknown>, issues: RowIssue[] = []): ParsedRow => ({ sheet, row: index + 1, kind, values, columns: [], issues });

/**
 * Maps one OC4IDS project onto Guatu's fields (docs/oc4ids.md has the table). A package
 * Guatu published carries the `guatu` extension and comes back field for field; any other
 * package maps what it can, with the rest listed as unmapped. Amounts in another currency are
 * not converted: they are reported, and the total investment is left at 0.
 */
export function readProject(o: Json, index: number, lookups: CodeLookups, options: { region?: string | undefined }): PackageProject {
  const r = new Reader(o);
  const id = String(r.take('id') ?? `project-${index + 1}`);
  const sheet = id;
  const ext = isObject(o.guatu) ? (o.guatu as Json) : null;
  const values = new Map<string, unknown>();
  const issues: RowIssue[] = [];
  const issue = (field: string, rule: string, path: string, params?: Record<string, unknown>) => issues.push({ sheet, row: index + 1, column: null, header: path, field, rule, params });
  r.take('updated');
  r.take('language');

  let code: string | null = null;
  const identifiers: { id: string; scheme?: string }[] = [];
  ((r.get('identifiers') as Json[] | undefined) ?? []).forEach((ident, i) => {
    r.take(`identifiers.${i}`);
    const scheme = text(ident.scheme) ?? undefined;
    const value = text(ident.id);
    if (value && (scheme === PROJECT_CODE_SCHEME || scheme === 'GUATU') && isProjectCode(value)) code = value;
    else if (value) identifiers.push({ id: value, ...(scheme ? { scheme } : {}) });
  });

  values.set('name', text(r.take('title')));
  if (r.get('description') !== undefined || ext) values.set('description', text(r.take('description')));
  const sector = ((r.take('sector') as unknown[]) ?? []).filter((s): s is string => typeof s === 'string');

  let category: string | null = null;
  ((r.get('additionalClassifications') as Json[] | undefined) ?? []).forEach((c, i) => {
    if (c.scheme === CATEGORY_SCHEME && typeof c.id === 'string') {
      r.take(`additionalClassifications.${i}`);
      category = c.id;
    }
  });
  category ??= sector.map((s) => CATEGORY_OF_SECTOR[s.split('.')[0]!]).find(Boolean) ?? 'infrastructure';
  values.set('categoryCode', category);

  const kind = ext && (ext.kind === 'investment-attraction' || ext.kind === 'government') ? ext.kind : 'government';
  values.set('kind', kind);
  const status = text(r.get('status'));
  let stage = ext ? text(ext.stage) : null;
  if (!stage && status && STAGE_OF_STATUS[status]) stage = STAGE_OF_STATUS[status][kind];
  if (stage) r.take('status');
  values.set('stage', stage);
  values.set('level', ext ? (text(ext.level) ?? 'general') : 'general');

  values.set('startedOn', day(r.take('period.startDate')));
  values.set('completedOn', day(r.take('period.endDate')));

  // Regions: the extension names them; otherwise the GB/T 2260 gazetteer, the public authority, or the region asked for.
  const gazetteer = r.get('locations.0.gazetteer') as Json | undefined;
  const gazetteerCode = gazetteer?.scheme === REGION_GAZETTEER && Array.isArray(gazetteer.identifiers) ? text(gazetteer.identifiers[0]) : null;
  if (gazetteerCode) r.take('locations.0.gazetteer');
  const authority = text((r.get('publicAuthority') as Json | undefined)?.id);
  const authorityCode = authority?.startsWith(`${REGION_GAZETTEER}-`) ? authority.slice(REGION_GAZETTEER.length + 1) : null;
  if (authorityCode) r.take('publicAuthority');
  let regionCode = text((ext?.responsibleRegion as Json | undefined)?.id) ?? authorityCode ?? null;
  if (!regionCode && gazetteerCode && lookups.regionByCode.has(gazetteerCode)) regionCode = gazetteerCode;
  regionCode ??= options.region ?? null;
  if (!regionCode) issue('regionCode', 'oc4ids.noRegion', 'locations', { value: id });
  values.set('regionCode', regionCode);
  const location = ext ? text(ext.locationRegion) : gazetteerCode && lookups.regionByCode.get(gazetteerCode)?.level !== 'prefecture' && lookups.regionByCode.has(gazetteerCode) ? gazetteerCode : null;
  values.set('locationRegionCode', location);
  const coordinates = r.get('locations.0.geometry.coordinates');
  // Guatu keeps WGS-84 degrees to 6 decimals (about 0.1 m); finer coordinates are reported rather than rounded.
  const degrees = (v: unknown, max: number) => {
    const n = num(v);
    return n !== null && /^-?\d{1,3}(\.\d{1,6})?$/.test(n) && Math.abs(Number(n)) <= max ? n : null;
  };
  if (r.get('locations.0.geometry.type') === 'Point' && Array.isArray(coordinates) && coordinates.length === 2 && degrees(coordinates[0], 180) && degrees(coordinates[1], 90)) {
    r.take('locations.0.geometry');
    values.set('longitude', num(coordinates[0]));
    values.set('latitude', num(coordinates[1]));
  } else if (ext) {
    values.set('longitude', null);
    values.set('latitude', null);
  }
  if (gazetteerCode) {
    r.take('locations.0.id');
    r.take('locations.0.description');
    r.take('locations.0.address');
  }

  // Money: yuan only.
  const amount = (path: string): string | null => {
    const v = r.get(path) as Json | undefined;
    if (!isObject(v) || v.currency !== CURRENCY || num(v.amount) === null) return null;
    r.take(path);
    return yuan(num(v.amount));
  };
  values.set('totalInvestment', amount('budget.amount') ?? '0');
  ((r.get('budget.budgetBreakdowns') as Json[] | undefined) ?? []).forEach((group, g) => {
    ((group.budgetBreakdown as Json[] | undefined) ?? []).forEach((b, i) => {
      const start = day((b.period as Json | undefined)?.startDate);
      const end = day((b.period as Json | undefined)?.endDate);
      const yearly = start && end && start.endsWith('-01-01') && end === `${start.slice(0, 4)}-12-31`;
      const value = yearly ? amount(`budget.budgetBreakdowns.${g}.budgetBreakdown.${i}.amount`) : null;
      if (yearly && value !== null) {
        values.set(`annualPlans.${start.slice(0, 4)}`, value);
        for (const k of ['id', 'description', 'period']) r.take(`budget.budgetBreakdowns.${g}.budgetBreakdown.${i}.${k}`);
      }
    });
    if (r.get(`budget.budgetBreakdowns.${g}.id`) === 'annualPlans') {
      r.take(`budget.budgetBreakdowns.${g}.id`);
      r.take(`budget.budgetBreakdowns.${g}.description`);
    }
  });
  // Guatu's own finance entries are sums of the monthly figures below, not facts of their own.
  ((r.get('budget.finance') as Json[] | undefined) ?? []).forEach((f, i) => {
    if (FUND_SOURCES.includes(f.id as FundSource) && String(f.title ?? '').includes('已审核月报累计')) r.take(`budget.finance.${i}`);
  });

  // Parties: the public authority, and the investor by unified social credit code.
  ((r.get('parties') as Json[] | undefined) ?? []).forEach((party, i) => {
    const ident = party.identifier as Json | undefined;
    if (ident?.scheme === CREDIT_CODE_SCHEME && text(ident.id)) {
      r.take(`parties.${i}`);
      values.set('investorCreditCode', text(ident.id));
    } else if (authorityCode && party.id === authority) r.take(`parties.${i}`);
  });
  if (ext && !values.has('investorCreditCode')) values.set('investorCreditCode', null);

  if (ext) {
    r.take('guatu.stage');
    r.take('guatu.kind');
    r.take('guatu.level');
    r.take('guatu.responsibleRegion');
    r.take('guatu.managedByPrefecture');
    r.take('guatu.locationRegion');
    values.set('signedOn', day(r.take('guatu.signedDate')));
    values.set('agreementAmount', amount('guatu.agreementValue'));
    const leader = r.take('guatu.liaisonLeader') as Json | undefined;
    values.set('liaisonLeader.name', text(leader?.name));
    values.set('liaisonLeader.title', text(leader?.jobTitle));
    values.set('workingTeam', text(r.take('guatu.workingTeam')));
    values.set('caseFile', text(r.take('guatu.caseFile')));
    const attributes = (r.take('guatu.attributes') as Json | undefined) ?? {};
    for (const key of ATTRIBUTE_KEY_LIST) values.set(`attributes.${key}`, num(attributes[key]));
    if (ext.suspendedFrom !== undefined) r.take('guatu.suspendedFrom');
  }

  const reports = readReports(r, sheet, ext);
  const year = Number((values.get('startedOn') as string | null)?.slice(0, 4) ?? day(o.updated)?.slice(0, 4) ?? chinaPeriod().slice(0, 4));
  return { index, oc4idsId: id, code, regionCode, year, project: row(sheet, index, 'projects', values, issues), reports, identifiers, sector, unmapped: r.unmapped() };
}

/** Monthly reports from the metrics (completed investment, physical progress) and the extension's monthly figures. */
function readReports(r: Reader, sheet: string, ext: Json | null): ParsedRow[] {
  const byPeriod = new Map<string, Map<string, unknown>>();
  const at = (period: string) => byPeriod.get(period) ?? byPeriod.set(period, new Map([['period', period]])).get(period)!;
  ((r.get('metrics') as Json[] | undefined) ?? []).forEach((metric, m) => {
    if (metric.id !== 'financialProgress' && metric.id !== 'physicalProgress') return;
    let any = false;
    ((metric.observations as Json[] | undefined) ?? []).forEach((obs, i) => {
      const period = day((obs.period as Json | undefined)?.startDate)?.slice(0, 7);
      const base = `metrics.${m}.observations.${i}`;
      if (!period) return;
      if (metric.id === 'financialProgress') {
        const v = obs.value as Json | undefined;
        if (!isObject(v) || v.currency !== CURRENCY || num(v.amount) === null) return;
        at(period).set('completedInvestment', yuan(num(v.amount)));
        for (const k of ['id', 'period', 'value']) r.take(`${base}.${k}`);
      } else {
        const measure = num(obs.measure);
        if (measure === null) return;
        at(period).set('progressPercent', Number(measure));
        if (!ext && text(obs.notes)) at(period).set('physicalProgress', text(obs.notes));
        for (const k of ['id', 'period', 'measure', 'unit', 'notes']) r.take(`${base}.${k}`);
      }
      any = true;
    });
    if (any) {
      r.take(`metrics.${m}.id`);
      r.take(`metrics.${m}.title`);
      r.take(`metrics.${m}.description`);
    }
  });
  ((ext?.monthlyReports as Json[] | undefined) ?? []).forEach((m, i) => {
    const period = text(m.period);
    if (!period) return;
    r.take(`guatu.monthlyReports.${i}`);
    const values = at(period);
    const funds = (m.fundsInPlace as Json | undefined) ?? {};
    for (const s of FUND_SOURCES) {
      const v = funds[s] as Json | undefined;
      if (isObject(v) && v.currency === CURRENCY) values.set(`funds.${s}`, yuan(num(v.amount)));
    }
    values.set('physicalProgress', text(m.physicalProgress));
    values.set('workersOnSite', typeof num(m.workersOnSite) === 'string' ? Number(num(m.workersOnSite)) : null);
    values.set('workersExpected', typeof num(m.workersExpected) === 'string' ? Number(num(m.workersExpected)) : null);
    values.set('narrative', text(m.narrative));
  });
  return [...byPeriod.values()].map((values, i) => row(`${sheet}#reports`, i, 'monthlyReports', values));
}
