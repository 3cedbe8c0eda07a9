import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext, type TestUser } from '../test/harness.js';
import { createProjectVia } from '../test/fixtures.js';
import { findUnstorableText } from './validation.js';

describe('findUnstorableText', () => {
  it.each([
    [{ name: 'ok 项目 🚀 \u200b\u202e' }, null],
    [{ name: 'a\u0000b' }, 'name'],
    [{ a: { b: ['x', 'y\ud800'] } }, 'a.b.1'],
    [{ a: 'x\udc00' }, 'a'],
    [{ 'bad\u0000key': 1 }, 'bad\u0000key'],
    ['\u0000', ''],
    [{ first: '\u0000', second: '\u0000' }, 'first'],
  ])('%j → %j', (value, path) => {
    expect(findUnstorableText(value)).toBe(path);
  });

  it('walks a deeply nested value without running out of stack', () => {
    let deep: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)).toMatch(/^0(\.0)*$/);
  });
});

let t: TestContext;
let reporter: TestUser;
beforeAll(async () => {
  t = await startTestApp();
  reporter = await t.user('530302', 'reporter');
});
afterAll(() => t.close());

describe('text the database cannot store', () => {
  it('answers 400 naming the field, in a body or a query, instead of failing in the database', async () => {
    const project = await createProjectVia(t, reporter);
    const body = await t.call(reporter, 'PATCH', `/api/v1/projects/${project.id}`, { version: project.version, description: 'a\u0000b' }, { 'accept-language': 'en' });
    expect(body.status).toBe(400);
    expect(body.body.issues).toEqual([{ field: 'description', rule: 'text.invalid', message: expect.stringContaining('cannot be stored') }]);
    const query = await t.call(reporter, 'GET', `/api/v1/projects?q=${encodeURIComponent('\u0000')}`);
    expect(query.status).toBe(400);
    expect(query.body.issues[0].field).toBe('q');
    const lone = await t.call(reporter, 'PATCH', `/api/v1/projects/${project.id}`, `{"version":${project.version},"name":"ab\\ud800cd"}`);
    expect(lone.status).toBe(400);
    expect((await t.call(reporter, 'GET', `/api/v1/projects/${project.id}`)).body.version).toBe(project.version);
  });
});
