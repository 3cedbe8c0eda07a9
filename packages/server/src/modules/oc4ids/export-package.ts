import type { Writable } from 'node:stream';
import { stringify } from 'lossless-json';
import { normalizeYuan, sumYuan, type FundSource, type Stage } from '@guatu/core';
import type { Database } from '../../db/client.js';
import type { Actor } from '../../policies/actor.js';
import { FUND_COLUMN, figuresOf } from '../exchange/import/plan-reports.js';
import {
  CATEGORY_SCHEME,
  CREDIT_CODE_SCHEME,
  FINANCE_TYPE,
  FUND_SOURCE_LIST,
  OC4IDS_VERSION,
  PROJECT_CODE_SCHEME,
  REGION_GAZETTEER,
  SECTOR_OF_CATEGORY,
  dayEnd,
  dayStart,
  exact,
  fundTitle,
  money,
  monthPeriod,
  statusOf,
} from './oc4ids-mapping.js';
import { pageProjectsForPackage, type PackageRow } from './oc4ids.repository.js';

export interface PackageOptions {
  /** The publisher's registered OC4IDS prefix; projects without an OC4IDS id of their own get `<prefix>-<code>`. */
  prefix: string;
  publisher: string;
  uri: string;
  region?: string | undefined;
}

const PAGE = 500;
const isProvisional = (code: string) => /^\d{4}-\d{6}-00-00-\d{6}$/.test(code);
const compact = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length))) as Partial<T>;

/** One Guatu project as an OC4IDS project, with what OC4IDS cannot hold in the `guatu` extension. */
export function toOc4idsProject(row: PackageRow, prefix: string): Record<string, unknown> {
  const p = row.project;
  const partyId = `${REGION_GAZETTEER}-${p.regionCode}`;
  const investorId = row.investorCreditCode ? `${CREDIT_CODE_SCHEME}-${row.investorCreditCode}` : null;
  const figures = row.reports.map((r) => ({ period: r.period, figures: figuresOf(r), report: r }));
  const totals = FUND_SOURCE_LIST.map((s) => ({ source: s, total: sumYuan(figures.map((f) => f.figures[FUND_COLUMN[s]] as string)) })).filter((t) => t.total !== '0');
  const identifiers = [...(isProvisional(p.code) ? [] : [{ id: p.code, scheme: PROJECT_CODE_SCHEME }]), ...(row.link?.identifiers ?? [])];
  const location = p.locationRegionCode ?? p.regionCode;

  return compact({
    id: row.link?.oc4idsId ?? `${prefix}-${p.code}`,
    updated: p.updatedAt.toISOString(),
    language: 'zh',
    identifiers: identifiers.length ? identifiers : [{ id: p.code, scheme: 'GUATU' }],
    title: p.name,
    description: p.description,
    status: statusOf(p.stage as Stage),
    sector: row.link?.sector.length ? row.link.sector : (SECTOR_OF_CATEGORY[p.categoryCode] ?? ['economy']),
    additionalClassifications: [{ scheme: CATEGORY_SCHEME, id: p.categoryCode, description: row.categoryName }],
    period: p.startedOn || p.completedOn ? compact({ startDate: p.startedOn ? dayStart(p.startedOn) : null, endDate: p.completedOn ? dayEnd(p.completedOn) : null }) : null,
    locations: [
      compact({
        id: '1',
        description: p.locationRegionCode ? row.locationName : row.regionName,
        geometry: p.longitude && p.latitude ? { type: 'Point', coordinates: [exact(normalizeDecimal(p.longitude)), exact(normalizeDecimal(p.latitude))] } : null,
        gazetteer: { scheme: REGION_GAZETTEER, identifiers: [location] },
        address: { region: (p.locationRegionCode ? row.locationName : row.regionName) ?? undefined, countryName: '中国' },
      }),
    ],
    budget: compact({
      amount: money(normalizeYuan(p.totalInvestment)!),
      budgetBreakdowns: row.annualPlans.length
        ? [
            {
              id: 'annualPlans',
              description: '年度计划投资',
              budgetBreakdown: row.annualPlans.map((a) => ({
                id: String(a.year),
                description: `${a.year}年度计划投资`,
                amount: money(normalizeYuan(a.amount)!),
                period: { startDate: dayStart(`${a.year}-01-01`), endDate: dayEnd(`${a.year}-12-31`) },
              })),
            },
          ]
        : null,
      finance: totals.map((t) => compact({ id: t.source, title: `${fundTitle(t.source)}（已审核月报累计）`, source: fundTitle(t.source), type: FINANCE_TYPE[t.source], value: money(t.total) })),
    }),
    parties: [
      { id: partyId, name: row.regionName, roles: ['publicAuthority'], address: { region: row.regionName, countryName: '中国' } },
      ...(investorId ? [{ id: investorId, name: row.investorName, identifier: { scheme: CREDIT_CODE_SCHEME, id: row.investorCreditCode, legalName: row.investorName }, roles: ['funder'] }] : []),
    ],
    publicAuthority: { id: partyId, name: row.regionName },
    metrics: [
      figures.length
        ? { id: 'financialProgress', title: '本月完成投资', description: '已审核月度调度的当月完成投资（元）', observations: figures.map((f) => ({ id: f.period, period: monthPeriod(f.period), value: money(f.figures.completedInvestment) })) }
        : null,
      figures.some((f) => f.figures.progressPercent !== null)
        ? {
            id: 'physicalProgress',
            title: '形象进度',
            observations: figures
              .filter((f) => f.figures.progressPercent !== null)
              .map((f) => compact({ id: f.period, period: monthPeriod(f.period), measure: exact(f.figures.progressPercent!), unit: { name: 'percent', id: 'P1', scheme: 'UNCEFACT' }, notes: f.figures.physicalProgress })),
          }
        : null,
    ].filter(Boolean),
    guatu: guatuExtension(row, figures),
  });
}

