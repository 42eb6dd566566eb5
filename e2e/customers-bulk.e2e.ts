// Issue 14's customers journey, in a real browser against the real server with demo data: the
// solution provider's administrator sorts the customer list by this month's spend (the VIP customer,
// ¥4,000.00 of a ¥5,000.00 budget, comes first with its "over 75 %" tag), selects its customers,
// freezes them in bulk (a double click on the confirmation makes one batch), reads the summary and the
// frozen state, then unfreezes them. The page is photographed in both languages
// (e2e/screenshots/customers-bulk-<lang>-*.png).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

const SHOTS = join(import.meta.dirname, 'screenshots');

describe('journey: customers sorted by spend, frozen and unfrozen in bulk (issue 14)', {
  timeout: 300_000,
}, () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // A shared, loaded machine may take minutes to start the server with its demo data.
    server = await startServer({}, 480_000);
    browser = await launchBrowser();
    page = await signedIn(browser, server, 'admin@solution.demo', 'portal');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  const rows = () => page.locator('.ant-table-tbody tr.ant-table-row');
  const listed = (url: string) => url.includes('/api/customers?');

  async function sortBySpendDescending() {
    const header = page.locator('th', { hasText: /本月消费|Spend this month/ });
    // antd cycles ascending → descending; wait for each sorted answer of the server.
    for (const order of ['asc', 'desc']) {
      const answered = page.waitForResponse((r) => listed(r.url()) && r.url().includes(`order=${order}`));
      await header.click();
      await answered;
    }
  }

  it('sorts by this month’s spend on the server and shows spend and budget usage as ¥ with separators', async () => {
    await page.goto(`${server.url}/customers`);
    await rows().first().waitFor();
    await sortBySpendDescending();
    await expect.poll(() => rows().first().textContent()).toContain('星河电商有限公司');
    const first = rows().first();
    // The demo adds other spend this month too: check the form, the order and the budget line.
    const spends = await page.getByTestId('cust-spend').allTextContents();
    for (const s of spends) expect(s).toMatch(/^¥\d{1,3}(,\d{3})*\.\d{2}$/);
    const fen = spends.map((s) => Number(s.replace(/[¥,.]/g, '')));
    expect(fen).toEqual([...fen].sort((x, y) => y - x));
    expect(fen[0]).toBeGreaterThanOrEqual(400_000);
    expect(await first.getByTestId('cust-budget-state').textContent()).toMatch(
      /^已超 (75|90)%$|^预算已用完$/,
    );
    expect(await first.textContent()).toContain(`${spends[0]} / ¥5,000.00`);
    await page.screenshot({ path: join(SHOTS, 'customers-bulk-zh-CN-list.png'), fullPage: true });
  });

  it('freezes the selected customers in bulk: one batch for a double click, a summary, the frozen state', async () => {
    const count = await rows().count();
    expect(count).toBeGreaterThanOrEqual(2);
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    await expect.poll(() => page.getByTestId('cust-bulk-bar').textContent()).toContain(`已选 ${count} 个`);
    await page.getByTestId('cust-bulk-freeze').click();
    await page.getByLabel('账号及资源').check();
    await page.getByTestId('cust-bulk-reason').fill('逾期未付款');
    const batches: string[] = [];
    page.on('response', async (r) => {
      if (r.url().endsWith('/api/customers/bulk')) batches.push(((await r.json()) as { id: string }).id);
    });
    await page.getByTestId('cust-bulk-ok').dblclick();
    await page.getByTestId('cust-bulk-summary').waitFor();
    expect(await page.getByTestId('cust-bulk-summary').textContent()).toContain(
      `成功 ${count} 个，失败 0 个`,
    );
    expect(new Set(batches).size).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'customers-bulk-zh-CN-summary.png') });
    await page.getByTestId('cust-bulk-ok').click();
    await expect
      .poll(async () => (await page.locator('.ant-table-tbody').textContent())?.match(/已冻结/g)?.length ?? 0)
      .toBe(count);
  });

  it('shows the same page in English, then unfreezes them in bulk', async () => {
    await page.getByTestId('lang-switch').first().click();
    await page.getByTestId('lang-option-en-US').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en-US');
    await page.goto(`${server.url}/customers`);
    await rows().first().waitFor();
    await sortBySpendDescending();
    await expect
      .poll(() => rows().first().getByTestId('cust-budget-state').textContent())
      .toMatch(/^Over (75|90)%$|^Budget used up$/);
    const count = await rows().count();
    await page.locator('.ant-table-thead .ant-checkbox-input').check();
    await page.screenshot({ path: join(SHOTS, 'customers-bulk-en-US-list.png'), fullPage: true });
    await page.getByTestId('cust-bulk-unfreeze').click();
    await page.getByTestId('cust-bulk-reason').fill('Paid');
    await page.getByTestId('cust-bulk-ok').click();
    await page.getByTestId('cust-bulk-summary').waitFor();
    expect(await page.getByTestId('cust-bulk-summary').textContent()).toContain(
      `${count} succeeded, 0 failed`,
    );
    await page.screenshot({ path: join(SHOTS, 'customers-bulk-en-US-summary.png') });
    await page.getByTestId('cust-bulk-ok').click();
    await expect
      .poll(async () => (await page.locator('.ant-table-tbody').textContent())?.match(/Frozen/g)?.length ?? 0)
      .toBe(0);
  });
});
