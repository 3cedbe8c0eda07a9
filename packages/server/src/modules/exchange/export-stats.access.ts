import type { AccessTable } from '../../test/access/types.js';

/**
 * A statistics export is a list: everyone signed in may ask, and the figures only ever count
 * records inside the caller's region. The sheet writes the filter back, so the request names the
 * region rather than a record's code (which would be echoed to out-of-scope callers by design).
 */
export const access: AccessTable = {
  'POST /api/v1/exports/stats': [
    {
      label: 'xlsx',
      scope: 'list',
      readOnly: true,
      ok: 200,
      shows: false,
      setup: (w) => w.project(),
      request: () => ({ body: { filter: { region: '530302' }, measures: ['count', 'totalInvestment'], groupBy: ['stage'] } }),
    },
    {
      label: 'csv',
      scope: 'list',
      readOnly: true,
      ok: 200,
      shows: false,
      setup: (w) => w.project(),
      request: () => ({ body: { filter: { region: '530302', stages: ['construction'] }, measures: ['count', 'totalInvestment'], format: 'csv' } }),
    },
  ],
};
