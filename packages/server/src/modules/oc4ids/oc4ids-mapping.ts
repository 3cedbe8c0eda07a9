import { FUND_SOURCES, FIELD_LABELS, LEVEL_LABELS, OC4IDS_STATUS, type FundSource, type Stage } from '@guatu/core';
import { LosslessNumber } from 'lossless-json';

/**
 * How Guatu's records read as OC4IDS 0.9, in one place: schemes, code list mappings and the
 * Guatu extension. docs/oc4ids.md explains each choice.
 */
export const OC4IDS_VERSION = '0.9';
export const CURRENCY = 'CNY';

/** 全国投资项目在线审批监管平台: the national investment project code. */
export const PROJECT_CODE_SCHEME = 'CN-NIPC';
/** GB/T 2260 administrative division codes, as a location gazetteer. */
export const REGION_GAZETTEER = 'CN-GBT2260';
/** Unified social credit codes (GB 32100), the org-id.guide scheme for Chinese organisations. */
export const CREDIT_CODE_SCHEME = 'CN-USCC';
/** Guatu's own category code list, as an additional classification. */
export const CATEGORY_SCHEME = 'GUATU-CATEGORY';

/** Guatu category → OC4IDS projectSector codes (the code list is open; only its codes are used). */
export const SECTOR_OF_CATEGORY: Record<string, string[]> = {
  industry: ['economy'],
  'energy-industry': ['energy'],
  'other-industry': ['economy'],
  'digital-economy': ['communications'],
  'plateau-agriculture': ['economy'],
  'culture-tourism': ['cultureSportsAndRecreation'],
  'modern-services': ['economy'],
  infrastructure: ['transport'],
  transport: ['transport'],
  water: ['waterAndWaste'],
  'energy-infrastructure': ['energy'],
  'new-infrastructure': ['communications'],
  'urban-renewal': ['socialHousing'],
  'old-communities': ['socialHousing'],
  shantytowns: ['socialHousing'],
  'urban-villages': ['socialHousing'],
  'old-factories': ['economy'],
  'old-blocks': ['socialHousing'],
  social: ['governance'],
  education: ['education'],
  health: ['health'],
  'rural-revitalization': ['economy'],
};

/** For packages from elsewhere: the Guatu category a sector most likely means. */
export const CATEGORY_OF_SECTOR: Record<string, string> = {
  education: 'education',
  health: 'health',
  energy: 'energy-infrastructure',
  communications: 'new-infrastructure',
  waterAndWaste: 'water',
  transport: 'transport',
  socialHousing: 'urban-renewal',
  cultureSportsAndRecreation: 'culture-tourism',
  economy: 'industry',
  governance: 'social',
  naturalResources: 'water',
};

/** OC4IDS projectStatus → the stage a project of each kind enters Guatu at, when the package does not say. */
export const STAGE_OF_STATUS: Record<string, { 'investment-attraction': Stage; government: Stage }> = {
  identification: { 'investment-attraction': 'negotiating', government: 'planning' },
  preparation: { 'investment-attraction': 'preparation', government: 'preparation' },
  implementation: { 'investment-attraction': 'construction', government: 'construction' },
  completion: { 'investment-attraction': 'completed', government: 'completed' },
  // "completed" is what the standard's own example writes; the code list says "completion".
  completed: { 'investment-attraction': 'completed', government: 'completed' },
  maintenance: { 'investment-attraction': 'operating', government: 'operating' },
  cancelled: { 'investment-attraction': 'cancelled', government: 'cancelled' },
};

export const statusOf = (stage: Stage) => OC4IDS_STATUS[stage];

/** Financing arrangement types where a fund source names one. */
export const FINANCE_TYPE: Partial<Record<FundSource, string>> = { bankLoans: 'loan', specialBonds: 'bond', centralBudget: 'grant' };

export const fundTitle = (source: FundSource) => FIELD_LABELS[source]!.zh;
export const levelTitle = (level: string) => LEVEL_LABELS[level]?.zh ?? level;

/** An exact JSON number from a decimal string: written as it is, never through a float. */
export const exact = (decimal: string | number) => new LosslessNumber(String(decimal));
export const money = (yuan: string) => ({ amount: exact(yuan), currency: CURRENCY });

/** Dates are China's calendar days. */
export const dayStart = (date: string) => `${date}T00:00:00+08:00`;
export const dayEnd = (date: string) => `${date}T23:59:59+08:00`;

export function monthPeriod(period: string) {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { startDate: dayStart(`${period}-01`), endDate: dayEnd(`${period}-${String(last).padStart(2, '0')}`) };
}

export const FUND_SOURCE_LIST: readonly FundSource[] = FUND_SOURCES;
