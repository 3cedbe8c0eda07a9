import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { createProjectVia, projectInput } from '../../test/fixtures.js';

let t: TestContext;
let qilinReporter: TestUser;
let zhanyiReporter: TestUser;
let qujingReporter: TestUser;
let qujingLeader: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  qilinReporter = await t.user('530302', 'reporter');
  zhanyiReporter = await t.user('530303', 'reporter');
  qujingReporter = await t.user('530300', 'reporter');
  qujingLeader = await t.user('530300', 'leader');
});
afterAll(() => t.close());

describe('POST /api/v1/projects', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/projects', projectInput())).status).toBe(401);
  });

  it("answers 403 naming the region when a reporter records a project in another county", async () => {
    const res = await t.call(zhanyiReporter, 'POST', '/api/v1/projects', projectInput({ regionCode: '530302' }));
    expect(res.status).toBe(403);
    expect(res.body.issues[0]).toMatchObject({ field: 'regionCode', rule: 'region.outOfScope' });
  });

  it('answers 403 to a role that may not edit projects', async () => {
    expect((await t.call(qujingLeader, 'POST', '/api/v1/projects', projectInput())).status).toBe(403);
  });

  it.each([
    ['totalInvestment', { totalInvestment: '-5' }, 'money.negative'],
    ['totalInvestment', { totalInvestment: 'lots' }, 'money.notNumber'],
    ['totalInvestment', { totalInvestment: '12.345' }, 'money.decimals'],
    ['totalInvestment', { totalInvestment: 1200000000 }, 'money.notNumber'],
    ['regionCode', { regionCode: '539999' }, 'region.unknown'],
    ['categoryCode', { categoryCode: 'casino' }, 'category.unknown'],
    ['stage', { stage: 'dreaming' }, 'oneOf'],
    ['code', { code: '2022-5303-44-01-1' }, 'projectCode.format'],
    ['annualPlans', { annualPlans: [{ year: 2022, amount: '800000000' }, { year: 2023, amount: '800000000' }] }, 'plans.exceedTotal'],
    ['annualPlans.1.year', { annualPlans: [{ year: 2022, amount: '1' }, { year: 2022, amount: '1' }] }, 'plans.duplicateYear'],
    ['attributes.colour', { attributes: { colour: 'red' } }, 'attribute.unknown'],
    ['stage', { kind: 'government', stage: 'negotiating' }, 'stage.notEntry'],
    ['startedOn', { stage: 'construction', startedOn: null }, 'stage.dateRequired'],
  ])('answers 400 naming %s and the rule, and writes nothing', async (field, patch, rule) => {
    const body = projectInput(patch as never);
    const res = await t.call(qilinReporter, 'POST', '/api/v1/projects', body);
    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ field, rule })]));
    const list = await t.call(qilinReporter, 'GET', `/api/v1/projects?q=${encodeURIComponent(String(body.code))}`);
    expect(list.body.total).toBe(0);
  });

  it('gives the message in Chinese by default and in English on request', async () => {
    const body = projectInput({ totalInvestment: '1.234' });
    const zh = await t.call(qilinReporter, 'POST', '/api/v1/projects', body);
    expect(zh.body.message).toBe('总投资（totalInvestment）：金额最多保留两位小数（分）');
    const en = await t.call(qilinReporter, 'POST', '/api/v1/projects', body, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.body.message).toBe('total investment (totalInvestment) must have at most 2 decimals');
  });

  it('answers 409 to a project code that is already taken', async () => {
    const first = await createProjectVia(t, qilinReporter);
    const res = await t.call(qilinReporter, 'POST', '/api/v1/projects', projectInput({ code: first.code }));
    expect(res.status).toBe(409);
    expect(res.body.issues[0]).toMatchObject({ field: 'code', rule: 'projectCode.taken' });
  });

  it('answers 413 to an oversized body', async () => {
    const res = await t.call(qilinReporter, 'POST', '/api/v1/projects', projectInput({ description: 'x'.repeat(2_000_000) }));
    expect(res.status).toBe(413);
    expect(res.body.issues[0]).toMatchObject({ field: 'body', rule: 'body.tooLarge' });
  });

  it('records a project with every attribute, exactly', async () => {
    const input = projectInput({ totalInvestment: '1200000000.55', agreementAmount: '0.10' });
    const res = await t.call(qilinReporter, 'POST', '/api/v1/projects', input);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: input.code,
      regionCode: '530302',
      regionName: '麒麟区',
      managedByPrefecture: false,
      locationRegionName: '麒麟区',
      categoryCode: 'other-industry',
      categoryName: '能源以外工业',
      stage: 'construction',
      startedOn: '2022-02-15',
      totalInvestment: '1200000000.55',
      agreementAmount: '0.10',
      annualPlans: [
        { year: 2022, amount: '400000000' },
        { year: 2023, amount: '500000000' },
      ],
      liaisonLeader: { name: '李云峰', title: '副市长' },
      attributes: { expectedAnnualTax: '36000000' },
      version: 1,
      abilities: { update: true, transitions: ['completed', 'operating', 'suspended', 'cancelled'] },
    });
  });

  it('lets a prefecture reporter record a 市直 project managed by the prefecture', async () => {
    const res = await t.call(qujingReporter, 'POST', '/api/v1/projects', projectInput({ regionCode: '530300', locationRegionCode: '530302' }));
    expect(res.status).toBe(201);
    expect(res.body.managedByPrefecture).toBe(true);
  });
});

