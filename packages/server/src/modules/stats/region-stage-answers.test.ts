import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, type TestContext } from '../../test/harness.js';
import { systemActor } from '../../policies/actor.js';
import { runStats } from './run-stats.js';
import { statsRequestBody } from './stats.schemas.js';
import { sql } from 'drizzle-orm';
import { projectConditions, regionCodesFor } from '../filters/filters.repository.js';
import { countProjectsByRegionStage } from '../filters/region-stage.repository.js';

/**
 * A request that names only regions and stages is answered from the region-and-stage totals; it
 * must give exactly what the same request gives from the projects, on the demo province, for a
 * province and a prefecture officer.
 */
let t: TestContext;

beforeAll(async () => {
  t = await startTestApp({ demo: true });
});
afterAll(() => t.close());

const MEASURES = [
  'count',
  'totalInvestment',
  'agreementAmount',
  'plannedInvestment:2022',
  'completedInvestment:2022-01..2022-06',
  'completedInvestment:..2022-03',
  'fundsInPlace:2022-03:outOfProvince',
  'fundsInPlace:2021-11..2022-02',
  'yoy:completedInvestment:2022-01..2022-06',
  'yoy:fundsInPlace:2022-01..2022-03:outOfProvince',
  'lastYear:plannedInvestment:2022',
  'yoy:count',
];

const request = fc.record({
  filter: fc.record(
    {
      region: fc.constantFrom('530000', '530300', '530302', '530100', '532500'),
      stages: fc.subarray(['negotiating', 'signed', 'preparation', 'construction', 'completed', 'operating'] as const),
      managedBy: fc.constantFrom('prefecture' as const, 'county' as const),
      asOf: fc.constant('2022-06-30'),
    },
    { requiredKeys: [] },
  ),
  groupBy: fc.subarray(['region', 'stage', 'managedBy'] as const, { maxLength: 2 }),
  measures: fc.subarray(MEASURES, { minLength: 1 }),
});

describe('answers from the region-and-stage totals', () => {
  it('equal the answers from the projects', async () => {
    const actors = [systemActor('530000/'), { ...systemActor('530000/530300/'), regionLevel: 'prefecture' as const }];
    await fc.assert(
      fc.asyncProperty(request, fc.constantFrom(...actors), async (body, actor) => {
        const parsed = statsRequestBody.parse({ subject: 'projects', ...body });
        const fromTotals = await runStats(t.database.db, actor, parsed, 'zh');
        const fromProjects = await runStats(t.database.db, actor, parsed, 'zh', { regionStageTotals: false });
        expect(fromTotals).toEqual(fromProjects);
        // The project list's total for the same filter.
        const filter = parsed.filter;
        const codes = await regionCodesFor(t.database.db, actor, filter);
        const counted = await t.database.db.execute(sql`select count(*)::int as n from projects where ${projectConditions(actor, filter, '2022-06-30', codes)}`);
        expect(await countProjectsByRegionStage(t.database.db, filter, codes)).toBe((counted as unknown as { rows: { n: number }[] }).rows[0]!.n);
      }),
      { numRuns: 120 },
    );
  });
});
