import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { codelistViolations, oc4idsDir, packageValidator } from './validate-package.js';

/** The OC4IDS schema and code lists are read from ../shared/oc4ids; without them the check cannot run. */
const dir = oc4idsDir();

let t: TestContext;
let province: TestUser;
beforeAll(async () => {
  t = await startTestApp({ demo: true });
  province = await t.user('530000', 'leader');
});
afterAll(() => t.close());

describe('the demo province as an OC4IDS package', () => {
  it.skipIf(!dir)('validates against the OC4IDS 0.9 package schema with 0 errors, every code from the standard’s lists (skipped without ../shared/oc4ids)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/oc4ids/package', headers: { cookie: province.cookie } });
    expect(res.statusCode).toBe(200);
    const pkg = JSON.parse(res.body);
    expect(pkg.projects.length).toBeGreaterThan(3000);
    expect(pkg.projects.some((p: { metrics?: unknown[] }) => p.metrics?.length)).toBe(true);
    expect(packageValidator(dir!)(pkg)).toEqual([]);
    expect(codelistViolations(dir!, pkg)).toEqual([]);
  });
});
