import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { startTestApp, type TestContext, type TestUser } from '../../test/harness.js';
import { multipart } from '../../test/uploads.js';
import { workbook } from '../../test/workbooks.js';

let t: TestContext;
let qilin: TestUser;
let file: { body: Buffer; headers: Record<string, string> };
beforeAll(async () => {
  t = await startTestApp();
  qilin = await t.user('530302', 'reporter');
  file = multipart(await workbook([{ name: '项目清单', rows: [['项目代码', '项目名称']] }]));
});
afterAll(() => t.close());

const auditHead = async () => Number(((await t.database.db.execute(sql`select coalesce(max(seq), 0)::int as n from audit_events`)) as any).rows[0].n);

/** A form the browser would never send: the upload routes answer 400 naming the file, never 500. */
describe.each(['/api/v1/imports?dryRun=false', '/api/v1/imports/annotated'])('POST %s with a broken form', (url) => {
  const send = (payload: Buffer | string, contentType: string) => t.app.inject({ method: 'POST', url, payload, headers: { cookie: qilin.cookie, 'content-type': contentType } });

  it('answers 400 naming the file when the boundary is not the one in the body', async () => {
    const before = await auditHead();
    const res = await send(file.body, 'multipart/form-data; boundary=x');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'file', rule: 'file.form' });
    expect(await auditHead()).toBe(before);
  });

  it('answers 400 naming the file when the form ends in the middle of the file', async () => {
    const res = await send(file.body.subarray(0, file.body.length - 200), file.headers['content-type']!);
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'file', rule: 'file.form' });
  });

  it('answers 400 naming the file for a form without a boundary', async () => {
    const res = await send('{}', 'multipart/form-data');
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0]).toMatchObject({ field: 'file', rule: 'file.form' });
  });
});
