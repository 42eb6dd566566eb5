// The content security policy allows scripts from the server's own files only (no 'unsafe-inline'):
// the built portal, the console and the API reference still load, sign-in works, and chromium
// reports no policy violation and no script error.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { launchBrowser } from './support/browser.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

const partner = DEMO_USERS.find((u) => u.userType === 'partner' && u.roles.includes('admin'))!;

describe('CSP without inline scripts in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'en-US' })).newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('sends script-src self only', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('the portal loads and a partner signs in', async () => {
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('signin-email').fill(partner.email);
    await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
    expect(problems).toEqual([]);
  });

  it('the console and the API reference load', async () => {
    await page.goto(`${server.url}/console`);
    await page.locator('#root *').first().waitFor();
    await page.goto(`${server.url}/docs`);
    await page.locator('.swagger-ui .info').first().waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
  });
});
