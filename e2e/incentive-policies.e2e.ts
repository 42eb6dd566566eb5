// Console > Incentive policies, in a real browser against the real server: the ecosystem manager
// defines a policy (refused first when it overlaps the demo policy, the message naming both), then
// saves a new version of it from a later period; both languages, with screenshots to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, root, startServer } from './support/server.ts';

const shots = join(root, 'e2e', 'screenshots', 'incentive-policies');
const code = `E2E-${Date.now().toString(36).toUpperCase()}`;

/** The first day of the month after next (Asia/Shanghai): an unsettled period start. */
function monthStart(ahead: number): string {
  const sh = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth() + ahead, 1));
  return d.toISOString().slice(0, 10);
}

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-item-option', { hasText: option }).first().click();
}

describe('console: incentive policy form (create, overlap refused, new version)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('zh-CN: an overlapping policy is refused naming both; a policy of another program is created', async () => {
    const page = await signedIn(browser, server, 'eco@operator.demo', 'console', 'zh-CN');
    await page.getByTestId('console-nav-incentive-policies').click();
    await page.getByTestId('policies-table').getByText('DEMO-SP').waitFor();
    await page.screenshot({ path: join(shots, 'list-zh-CN.png'), fullPage: true });

    await page.getByTestId('policy-new').click();
    await page.getByTestId('policy-code').fill(code);
    await pick(page, 'policy-program', '解决方案提供商');
    await page.getByTestId('policy-name-zh').fill('端到端测试政策');
    await page.getByTestId('policy-name-en').fill('End-to-end policy');
    await page.getByTestId('policy-valid-from').fill(monthStart(1));
    await page.getByTestId('policy-rate-percent-0').fill('3');
    await page.screenshot({ path: join(shots, 'form-zh-CN.png'), fullPage: true });
    await page.getByTestId('policy-save').click();
    const error = page.getByTestId('policy-error');
    await error.waitFor();
    await expect.poll(() => error.textContent()).toContain(code);
    expect(await error.textContent()).toContain('DEMO-SP');
    expect(await error.textContent()).toContain('重叠');
    await page.screenshot({ path: join(shots, 'overlap-zh-CN.png'), fullPage: true });

    // the same policy for a program without one is accepted
    await pick(page, 'policy-program', '服务伙伴');
    await page.getByTestId('policy-save').click();
    await page.waitForURL('**/console/incentive-policies');
    await page.getByTestId('policies-table').getByText(code).waitFor();
    await page.context().close();
  });

  it('en-US: a new version from a later period, prefilled from the current one', async () => {
    const page = await signedIn(browser, server, 'eco@operator.demo', 'console', 'en-US');
    // signed-in users get their saved language: pick English in the header switch
    await page.getByTestId('lang-switch').first().click();
    await page.getByTestId('lang-option-en-US').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    await page.getByTestId('console-nav-incentive-policies').click();
    await page.getByTestId(`policy-version-${code}`).click();
    await page.getByText(`New version of ${code}`).waitFor();
    // the current version's rate is filled in
    expect(await page.getByTestId('policy-rate-percent-0').inputValue()).toBe('3.00');
    await page.getByTestId('policy-valid-from').fill(monthStart(2));
    await page.getByTestId('policy-rate-percent-0').fill('4.5');
    await page.screenshot({ path: join(shots, 'version-en-US.png'), fullPage: true });
    await page.getByTestId('policy-save').click();
    await page.waitForURL('**/console/incentive-policies');
    await page.getByTestId('policies-table').getByText(code).waitFor();
    await page.screenshot({ path: join(shots, 'list-en-US.png'), fullPage: true });

    // the API keeps both versions, the second from the later period at 4.5 %
    const res = await page.request.get(`${server.url}/api/console/incentives/policies`);
    const policy = (
      (await res.json()) as {
        items: {
          code: string;
          versions: { validFrom: string; rules: { rates: { basisPoints: number }[] } }[];
        }[];
      }
    ).items.find((p) => p.code === code);
    expect(policy?.versions.map((v) => [v.validFrom, v.rules.rates[0]?.basisPoints])).toEqual([
      [monthStart(1), 300],
      [monthStart(2), 450],
    ]);
    await page.context().close();
  });
});
