// Issue 14, the console's partner directory in a real browser against the real server: the demo
// ecosystem manager searches the directory → suspends a partner with a reason → the partner's
// administrator sees the banner and is refused a new API key → the manager resumes the partner from
// its detail page → the audit log filtered by today's date names who did what, and its CSV downloads.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, root, startServer } from './support/server.ts';

const PARTNER = '华辰云科技有限公司';
const REASON = '资质材料过期，请尽快更新';

async function shoot(page: Page, lang: 'zh-CN' | 'en-US', name: string) {
  await page.waitForLoadState('networkidle');
  const dir = join(root, 'screenshots', lang);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Today in Asia/Shanghai, `YYYY-MM-DD`. */
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('console directory: search → suspend → the partner is told and refused → resume → audit and CSV', () => {
  let server: RunningServer;
  let browser: Browser;
  let manager: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('the ecosystem manager finds the partner and suspends it with a reason', async () => {
    manager = await signedIn(browser, server, 'eco@operator.demo', 'console', 'zh-CN');
    await manager.getByTestId('console-nav-partners').click();
    await manager.getByTestId('directory-row').first().waitFor();
    await manager.getByTestId('directory-search').locator('input').fill('华辰');
    await manager.getByTestId('directory-search').locator('input').press('Enter');
    const row = manager.locator('[data-testid="directory-row"][data-partner-id="prt_demo_solution"]');
    await row.waitFor();
    // The unfiltered page also holds this row: wait for the search's answer to replace it.
    await expect.poll(() => manager.getByTestId('directory-row').count()).toBe(1);
    await row.getByTestId('partner-suspend').click();
    // No reason, no suspension.
    await manager.getByTestId('standing-confirm').click();
    await manager.locator('.ant-form-item-explain-error').waitFor();
    await manager.getByTestId('standing-reason').fill(REASON);
    await shoot(manager, 'zh-CN', 'console-partners-suspend');
    await manager.getByTestId('standing-confirm').click();
    await row.locator('[data-testid="partner-status"][data-status="suspended"]').waitFor();
  });

  it('the partner sees the banner and is refused a new API key', async () => {
    const partner = await signedIn(browser, server, 'admin@solution.demo', 'portal', 'zh-CN');
    const banner = partner.getByTestId('suspended-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain(REASON);
    await shoot(partner, 'zh-CN', 'portal-suspended-banner');
    await partner.context().close();

    const api = new ApiClient(server.url, 'en-US');
    await api.signIn('admin@solution.demo', DEMO_PASSWORD);
    const key = await api.request<{ code: string; message: string }>('POST', '/api/developer/keys', {
      name: 'n',
    });
    expect(key.status).toBe(403);
    expect(key.body.code).toBe('partners.suspended');
    expect(key.body.message).toMatch(/suspended/);
  });

  it('the manager resumes the partner from its detail page', async () => {
    await manager
      .locator('[data-testid="directory-row"][data-partner-id="prt_demo_solution"]')
      .getByTestId('directory-partner-link')
      .click();
    await manager.getByTestId('partner-suspended-alert').waitFor();
    await manager.getByTestId('partner-resume').click();
    await manager.getByTestId('standing-reason').fill('材料已更新');
    await manager.getByTestId('standing-confirm').click();
    await manager.locator('[data-testid="partner-status"][data-status="active"]').waitFor();
    await manager.getByTestId('partner-suspended-alert').waitFor({ state: 'detached' });
  });

  it('the audit log of today names the suspension and the resumption, and downloads as CSV', async () => {
    const today = shanghaiToday();
    await manager.goto(`${server.url}/console/audit?partnerId=prt_demo_solution&from=${today}&to=${today}`);
    await manager.getByTestId('audit-row').first().waitFor();
    const labels = await manager.getByTestId('audit-action-label').allTextContents();
    expect(labels).toContain('暂停伙伴');
    expect(labels).toContain('恢复伙伴');
    const suspended = manager.locator('[data-testid="audit-row"][data-action="partner.suspended"]');
    expect(await suspended.getByTestId('audit-target').textContent()).toContain(PARTNER);
    expect(await suspended.getByTestId('audit-actor').textContent()).toContain('eco@operator.demo');
    await shoot(manager, 'zh-CN', 'console-audit-filtered');

    const [download] = await Promise.all([
      manager.waitForEvent('download'),
      manager.getByTestId('audit-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}\.csv$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('时间（北京时间 UTC+8）');
    expect(text).toContain('暂停伙伴');
    expect(text).toContain(REASON);
  });
});
