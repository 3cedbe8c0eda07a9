import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../test/harness.js';

/** A built web app as Vite emits it: module scripts and stylesheets by URL, nothing inline. */
const dist = mkdtempSync(join(tmpdir(), 'guatu-web-'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>挂图</title><script type="module" crossorigin src="/assets/index-abc.js"></script><link rel="stylesheet" href="/assets/index-abc.css"></head><body><div id="root"></div></body></html>',
);

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ webDist: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
}

describe('security headers', () => {
  it.each(['/', '/projects/12', '/api/health', '/api/v1/auth/me'])('are sent on %s', async (url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    const csp = directives(String(res.headers['content-security-policy']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // Scripts only from the app itself: no inline scripts, no eval, no CDN.
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('script-src-attr')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('serve the web app’s pages under the same policy, which a Vite build satisfies', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/reports' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(inlineScripts(res.body)).toEqual([]);
  });

  it('leave the API documentation page working under the policy: its scripts load from files', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<script src=');
    expect(inlineScripts(res.body)).toEqual([]);
  });

  it('send no HSTS over plain HTTP on an intranet, and do on HTTPS deployments', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toBeUndefined();
    const secure = await startTestApp({ secureCookies: true });
    try {
      expect((await secure.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await secure.close();
    }
  });
});

/** Script elements without a src, and inline event handler attributes: what script-src 'self' blocks. */
export function inlineScripts(html: string): string[] {
  const found = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/gi)].map((m) => m[0]);
  found.push(...[...html.matchAll(/\son[a-z]+\s*=/gi)].map((m) => m[0]));
  return found;
}
