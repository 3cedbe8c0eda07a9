import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';

let t: TestContext;
let qujingAdmin: TestUser;
let hongheAdmin: TestUser;
let provinceTemplate: number;

const signedTemplate = (overrides: object = {}) => ({
  code: 'quarter-signings',
  name: '季度签约情况',
  regionCode: '530300',
  body: {
    title: '{{region}}{{periodFull}}签约项目{{signed}}个',
    categories: ['guatu'],
    tags: ['招商引资'],
    paragraphs: [{ text: '{{region}}{{periodFull}}签约项目{{signed}}个，协议总额{{agreements}}亿元。' }],
    figures: {
      signed: { label: '签约项目数', filter: { region: '${region}', signedFrom: '${from}', signedTo: '${to}' }, measure: 'count', format: 'count' },
      agreements: { label: '协议总额', filter: { region: '${region}', signedFrom: '${from}', signedTo: '${to}' }, measure: 'agreementAmount', format: '亿元' },
    },
  },
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  qujingAdmin = await t.user('530300', ['admin', 'press']);
  hongheAdmin = await t.user('532500', 'admin');
  provinceTemplate = (await t.call(qujingAdmin, 'GET', '/api/v1/bulletin-templates')).body.items.find((x: { code: string }) => x.code === 'monthly-funds').id;
});
afterAll(() => t.close());

describe('POST /api/v1/bulletin-templates', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/bulletin-templates', signedTemplate())).status).toBe(401);
  });

  it('answers 403 to a role that may not write templates, and for a region outside the user’s', async () => {
    expect((await t.call(await t.user('530300', 'press'), 'POST', '/api/v1/bulletin-templates', signedTemplate())).status).toBe(403);
    const outside = await t.call(qujingAdmin, 'POST', '/api/v1/bulletin-templates', signedTemplate({ regionCode: '532500' }));
    expect(outside.status).toBe(403);
    expect(outside.body.issues[0]).toMatchObject({ field: 'regionCode', rule: 'region.outOfScope' });
  });

  it('answers 400 naming the placeholder or the request the engine would refuse', async () => {
    const base = signedTemplate();
    const placeholder = await t.call(qujingAdmin, 'POST', '/api/v1/bulletin-templates', { ...base, body: { ...base.body, paragraphs: [{ text: '签约项目{{sigend}}个' }] } });
    expect(placeholder.status).toBe(400);
    expect(placeholder.body.issues[0]).toMatchObject({ field: 'body.paragraphs.0.text', rule: 'template.unknownPlaceholder' });
    const measure = await t.call(qujingAdmin, 'POST', '/api/v1/bulletin-templates', {
      ...base,
      body: { ...base.body, figures: { ...base.body.figures, agreements: { ...base.body.figures.agreements, measure: 'agreements' } } },
    });
    expect(measure.body.issues[0]).toMatchObject({ field: 'body.figures.agreements.measures.0', rule: 'stats.unknownMeasure' });
    const parameter = await t.call(qujingAdmin, 'POST', '/api/v1/bulletin-templates', {
      ...base,
      body: { ...base.body, figures: { ...base.body.figures, signed: { ...base.body.figures.signed, filter: { batch: '${batch}' } } } },
    });
    expect(parameter.body.issues[0]).toMatchObject({ field: 'body.figures.signed', rule: 'template.undeclaredNeed' });
  });

  it('records a region’s own template as version 1; the code is the region’s', async () => {
    const res = await t.call(qujingAdmin, 'POST', '/api/v1/bulletin-templates', signedTemplate());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'quarter-signings', regionName: '曲靖市', version: 1, needs: [], abilities: { update: true, generate: true } });
    expect(res.body.versions).toEqual([expect.objectContaining({ version: 1, name: '季度签约情况' })]);
    expect((await t.call(qujingAdmin, 'POST', '/api/v1/bulletin-templates', signedTemplate())).status).toBe(409);
    expect((await t.call(hongheAdmin, 'POST', '/api/v1/bulletin-templates', signedTemplate({ regionCode: '532500' }))).status).toBe(201);
  });
});

