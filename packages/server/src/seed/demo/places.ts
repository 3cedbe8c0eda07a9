import { creditCodeCheckChar } from '@guatu/core';
import { REGIONS_FILE } from '../reference-data.js';
import type { Random } from './random.js';

export interface Place {
  code: string;
  parentCode: string | null;
  level: 'province' | 'prefecture' | 'county' | 'zone';
  name: string;
  shortName: string;
}

export const PLACES: Place[] = REGIONS_FILE.regions;
export const placeByCode = new Map(PLACES.map((p) => [p.code, p]));
export const PREFECTURES = PLACES.filter((p) => p.level === 'prefecture');
/** The counties and zones under a prefecture. */
export const countiesOf = (prefecture: string) => PLACES.filter((p) => p.parentCode === prefecture);

/** Where each prefecture's seat lies (WGS-84, approximate); demo points scatter around it. */
const SEATS: Record<string, [number, number]> = {
  '530100': [102.83, 24.88],
  '530300': [103.8, 25.49],
  '530400': [102.55, 24.35],
  '530500': [99.16, 25.11],
  '530600': [103.72, 27.34],
  '530700': [100.23, 26.86],
  '530800': [100.97, 22.83],
  '530900': [100.09, 23.88],
  '532300': [101.53, 25.04],
  '532500': [103.38, 23.36],
  '532600': [104.24, 23.37],
  '532800': [100.8, 22.01],
  '532900': [100.23, 25.59],
  '533100': [98.59, 24.43],
  '533300': [98.85, 25.82],
  '533400': [99.7, 27.82],
};

/** A point near the project's county: each county gets its own offset from the prefecture seat. */
export function pointIn(r: Random, county: string): { longitude: string; latitude: string } {
  const place = placeByCode.get(county)!;
  const prefecture = place.level === 'prefecture' ? place.code : place.parentCode!;
  const [lon, lat] = SEATS[prefecture]!;
  const siblings = countiesOf(prefecture);
  const i = Math.max(0, siblings.findIndex((s) => s.code === county));
  const angle = (2 * Math.PI * i) / Math.max(1, siblings.length);
  const reach = place.level === 'county' && i > 0 ? 0.45 : 0.08;
  const x = lon + Math.cos(angle) * reach + (r.next() - 0.5) * 0.12;
  const y = lat + Math.sin(angle) * reach * 0.8 + (r.next() - 0.5) * 0.1;
  return { longitude: x.toFixed(6), latitude: y.toFixed(6) };
}

/** National industry codes (国民经济行业分类 divisions) used in the project code for each category. */
const INDUSTRY_CODES: Record<string, string> = {
  'energy-industry': '44',
  'new-energy-hydrogen': '44',
  'other-industry': '30',
  'digital-economy': '65',
  'plateau-agriculture': '01',
  'culture-tourism': '87',
  'modern-services': '59',
  transport: '48',
  water: '76',
  'energy-infrastructure': '44',
  'new-infrastructure': '63',
  'old-communities': '47',
  shantytowns: '47',
  'urban-villages': '47',
  'old-factories': '47',
  'old-blocks': '47',
  education: '83',
  health: '84',
  'rural-revitalization': '05',
};

let serial = 0;

/** A national investment project code: year-location-industry-type-serial. */
export function projectCode(year: string, county: string, category: string, government: boolean): string {
  serial++;
  const type = government ? '01' : '03';
  return `${year}-${county}-${INDUSTRY_CODES[category] ?? '99'}-${type}-${String(serial).padStart(6, '0')}`;
}

export function resetSerials() {
  serial = 0;
  creditCodes.clear();
}

const creditCodes = new Set<string>();
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * A unified social credit code (GB 32100): registration authority 9 (market regulation), type 1
 * (enterprise), the registering region, an organisation code with its own GB 11714 check digit,
 * and the final check character.
 */
export function creditCode(r: Random, region: string): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => r.int(0, 9));
    const c = 11 - (digits.reduce((s, d, i) => s + d * ORG_WEIGHTS[i]!, 0) % 11);
    const org = digits.join('') + (c === 10 ? 'X' : c === 11 ? '0' : String(c));
    const first17 = `91${region}${org}`;
    const code = first17 + creditCodeCheckChar(first17)!;
    if (!creditCodes.has(code)) {
      creditCodes.add(code);
      return code;
    }
  }
}
