import { roles, type AccessTable } from '../../test/access/types.js';
import type { World } from '../../test/access/world.js';

const admins = roles('admin');
/** Who writes bulletins: the press office and the schedulers (reviewers), and administrators. */
const writers = roles('press', 'reviewer', 'admin');

/** A template body whose one figure counts the projects found by `q` in the bulletin's region. */
const templateBody = (title: string, q: string) => ({
  title: `${title}{{region}}{{periodFull}}项目{{found}}个`,
  paragraphs: [{ text: '{{region}}{{periodFull}}调度项目{{found}}个。' }],
  figures: { found: { label: '调度项目数', filter: { region: '${region}', q }, measure: 'count', format: 'count' } },
});

/** A template of 麒麟区, written by its administrator, whose figure counts one project of its own. */
async function template(w: World) {
  const project = await w.project();
  const res = await w.t.call(w.admin, 'POST', '/api/v1/bulletin-templates', {
    code: w.fresh('matrix-'),
    name: w.marker('矩阵模板'),
    regionCode: '530302',
    body: templateBody(w.marker('矩阵通报'), project.code),
  });
  if (res.status !== 201) throw new Error(`fixture template: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, version: res.body.version as number, project };
}

/** A bulletin of 麒麟区 for 2022-Q1, written from a template of its own. */
async function bulletin(w: World) {
  const t = await template(w);
  const res = await w.t.call(w.admin, 'POST', '/api/v1/bulletins', { templateId: t.id, regionCode: '530302', period: '2022-Q1', date: '2022-04-02' });
  if (res.status !== 201) throw new Error(`fixture bulletin: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as number, templateId: t.id };
}

/** A template the province ships: every region uses it, so only the region a bulletin names decides. */
async function shippedTemplate(w: World, code = 'monthly-funds') {
  const res = await w.t.call(w.owner, 'GET', '/api/v1/bulletin-templates');
  const found = (res.body.items as { id: number; code: string; regionCode: string }[]).find((x) => x.code === code && x.regionCode === '530000');
  if (!found) throw new Error(`fixture: no shipped template ${code}`);
  return { id: found.id };
}

export const access: AccessTable = {
  'GET /api/v1/bulletin-templates': { scope: 'list', ok: 200, setup: template, request: () => ({}) },
  'POST /api/v1/bulletin-templates': {
    scope: 'region',
    may: admins,
    denies: 'role-first',
    ok: 201,
    setup: async (w) => ({ code: w.fresh('matrix-new-'), name: w.fresh('新写模板') }),
    request: (f) => ({ body: { code: f.code, name: f.name, regionCode: '530302', body: templateBody('', '2022-530302') } }),
  },
  'GET /api/v1/bulletin-templates/{id}': [
    { label: 'of 麒麟区', scope: 'record', ok: 200, setup: template, request: (f) => ({ params: { id: f.id } }) },
    { label: 'an earlier version', scope: 'record', ok: 200, setup: template, request: (f) => ({ params: { id: f.id }, query: { version: '1' } }) },
    // The province's templates are everyone's to use.
    { label: 'shipped by the province', scope: 'global', ok: 200, setup: (w) => shippedTemplate(w), request: (f) => ({ params: { id: f.id } }) },
  ],
  'PATCH /api/v1/bulletin-templates/{id}': {
    scope: 'record',
    may: admins,
    denies: 'role-first',
    ok: 200,
    setup: template,
    request: (f) => ({ params: { id: f.id }, body: { version: f.version, name: '改写后的调度通报模板' } }),
  },
  // The figure check asks the engine in the caller's area; it writes nothing.
  'POST /api/v1/bulletins/check': {
    scope: 'list',
    readOnly: true,
    ok: 200,
    shows: false,
    setup: (w) => w.project(),
    request: () => ({ body: { text: '2022年一季度，麒麟区开工重大项目3个，总投资12亿元。', date: '2022-04-02', region: '530302' } }),
  },
  'POST /api/v1/bulletins': [
    {
      label: 'from a template of the province',
      scope: 'region',
      may: writers,
      denies: 'role-first',
      ok: 201,
      setup: (w) => shippedTemplate(w),
      request: (f) => ({ body: { templateId: f.id, regionCode: '530302', period: '2022-01', date: '2022-02-10' } }),
    },
    {
      // Outside 麒麟区 its template is not there at all: the same answer as for no template.
      label: 'from a template of 麒麟区',
      scope: 'record',
      may: writers,
      denies: 'role-first',
      ok: 201,
      setup: template,
      request: (f) => ({ body: { templateId: f.id, regionCode: '530302', period: '2022-Q1', date: '2022-04-02' } }),
      missing: () => ({ body: { templateId: 999_999_999, regionCode: '530302', period: '2022-Q1', date: '2022-04-02' } }),
    },
  ],
  'GET /api/v1/bulletins': { scope: 'list', ok: 200, setup: bulletin, request: () => ({}) },
  'GET /api/v1/bulletins/{id}': { scope: 'record', ok: 200, setup: bulletin, request: (f) => ({ params: { id: f.id } }) },
  'GET /api/v1/bulletins/{id}/print': { scope: 'record', ok: 200, setup: bulletin, request: (f) => ({ params: { id: f.id } }) },
  'GET /api/v1/bulletins/{id}/figures/{key}': { scope: 'record', ok: 200, setup: bulletin, request: (f) => ({ params: { id: f.id, key: 'found' } }) },
  'GET /api/v1/bulletins/{id}/compare': { scope: 'record', ok: 200, shows: false, setup: bulletin, request: (f) => ({ params: { id: f.id } }) },
};