describe('GET /api/v1/projects', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/projects')).status).toBe(401);
  });

  it("never lists another county's projects, even when asked for them by region", async () => {
    const mine = await createProjectVia(t, zhanyiReporter, { regionCode: '530303' });
    const res = await t.call(qilinReporter, 'GET', '/api/v1/projects?region=530303&pageSize=500');
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: { id: number }) => p.id)).not.toContain(mine.id);
    expect(res.body.total).toBe(0);
  });

  it('answers 400 to a bad filter', async () => {
    const res = await t.call(qilinReporter, 'GET', '/api/v1/projects?stages=flying&pageSize=100000');
    expect(res.status).toBe(400);
    expect(res.body.issues.map((i: { field: string }) => i.field)).toEqual(['stages.0', 'pageSize']);
  });

  it('filters by category subtree, stage, start date and size, and pages on the server', async () => {
    const big = await createProjectVia(t, qilinReporter, { categoryCode: 'energy-industry', totalInvestment: '5000000000', annualPlans: [], startedOn: '2022-03-01' });
    const res = await t.call(qujingLeader, 'GET', '/api/v1/projects?categories=industry&stages=construction&startedFrom=2022-03-01&startedTo=2022-03-31&minTotalInvestment=1000000000');
    expect(res.body.items.map((p: { id: number }) => p.id)).toEqual([big.id]);
    const page = await t.call(qujingLeader, 'GET', '/api/v1/projects?pageSize=2&page=1&sort=totalInvestment&order=desc');
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items[0].id).toBe(big.id);
    expect(page.body.total).toBeGreaterThan(2);
  });
});

describe('GET /api/v1/projects/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'GET', '/api/v1/projects/1')).status).toBe(401);
  });
  it("answers 404 to another county's project, as to one that does not exist", async () => {
    const other = await createProjectVia(t, zhanyiReporter, { regionCode: '530303' });
    const res = await t.call(qilinReporter, 'GET', `/api/v1/projects/${other.id}`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual((await t.call(qilinReporter, 'GET', '/api/v1/projects/987654321')).body);
  });
  it('answers 400 to an id that is not a number', async () => {
    expect((await t.call(qilinReporter, 'GET', '/api/v1/projects/..%2F..%2Fetc')).status).toBe(400);
  });
  it('shows the project to its county and to the prefecture above it', async () => {
    const p = await createProjectVia(t, qilinReporter);
    expect((await t.call(qilinReporter, 'GET', `/api/v1/projects/${p.id}`)).status).toBe(200);
    const asLeader = await t.call(qujingLeader, 'GET', `/api/v1/projects/${p.id}`);
    expect(asLeader.status).toBe(200);
    expect(asLeader.body.abilities).toEqual({ update: false, transitions: [], report: false, raiseProblem: true });
  });
});

describe('PATCH /api/v1/projects/:id', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'PATCH', '/api/v1/projects/1', { version: 1, name: '新名称项目' })).status).toBe(401);
  });
  it("answers 404 to another county's project and changes nothing", async () => {
    const other = await createProjectVia(t, zhanyiReporter, { regionCode: '530303' });
    expect((await t.call(qilinReporter, 'PATCH', `/api/v1/projects/${other.id}`, { version: 1, name: '被篡改的名称' })).status).toBe(404);
    expect((await t.call(zhanyiReporter, 'GET', `/api/v1/projects/${other.id}`)).body.name).toBe(projectInput().name);
  });
  it('answers 400 when the new plans exceed the total', async () => {
    const p = await createProjectVia(t, qilinReporter);
    const res = await t.call(qilinReporter, 'PATCH', `/api/v1/projects/${p.id}`, { version: 1, totalInvestment: '100' });
    expect(res.status).toBe(400);
    expect(res.body.issues[0]).toMatchObject({ field: 'annualPlans', rule: 'plans.exceedTotal' });
  });
  it('updates with the version read, and refuses a stale version with who changed it', async () => {
    const p = await createProjectVia(t, qilinReporter);
    const ok = await t.call(qilinReporter, 'PATCH', `/api/v1/projects/${p.id}`, { version: 1, name: '麒麟区新能源电池材料项目（一期）', annualPlans: [{ year: 2022, amount: '1' }] });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, name: '麒麟区新能源电池材料项目（一期）', annualPlans: [{ year: 2022, amount: '1' }] });
    const stale = await t.call(qilinReporter, 'PATCH', `/api/v1/projects/${p.id}`, { version: 1, name: '另一个名称的项目' });
    expect(stale.status).toBe(409);
    expect(stale.body.issues[0]).toMatchObject({ field: 'version', rule: 'version.stale' });
    expect(stale.body.message).toContain(qilinReporter.actor.displayName);
  });
});

