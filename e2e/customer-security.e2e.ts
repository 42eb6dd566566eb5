// The customer area's security page, as a customer uses it: signs in, finds the page in the customer
// menu, sees this browser as the current session, turns on an authenticator (and gets recovery codes),
// then signs out another session (one opened elsewhere through the API).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CUSTOMER_USER,
  DEMO_PASSWORD,
} from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';
import { freshTotp } from './support/totp.ts';

describe('journey: a customer manages its sessions and second factor', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('lists its sessions, enrols an authenticator and signs out another session', async () => {
    const email = DEMO_CUSTOMER_USER.email;
    // Another device, signed in before the authenticator is turned on.
    const elsewhere = new ApiClient(server.url);
    await elsewhere.signIn(email, DEMO_PASSWORD);
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(200);

    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/sign-in`);
    // Customers sign in (and reset a forgotten password) on the same page as partners.
    await page.getByTestId('signin-forgot').waitFor();
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/customer');
    // The demo customer's saved language is Chinese: switch to English in the header.
    await page.getByTestId('lang-switch').first().click();
    await page.getByTestId('lang-option-en-US').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    await page.getByTestId('customer-nav-security').click();
    await page.waitForURL('**/customer/security');
    await expect.poll(() => page.title()).toMatch(/^Security - /);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('Security');

    // This browser is the current session; the other device is listed too.
    await page.getByTestId('session-current').waitFor();
    await expect.poll(() => page.getByTestId('session-revoke').count()).toBe(1);
    expect(await page.getByTestId('totp-status').textContent()).toBe('Off');

    // Turn on the authenticator.
    await page.getByTestId('totp-turn-on').click();
    await page.getByTestId('enrol-qr').waitFor();
    const secret = ((await page.getByTestId('enrol-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId('enrol-code').fill(await freshTotp(server.url, email, secret));
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    expect(await page.getByTestId('recovery-code').count()).toBe(10);
    await page.getByTestId('recovery-codes-done').click();
    await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('On');

    // Sign the other device out.
    await page.getByTestId('session-revoke').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('session-revoke').count()).toBe(0);
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(401);
    await page.getByTestId('session-current').waitFor();

    // Next sign-in asks for a code.
    const again = new ApiClient(server.url);
    await again.signIn(email, DEMO_PASSWORD, secret);
    expect((await again.request<{ userType: string }>('GET', '/api/me')).body.userType).toBe('customer');
    expect(errors).toEqual([]);
    await context.close();
  });
});
