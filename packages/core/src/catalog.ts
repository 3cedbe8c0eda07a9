/**
 * Code lists that every region shares. Categories are a configurable table seeded from
 * DEFAULT_CATEGORIES; the others are fixed by the domain.
 */
export const PROJECT_LEVELS = ['provincial', 'prefectural', 'county', 'general'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];

export const FUND_SOURCES = [
  'outOfProvince',
  'inProvince',
  'foreign',
  'centralBudget',
  'specialBonds',
  'bankLoans',
  'selfRaised',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const ROLES = ['reporter', 'reviewer', 'admin', 'leader', 'press'] as const;
export type Role = (typeof ROLES)[number];

export interface CategoryDefinition {
  code: string;
  parent: string | null;
  zh: string;
  en: string;
}

export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  { code: 'industry', parent: null, zh: '产业项目', en: 'Industry' },
  { code: 'energy-industry', parent: 'industry', zh: '能源工业', en: 'Energy industry' },
  { code: 'other-industry', parent: 'industry', zh: '能源以外工业', en: 'Non-energy industry' },
  { code: 'digital-economy', parent: 'industry', zh: '数字经济', en: 'Digital economy' },
  { code: 'plateau-agriculture', parent: 'industry', zh: '高原特色农业', en: 'Plateau specialty agriculture' },
  { code: 'culture-tourism', parent: 'industry', zh: '文化旅游', en: 'Culture and tourism' },
  { code: 'modern-services', parent: 'industry', zh: '现代服务业', en: 'Modern services' },
  { code: 'infrastructure', parent: null, zh: '基础设施', en: 'Infrastructure' },
  { code: 'transport', parent: 'infrastructure', zh: '交通', en: 'Transport' },
  { code: 'water', parent: 'infrastructure', zh: '水利', en: 'Water' },
  { code: 'energy-infrastructure', parent: 'infrastructure', zh: '能源基础设施', en: 'Energy infrastructure' },
  { code: 'new-infrastructure', parent: 'infrastructure', zh: '新型基础设施', en: 'New infrastructure' },
  { code: 'urban-renewal', parent: null, zh: '城市更新', en: 'Urban renewal' },
  { code: 'old-communities', parent: 'urban-renewal', zh: '老旧小区', en: 'Old residential communities' },
  { code: 'shantytowns', parent: 'urban-renewal', zh: '棚户区', en: 'Shantytowns' },
  { code: 'urban-villages', parent: 'urban-renewal', zh: '城中村', en: 'Urban villages' },
  { code: 'old-factories', parent: 'urban-renewal', zh: '老旧厂区', en: 'Old factory areas' },
  { code: 'old-blocks', parent: 'urban-renewal', zh: '老旧街区', en: 'Old street blocks' },
  { code: 'social', parent: null, zh: '社会民生', en: 'Social services' },
  { code: 'education', parent: 'social', zh: '教育', en: 'Education' },
  { code: 'health', parent: 'social', zh: '卫生健康', en: 'Health' },
  { code: 'rural-revitalization', parent: null, zh: '乡村振兴', en: 'Rural revitalization' },
];

/** Numeric project attributes by key, and how each is measured. */
export const ATTRIBUTE_KEYS = {
  capacityKw: { unit: 'kW', zh: '装机容量（千瓦）', en: 'Installed capacity (kW)' },
  expectedAnnualTax: { unit: 'yuan', zh: '预计年均税收（元）', en: 'Expected annual tax (yuan)' },
  expectedAnnualOutput: { unit: 'yuan', zh: '预计年产值（元）', en: 'Expected annual output (yuan)' },
  jobsCreated: { unit: 'people', zh: '带动就业（人）', en: 'Jobs created' },
  landAreaMu: { unit: 'mu', zh: '用地面积（亩）', en: 'Land area (mu)' },
  housingUnits: { unit: 'units', zh: '改造户数（户/套）', en: 'Housing units' },
} as const;
export type AttributeKey = keyof typeof ATTRIBUTE_KEYS;
export const ATTRIBUTE_KEY_LIST = Object.keys(ATTRIBUTE_KEYS) as AttributeKey[];

/** An attribute value: a non-negative decimal with up to 4 decimals (e.g. 83.2万千瓦 = "832000"). */
export const ATTRIBUTE_VALUE_PATTERN = /^\d{1,15}(\.\d{1,4})?$/;

/** Annual plans may not add up to more than the total investment. */
export function annualPlansWithinTotal(totalFen: bigint, planFen: readonly bigint[]): boolean {
  return planFen.reduce((a, b) => a + b, 0n) <= totalFen;
}

/** Enterprises followed by 招商服务进万企 and the investment offices. */
export const ENTERPRISE_KINDS = ['foreign-invested', 'newly-introduced', 'negotiating', 'target', 'chamber-of-commerce'] as const;
export type EnterpriseKind = (typeof ENTERPRISE_KINDS)[number];

/** Programmes an enterprise can be enrolled in; `enterprise-visits` is 招商服务进万企. */
export const ENTERPRISE_PROGRAMMES = ['enterprise-visits'] as const;
export type EnterpriseProgramme = (typeof ENTERPRISE_PROGRAMMES)[number];

/** The standard milestones (节点) of a project's schedule, in the order they usually fall; `other` is a named node of its own. */
export const MILESTONE_KINDS = [
  'project-approval',
  'feasibility-study',
  'preliminary-design',
  'land',
  'environmental-assessment',
  'construction-permit',
  'start',
  'main-works',
  'completion-acceptance',
  'production',
  'other',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];
