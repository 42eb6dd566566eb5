// Issue 14 in a real browser against the demo: the Programs pages show what fits the partner's kind
// (a distributor sees its programs and the others marked "not for your kind" with the reason), and
// the console's audit log finds entries by the actor's name or email.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

describe('programs that fit the partner kind; audit actor search', () => {
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

  it('a distributor sees which programs fit its kind, on its Programs page and on the program list', async () => {
    const page = await signedIn(browser, server, 'admin@distributor.demo', 'portal', 'en-US');
    await page.goto(`${server.url}/memberships`);
    const row = (code: string) => page.locator(`[data-testid="program-fit-row"][data-program="${code}"]`);
    await row('distributor').waitFor();
    expect(await row('distributor').getAttribute('data-fit')).toBe('member');
    expect(await row('service_partner').getAttribute('data-fit')).toBe('apply');
    expect(await row('cloud_reseller').getAttribute('data-fit')).toBe('not_for_kind');
    // The page speaks the user's saved language (the demo users' is zh-CN), and so does the reason.
    expect(await row('cloud_reseller').getByTestId('program-fit-reason').textContent()).toMatch(
      /tier 1|一级渠道/,
    );
    // Programs that do not fit come last.
    const order = await page
      .getByTestId('program-fit-row')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-fit')));
    expect(order.indexOf('not_for_kind')).toBeGreaterThan(order.lastIndexOf('apply'));

    await page.goto(`${server.url}/programs`);
    const card = page.getByTestId('program-card-solution_provider');
    await card.getByTestId('program-fit').waitFor();
    expect(await card.getAttribute('data-fit')).toBe('not_for_kind');
    expect(await card.getByTestId('program-fit-reason').textContent()).toMatch(/cloud resellers|云经销商/);
    expect(await page.getByTestId('program-card-service_partner').getAttribute('data-fit')).toBe('apply');
    await page.context().close();
  });

  it('the audit log finds an operator’s entries by part of the email', async () => {
    const page = await signedIn(browser, server, 'admin@operator.demo', 'console', 'en-US');
    await page.getByTestId('console-nav-audit').click();
    await page.getByTestId('audit-filter-actor').fill('ADMIN@OPERATOR');
    await page.getByTestId('audit-filter-submit').click();
    await page.waitForURL(/actor=ADMIN%40OPERATOR/);
    // The unfiltered rows may still show while the filtered page loads: wait for the answer itself.
    const rows = page.locator('[data-testid="audit-row"]');
    await expect
      .poll(async () => {
        const actors = await rows.allTextContents();
        return actors.length > 0 && actors.every((a) => a.includes('admin@operator.demo'));
      })
      .toBe(true);
    await page.context().close();
  });
});