describe('POST /api/v1/projects/:id/transitions', () => {
  it('answers 401 without a session', async () => {
    expect((await t.call(null, 'POST', '/api/v1/projects/1/transitions', { to: 'completed' })).status).toBe(401);
  });
  it("answers 404 to another county's project", async () => {
    const other = await createProjectVia(t, zhanyiReporter, { regionCode: '530303' });
    expect((await t.call(qilinReporter, 'POST', `/api/v1/projects/${other.id}/transitions`, { to: 'completed' })).status).toBe(404);
  });
  it('answers 400 to an unknown stage or a future date', async () => {
    const p = await createProjectVia(t, qilinReporter);
    expect((await t.call(qilinReporter, 'POST', `/api/v1/projects/${p.id}/transitions`, { to: 'flying' })).status).toBe(400);
    const future = await t.call(qilinReporter, 'POST', `/api/v1/projects/${p.id}/transitions`, { to: 'completed', on: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.issues[0]).toMatchObject({ field: 'on', rule: 'stage.dateInFuture' });
  });
  it('answers 409 to an illegal move, naming the allowed next stages', async () => {
    const p = await createProjectVia(t, qilinReporter, { stage: 'negotiating', signedOn: null, startedOn: null });
    const res = await t.call(qilinReporter, 'POST', `/api/v1/projects/${p.id}/transitions`, { to: 'construction' }, { 'accept-language': 'en' });
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('target stage (to) cannot move from negotiating（在谈） to construction; allowed next stages: signed（签约）, suspended（暂停）, cancelled（终止）');
  });
  it('runs a lead all the way to production, dating and attributing each step', async () => {
    const p = await createProjectVia(t, qilinReporter, { stage: 'lead', signedOn: null, startedOn: null, agreementAmount: null });
    const move = (to: string, extra: object = {}) => t.call(qilinReporter, 'POST', `/api/v1/projects/${p.id}/transitions`, { to, ...extra });
    expect((await move('negotiating', { on: '2021-09-01' })).status).toBe(200);
    const noAgreement = await move('signed', { on: '2021-11-20' });
    expect(noAgreement.status).toBe(400);
    expect(noAgreement.body.issues[0]).toMatchObject({ field: 'agreementAmount', rule: 'stage.needsAgreement' });
    expect((await move('signed', { on: '2021-11-20', agreementAmount: '1000000000' })).body).toMatchObject({ stage: 'signed', signedOn: '2021-11-20', agreementAmount: '1000000000' });
    expect((await move('preparation', { on: '2021-12-10' })).status).toBe(200);
    expect((await move('suspended', { on: '2022-01-05', note: '用地报批延后' })).body).toMatchObject({ stage: 'suspended', suspendedFrom: 'preparation' });
    expect((await move('construction')).status).toBe(409);
    expect((await move('preparation', { on: '2022-02-01' })).body.suspendedFrom).toBeNull();
    expect((await move('construction', { on: '2022-02-15' })).body).toMatchObject({ stage: 'construction', startedOn: '2022-02-15' });
    expect((await move('operating', { on: '2022-02-20' })).body).toMatchObject({ stage: 'operating', completedOn: '2022-02-20' });

    const history = await t.call(qilinReporter, 'GET', `/api/v1/projects/${p.id}/stage-history`);
    expect(history.body.items.map((c: { toStage: string }) => c.toStage)).toEqual([
      'lead',
      'negotiating',
      'signed',
      'preparation',
      'suspended',
      'preparation',
      'construction',
      'operating',
    ]);
    expect(history.body.items[4]).toMatchObject({ fromStage: 'preparation', effectiveOn: '2022-01-05', note: '用地报批延后', changedByName: qilinReporter.actor.displayName });
  });
});

describe('GET /api/v1/projects/:id/stage-history', () => {
  it('answers 401 without a session, 404 outside the region and 400 for a bad id', async () => {
    const other = await createProjectVia(t, zhanyiReporter, { regionCode: '530303' });
    expect((await t.call(null, 'GET', `/api/v1/projects/${other.id}/stage-history`)).status).toBe(401);
    expect((await t.call(qilinReporter, 'GET', `/api/v1/projects/${other.id}/stage-history`)).status).toBe(404);
    expect((await t.call(qilinReporter, 'GET', `/api/v1/projects/0/stage-history`)).status).toBe(400);
  });
});
