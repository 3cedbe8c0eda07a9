import type { AccessTable } from '../../test/access/types.js';

/**
 * The engine counts inside the caller's area only; its answers carry figures and region names,
 * never a record's own text, so no in-scope answer is checked for one.
 */
export const access: AccessTable = {
  'POST /api/v1/stats': [
    {
      label: 'grouped by region',
      scope: 'list',
      readOnly: true,
      ok: 200,
      shows: false,
      setup: (w) => w.project(),
      request: () => ({ body: { measures: ['count', 'totalInvestment'], groupBy: ['region'] } }),
    },
    {
      label: 'of one project, with its records',
      scope: 'list',
      readOnly: true,
      ok: 200,
      shows: false,
      setup: (w) => w.project(),
      request: (f) => ({ body: { filter: { region: '530302', q: f.code }, measures: ['count'], drill: true } }),
    },
    {
      label: 'of enterprises',
      scope: 'list',
      readOnly: true,
      ok: 200,
      shows: false,
      setup: (w) => w.enterprise(),
      request: (f) => ({ body: { subject: 'enterprises', filter: { q: f.name }, measures: ['count'], groupBy: ['enterpriseKind'], drill: true } }),
    },
  ],
  'GET /api/v1/stats/vocabulary': { scope: 'global', ok: 200, request: () => ({}) },
};
