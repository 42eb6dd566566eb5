import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './api.ts';
import { type RunningServer, startServer } from './server.ts';
import { enterTotp } from './totp.ts';

/** A server whose clock journeys may move (`NODE_ENV=test`, `CLOCK_CONTROL=1`) with the demo data. */
export function startClockServer(smtpUrl?: string): Promise<RunningServer> {
  return startServer({ smtpUrl, env: { NODE_ENV: 'test', CLOCK_CONTROL: '1' } });
}

/** Moves the server clock to `at` (ISO with offset) and runs the schedule slots due then. */
export async function moveClockAndTick(server: RunningServer, at: string): Promise<string[]> {
  const api = new ApiClient(server.url);
  const clock = await api.request('POST', '/api/test/clock', { at });
  if (clock.status !== 200) throw new Error(`clock: ${clock.status} ${JSON.stringify(clock.body)}`);
  const tick = await api.request<{ enqueued: string[] }>('POST', '/api/test/scheduler/tick');
  if (tick.status !== 200) throw new Error(`tick: ${tick.status} ${JSON.stringify(tick.body)}`);
  return tick.body.enqueued;
}

/** A fresh browser context signed in to the portal (`/sign-in`) or the console (`/console/sign-in`). */
export async function signedIn(
  browser: Browser,
  server: RunningServer,
  email: string,
  side: 'portal' | 'console',
  locale = 'zh-CN',
): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}${side === 'console' ? '/console/sign-in' : '/sign-in'}`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
  await page.getByTestId('signin-submit').click();
  if (side === 'console') await enterTotp(page, server.url, email);
  if (side === 'console') await page.getByTestId('console-welcome').waitFor();
  else await page.waitForURL('**/dashboard');
  return page;
}

/** Fills a certification stage's inputs (`cert-<stage>-<field>`); radio values click their label. */
export async function fillStage(page: Page, stage: string, values: Record<string, string>): Promise<void> {
  for (const [field, value] of Object.entries(values)) {
    if (field === 'taxpayerStatus' || field === 'settlementCurrency') {
      // The test id sits on antd's hidden radio input; its label is what a user clicks.
      const input = page.getByTestId(`cert-${stage}-${field}-${value}`);
      await page.locator('label', { has: input }).click();
    } else {
      await page.getByTestId(`cert-${stage}-${field}`).fill(value);
    }
  }
}

/** In the console queue, opens the submission of `company`, claims it and waits for the decision buttons. */
export async function openAndClaim(page: Page, company: string): Promise<void> {
  await page.getByTestId('console-nav-certifications').click();
  const row = page.getByTestId('cert-review-table').locator('tr', { hasText: company }).first();
  await row.getByTestId('cert-review-open').click();
  await page.getByTestId('cert-claim').click();
  await page.getByTestId('cert-approve').waitFor();
}
