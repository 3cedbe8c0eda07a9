import { BASE_URL, DEMO_PASSWORD } from './browser.js';

/** Calls the API as a demo user, for setting up what a test needs without clicking through it. */
export async function apiAs(username: string) {
  const login = await fetch(`${BASE_URL}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`sign-in as ${username}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  return async function call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

let serial = 0;
/** A project code no other test uses: the county's code and a number from the clock. */
export function uniqueCode(region: string): string {
  serial++;
  return `2024-${region}-44-01-${String((Date.now() * 10 + serial) % 1_000_000).padStart(6, '0')}`;
}

/** A project under construction in a county, recorded by that county's reporter. */
export async function createProject(reporter: string, region: string, name: string, extra: Record<string, unknown> = {}) {
  const call = await apiAs(reporter);
  return call<{ id: number; code: string; name: string }>('POST', '/projects', {
    code: uniqueCode(region),
    name,
    kind: 'investment-attraction',
    regionCode: region,
    locationRegionCode: region,
    categoryCode: 'other-industry',
    level: 'county',
    stage: 'construction',
    // Dates clear of the demo's 2021–2022, so no figure of the source report moves.
    signedOn: '2024-01-10',
    startedOn: '2024-05-20',
    totalInvestment: '800000000',
    agreementAmount: '800000000',
    annualPlans: [{ year: 2024, amount: '200000000' }],
    ...extra,
  });
}