function normalizeDecimal(v: string): string {
  return v.includes('.') ? v.replace(/0+$/, '').replace(/\.$/, '') : v;
}

/** The Guatu extension: stage, kind, level, 四个一, signing, attributes, monthly figures by fund source, problems. */
function guatuExtension(row: PackageRow, figures: { period: string; figures: ReturnType<typeof figuresOf> }[]) {
  const p = row.project;
  return compact({
    stage: p.stage,
    suspendedFrom: p.suspendedFrom,
    kind: p.kind,
    level: p.level,
    responsibleRegion: { id: p.regionCode, name: row.regionName, level: row.regionLevel },
    // The location's gazetteer entry falls back to the responsible region; this says which it is.
    locationRegion: p.locationRegionCode,
    managedByPrefecture: row.regionLevel === 'prefecture',
    signedDate: p.signedOn ? dayStart(p.signedOn) : null,
    agreementValue: p.agreementAmount ? money(normalizeYuan(p.agreementAmount)!) : null,
    liaisonLeader: p.liaisonLeaderName ? compact({ name: p.liaisonLeaderName, jobTitle: p.liaisonLeaderTitle }) : null,
    workingTeam: p.workingTeam,
    caseFile: p.caseFile,
    attributes: Object.keys(p.attributes).length ? Object.fromEntries(Object.entries(p.attributes).map(([k, v]) => [k, exact(v)])) : null,
    monthlyReports: figures.map((f) =>
      compact({
        period: f.period,
        fundsInPlace: Object.fromEntries(FUND_SOURCE_LIST.map((s: FundSource) => [s, money(f.figures[FUND_COLUMN[s]] as string)])),
        physicalProgress: f.figures.physicalProgress,
        workersOnSite: f.figures.workersOnSite,
        workersExpected: f.figures.workersExpected,
        narrative: f.figures.narrative,
      }),
    ),
    problems: row.problems.map((x) =>
      compact({ id: String(x.id), title: x.title, status: x.status, responsibleUnit: x.responsibleUnit, responsibleLeader: x.responsibleLeader, dueDate: x.dueOn ? dayEnd(x.dueOn) : null, raisedDate: x.raisedAt.toISOString(), closedDate: x.closedAt?.toISOString() }),
    ),
  });
}

/**
 * Streams the projects in the actor's region as an OC4IDS 0.9 project package, page by page.
 * Amounts are written from their decimal strings as exact JSON numbers.
 */
export async function exportPackage(database: Database, actor: Actor, options: PackageOptions, output: Writable): Promise<number> {
  const head = stringify({ version: OC4IDS_VERSION, uri: options.uri, publishedDate: new Date().toISOString(), publisher: { name: options.publisher }, license: 'http://opendatacommons.org/licenses/pddl/1.0/' })!;
  output.write(head.slice(0, -1) + ',"projects":[');
  let after: string | null = null;
  let count = 0;
  for (;;) {
    const page = await pageProjectsForPackage(database.db, actor, { region: options.region }, after, PAGE);
    for (const row of page) {
      const text = stringify(toOc4idsProject(row, options.prefix))!;
      if (!output.write((count++ ? ',' : '') + text)) await new Promise((r) => output.once('drain', r));
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.project.code;
  }
  output.end(']}');
  return count;
}
