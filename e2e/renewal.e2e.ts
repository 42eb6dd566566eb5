// Journey (issue 12, R15): a resale customer's yearly/monthly server nears expiry → the lifecycle
// job reminds the partner by email (real SMTP) → the partner filters the renewal page by enterprise
// project → quotes one year and places the order → pays it for the customer on the orders page →
// the expiry moves by one year → the customer's monthly bill (bill cycle of the payment, Asia/Shanghai)
// shows the paid renewal among its yearly/monthly fee records.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { moveClockAndTick, signedIn, startClockServer } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const PARTNER = 'admin@solution.demo';
const SERVER_ID = 'demo-ecs-xinghe-web-01';
const TEST_SERVER_ID = 'demo-ecs-xinghe-test-01';

interface Item {
  resourceId: string;
  expireAt: string;
  daysToExpiry: number;
}

describe('journey: resale resource near expiry → partner reminder → renew one year → paid → expiry moves → monthly bill', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let api: ApiClient;
  let before: Item;
  let orderId: string;

  const item = async (id: string): Promise<Item> => {
    const r = await api.request<{ items: Item[] }>('GET', '/api/renewals?limit=100');
    const found = r.body.items.find((i) => i.resourceId === id);
    if (!found) throw new Error(`${id} not in the renewal list`);
    return found;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startClockServer(smtp.url);
    browser = await launchBrowser();
    api = new ApiClient(server.url);
    await api.signIn(PARTNER, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('the demo resale customer has a server expiring within 7 days', async () => {
    before = await item(SERVER_ID);
    expect(before.daysToExpiry).toBeLessThanOrEqual(7);
  });

  it('the lifecycle job reminds the partner by email, naming the resource', async () => {
    await moveClockAndTick(server, new Date(Date.now() + 60_000).toISOString());
    const mail = await smtp.waitForMail(PARTNER, (m) => m.text.includes(SERVER_ID), 60_000);
    expect(mail.subject).toContain('星河电商有限公司');
    expect(mail.text).toContain('续费管理');
  });

  it('the partner filters the renewal page by enterprise project and renews for one year after a quote', async () => {
    page = await signedIn(browser, server, PARTNER, 'portal');
    await page.goto(`${server.url}/renewals`);
    await page.getByTestId(`renewal-row-${TEST_SERVER_ID}`).waitFor();
    await page.getByTestId('renewals-filter-project').click();
    await page.locator('.ant-select-item-option', { hasText: '生产环境' }).click();
    await page.getByTestId('renewals-search').click();
    await page.getByTestId(`renewal-row-${TEST_SERVER_ID}`).waitFor({ state: 'detached' });
    await page.getByTestId(`renewal-row-${SERVER_ID}`).waitFor();

    await page.getByTestId(`renew-${SERVER_ID}`).click();
    await page.locator('.ant-modal label', { hasText: '按年' }).click();
    await page.getByTestId('renew-quote').click();
    // One year of the server (¥1,989.00) with its disk (¥1,020.00).
    await expect.poll(() => page.getByTestId('quote-amount').textContent()).toBe('¥3,009.00');
    await page.getByTestId('renew-confirm').click();
    const placed = (await page.getByTestId('renew-placed').textContent()) ?? '';
    orderId = /ord_[0-9a-z]+/.exec(placed)?.[0] ?? '';
    expect(orderId).not.toBe('');
    expect(placed).toContain('待支付');
  });

  it('the partner pays the order for its resale customer; the expiry moves by one year', async () => {
    await page.goto(`${server.url}/orders`);
    await page.getByTestId(`order-pay-${orderId}`).click();
    await expect.poll(() => page.getByTestId(`order-status-${orderId}`).textContent()).toBe('已支付');
    const after = await item(SERVER_ID);
    const moved = new Date(before.expireAt);
    moved.setUTCFullYear(moved.getUTCFullYear() + 1);
    expect(after.expireAt).toBe(moved.toISOString());
    await page.goto(`${server.url}/renewals`);
    await expect
      .poll(() => page.getByTestId(`renewal-expiry-${SERVER_ID}`).textContent())
      .toContain(String(moved.getUTCFullYear()));
  });

  it('the monthly bill of the payment’s cycle shows the renewal order among the customer’s fee records', async () => {
    // The bill cycle of the payment in Asia/Shanghai (UTC+8, no DST), as the bills page names it.
    const cycle = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    await page.goto(`${server.url}/bills?cycle=${cycle}`);
    await page.getByTestId('bills-table').getByRole('link', { name: '星河电商有限公司' }).click();
    await page.getByTestId('fees-mode').click();
    await page.locator('.ant-select-item-option', { hasText: '包年/包月' }).click();
    // One fee record per order line: the server's year (¥1,989.00) and its disk's (¥1,020.00).
    const rows = page.getByTestId('fee-records').locator('tr', { hasText: orderId });
    await rows.first().waitFor();
    const texts = await rows.allTextContents();
    expect(texts).toHaveLength(2);
    expect(texts.some((x) => x.includes('1,989.00'))).toBe(true);
    expect(texts.some((x) => x.includes('1,020.00'))).toBe(true);
  });
});