describe('GET /api/v1/bulletin-templates', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/bulletin-templates')).status).toBe(401);
    expect((await t.call(null, 'GET', `/api/v1/bulletin-templates/${provinceTemplate}`)).status).toBe(401);
  });

  it('lists the templates of the user’s region, above and below it; a county uses its prefecture’s', async () => {
    const qilin = await t.user('530302', ['admin', 'press']);
    const items = (await t.call(qilin, 'GET', '/api/v1/bulletin-templates')).body.items;
    expect(items.map((x: { code: string; regionCode: string }) => `${x.regionCode} ${x.code}`)).toEqual([
      '530000 concentrated-start',
      '530000 key-list-progress',
      '530000 monthly-funds',
      '530000 prefecture-quarter-starts',
      '530300 quarter-signings',
    ]);
    expect(items.every((x: { abilities: { update: boolean } }) => !x.abilities.update)).toBe(true);
  });

  it('answers 404 to another prefecture’s template and 400 to a bad query', async () => {
    const honghe = (await t.call(hongheAdmin, 'GET', '/api/v1/bulletin-templates')).body.items.find((x: { regionCode: string }) => x.regionCode === '532500');
    expect((await t.call(qujingAdmin, 'GET', `/api/v1/bulletin-templates/${honghe.id}`)).status).toBe(404);
    expect((await t.call(qujingAdmin, 'GET', `/api/v1/bulletin-templates/${provinceTemplate}?version=x`)).status).toBe(400);
  });
});

describe('PATCH /api/v1/bulletin-templates/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'PATCH', `/api/v1/bulletin-templates/${provinceTemplate}`, { version: 1 })).status).toBe(401);
  });

  it('answers 403 to a template of a region above the user’s, and 404 to another prefecture’s', async () => {
    const res = await t.call(qujingAdmin, 'PATCH', `/api/v1/bulletin-templates/${provinceTemplate}`, { version: 1, name: '改名' });
    expect(res.status).toBe(403);
    expect(res.body.issues[0]).toMatchObject({ field: 'regionCode', rule: 'region.outOfScope' });
    const honghe = (await t.call(hongheAdmin, 'GET', '/api/v1/bulletin-templates')).body.items.find((x: { regionCode: string }) => x.regionCode === '532500');
    expect((await t.call(qujingAdmin, 'PATCH', `/api/v1/bulletin-templates/${honghe.id}`, { version: 1, name: '改名' })).status).toBe(404);
  });

  it('keeps every version, refuses a stale one, and bulletins name the version they came from', async () => {
    const own = (await t.call(qujingAdmin, 'GET', '/api/v1/bulletin-templates')).body.items.find((x: { code: string }) => x.code === 'quarter-signings');
    const first = await t.call(qujingAdmin, 'POST', '/api/v1/bulletins', { templateId: own.id, regionCode: '530300', period: '2022-Q1' });
    expect(first.status).toBe(201);
    const template = (await t.call(qujingAdmin, 'GET', `/api/v1/bulletin-templates/${own.id}`)).body;
    const body = { ...template.body, title: '{{regionShort}}{{period}}签约{{signed}}个项目' };
    const changed = await t.call(qujingAdmin, 'PATCH', `/api/v1/bulletin-templates/${own.id}`, { version: 1, body });
    expect(changed.status).toBe(200);
    expect(changed.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const stale = await t.call(qujingAdmin, 'PATCH', `/api/v1/bulletin-templates/${own.id}`, { version: 1, name: '又改' });
    expect(stale.status).toBe(409);
    expect(stale.body.issues[0]).toMatchObject({ field: 'version', rule: 'version.stale' });
    const bad = await t.call(qujingAdmin, 'PATCH', `/api/v1/bulletin-templates/${own.id}`, { version: 2, body: { ...body, needs: ['list'] } });
    expect(bad.body.issues[0]).toMatchObject({ field: 'body.needs.0', rule: 'oneOf' });
    expect((await t.call(qujingAdmin, 'GET', `/api/v1/bulletin-templates/${own.id}?version=1`)).body.body.title).toBe('{{region}}{{periodFull}}签约项目{{signed}}个');
    const second = await t.call(qujingAdmin, 'POST', '/api/v1/bulletins', { templateId: own.id, regionCode: '530300', period: '2022-Q1' });
    expect(second.body).toMatchObject({ title: '曲靖一季度签约0个项目', templateVersion: 2 });
    expect((await t.call(qujingAdmin, 'GET', `/api/v1/bulletins/${first.body.id}`)).body).toMatchObject({ title: '曲靖市2022年一季度签约项目0个', templateVersion: 1 });
  });
});
