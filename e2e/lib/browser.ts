import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const BASE_URL = process.env.GUATU_E2E_URL ?? 'http://127.0.0.1:3000';
export const DEMO_PASSWORD = 'Guatu@2022';
const SCREENSHOTS = resolve(dirname(fileURLToPath(import.meta.url)), '../screenshots');

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 375, height: 812 };

let browser: Browser | undefined;

/** Debian's Chromium, headless, driven by playwright-core: no browser download needed. */
export async function launch(): Promise<Browser> {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** A fresh browser profile (no cookies) at a viewport, failing the test on any page error. */
export async function newContext(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const b = await launch();
  const context = await b.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', baseURL: BASE_URL, isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  // Generous: CI's two cores may be busy with the rest of the suite.
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.message} at ${page.url()}${e.stack ? `\n${e.stack.split('\n').slice(1, 4).join('\n')}` : ''}`));
  // Anything not served by Guatu itself (a CDN, an online font or map) would break on an intranet.
  page.on('request', (r) => {
    if (!r.url().startsWith(BASE_URL) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) errors.push(`external request: ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/.test(m.text())) errors.push(m.text());
  });
  return { context, page, errors };
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, username: string, next = '/'): Promise<void> {
  try {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('user-region').waitFor();
  } catch (e) {
    await screenshot(page, `failed-sign-in-${username}`);
    throw e;
  }
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Waits until no request has been in flight for a moment, so a screenshot shows settled data. */
export async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning'), undefined, { timeout: 30_000 }).catch(() => undefined);
}
