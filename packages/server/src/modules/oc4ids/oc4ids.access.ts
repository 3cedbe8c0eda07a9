import { roles, POSITIONS, type AccessTable, type Case } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';
import { projectCode } from '../../test/fixtures.js';

const editors = roles('reporter', 'admin');

/**
 * An OC4IDS package of one new project in `region`. Its id, code and title are the caller's own
 * text, not secrets: the answer names them back to whoever sent them.
 */
function onePackage(w: World, region = '530302'): { body: string } {
  const project = {
    id: `oc4ids-matrix-${w.fresh('p')}`,
    title: w.fresh('开放数据矩阵项目'),
    status: 'implementation',
    identifiers: [{ id: projectCode(region), scheme: 'CN-NIPC' }],
    additionalClassifications: [{ scheme: 'GUATU-CATEGORY', id: 'other-industry' }],
    period: { startDate: '2022-02-15T00:00:00+08:00' },
    budget: { amount: { amount: 1200000000, currency: 'CNY' } },
    publicAuthority: { id: `CN-GBT2260-${region}` },
  };
  return { body: JSON.stringify({ version: '0.9', projects: [project] }) };
}

const ownRegion = (c: Case) => (c.position && c.position !== 'province' ? POSITIONS[c.position].region : '530302');

export const access: AccessTable = {
  'GET /api/v1/oc4ids/package': [
    { label: 'all', scope: 'list', ok: 200, setup: (w) => w.project(), request: () => ({}) },
    { label: 'of 麒麟区', scope: 'list', ok: 200, setup: (w) => w.project(), request: () => ({ query: { region: '530302' } }) },
  ],
  'POST /api/v1/oc4ids/import': [
    { label: 'a dry run', scope: 'list', readOnly: true, may: editors, ok: 200, setup: async (w) => onePackage(w), request: (f) => ({ query: { dryRun: 'true' }, body: f.body }) },
    {
      label: 'committing a project of the caller’s own area',
      scope: 'global',
      may: editors,
      ok: 200,
      setup: async (w, c) => onePackage(w, ownRegion(c)),
      request: (f) => ({ query: { dryRun: 'false' }, body: f.body }),
    },
  ],
};
