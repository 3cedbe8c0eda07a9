import type { TestContext, TestUser } from './harness.js';

/** A file as a multipart/form-data body (field "file"), the way the web app and the CLI upload: the bytes and their content type. */
export function multipart(data: Buffer, fileName = 'upload.xlsx'): { body: Buffer; headers: Record<string, string> } {
  const boundary = '----guatu' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${encodeURIComponent(fileName)}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  return { body: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a file as multipart/form-data (field "file"). */
export async function upload(t: TestContext, as: TestUser | null, url: string, data: Buffer, fileName = 'upload.xlsx', headers: Record<string, string> = {}) {
  const form = multipart(data, fileName);
  const res = await t.app.inject({
    method: 'POST',
    url,
    payload: form.body,
    headers: { ...form.headers, ...(as ? { cookie: as.cookie } : {}), ...headers },
  });
  let body: any = res.rawPayload;
  if ((res.headers['content-type'] ?? '').toString().includes('application/json')) body = JSON.parse(res.body);
  return { status: res.statusCode, body, headers: res.headers, text: res.body };
}

/** Downloads a file from the API as raw bytes. */
export async function download(t: TestContext, as: TestUser | null, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
  return { status: res.statusCode, body: res.rawPayload, headers: res.headers, json: () => JSON.parse(res.body) };
}
