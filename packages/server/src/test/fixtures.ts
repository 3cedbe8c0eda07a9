import type { CreateProjectInput } from '../modules/projects/projects.schemas.js';
import type { TestContext, TestUser } from './harness.js';

let serial = 0;

/** A valid project code, unique within the run. */
export function projectCode(region = '530302'): string {
  serial++;
  return `2022-${region}-44-01-${String(serial + process.pid * 100).slice(-6).padStart(6, '0')}`;
}

/** A complete, valid project under construction in 麒麟区 (Qujing). */
export function projectInput(overrides: Partial<CreateProjectInput> = {}): CreateProjectInput & Record<string, unknown> {
  const region = overrides.regionCode ?? '530302';
  return {
    code: projectCode(region),
    name: '曲靖麒麟区年产10万吨新能源电池材料项目',
    kind: 'investment-attraction',
    regionCode: region,
    locationRegionCode: region,
    longitude: '103.804',
    latitude: '25.496',
    categoryCode: 'other-industry',
    level: 'prefectural',
    stage: 'construction',
    signedOn: '2021-11-20',
    startedOn: '2022-02-15',
    totalInvestment: '1200000000',
    agreementAmount: '1000000000',
    annualPlans: [
      { year: 2022, amount: '400000000' },
      { year: 2023, amount: '500000000' },
    ],
    liaisonLeader: { name: '李云峰', title: '副市长' },
    workingTeam: '市发改委、市工信局、麒麟区政府',
    caseFile: 'QJ-2022-017',
    attributes: { expectedAnnualTax: '36000000' },
    ...overrides,
  } as CreateProjectInput & Record<string, unknown>;
}

export async function createProjectVia(t: TestContext, as: TestUser, overrides: Partial<CreateProjectInput> = {}) {
  const res = await t.call(as, 'POST', '/api/v1/projects', projectInput(overrides));
  if (res.status !== 201) throw new Error(`could not create project: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; version: number; code: string; regionCode: string };
}
