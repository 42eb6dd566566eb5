// Journey (issue 12): finance issues a cash coupon to the demo resale customer in the console → the
// partner buys a monthly server for that customer on the purchase page (customer found by name,
// quote with the price, one order) and pays it with the coupon → the order is paid, coupon first,
// the rest in cash → finance sees the coupon used and revokes the customer's other coupon with a
// reason, which the list then shows.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';

const PARTNER = 'admin@solution.demo';
const CUSTOMER = '星河电商有限公司';

describe('journey: coupon issued in the console → partner buys for its resale customer and pays with it → revoked coupon', () => {
  let server: RunningServer;
  let browser: Browser;
  let finance: Page;
  let partner: Page;
  let domainId: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const api = new ApiClient(server.url);
    await api.signIn(PARTNER, DEMO_PASSWORD);
    const list = await api.request<{ items: { name: string; domainId: string }[] }>(
      'GET',
      '/api/customers?type=resale',
    );
    domainId = list.body.items.find((c) => c.name === CUSTOMER)?.domainId ?? '';
    expect(domainId).not.toBe('');
    finance = await signedIn(browser, server, 'finance@operator.demo', 'console');
    partner = await signedIn(browser, server, PARTNER, 'portal');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  it('finance issues a ¥66.00 coupon to the customer in the console', async () => {
    await finance.goto(`${server.url}/console/coupons`);
    await finance.getByTestId('coupon-issue').click();
    await finance.getByTestId('coupon-customer').fill(domainId);
    await finance.getByTestId('coupon-face').fill('66');
    const validity = finance.locator('.ant-modal .ant-picker-range');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 8 * 3600_000 + 30 * 86_400_000).toISOString().slice(0, 10);
    await validity.locator('input').first().fill(today);
    await validity.locator('input').last().fill(later);
    await validity.locator('input').last().press('Enter');
    await finance.getByTestId('coupon-issue-ok').click();
    await expect.poll(() => finance.getByTestId('coupons-table').textContent()).toContain('¥66.00');
  });

  it('the partner finds the customer by name, quotes, orders and pays with the coupon', async () => {
    await partner.goto(`${server.url}/purchase`);
    const customer = partner.getByTestId('purchase-customer');
    await customer.click();
    await partner.keyboard.type('星河');
    await partner.locator('.ant-select-item-option', { hasText: domainId }).click();
    await partner.getByTestId('purchase-product').click();
    await partner.locator('.ant-select-item-option', { hasText: 's6.large.2' }).click();
    await partner.getByTestId('purchase-region').click();
    await partner.locator('.ant-select-item-option', { hasText: 'cn-north-4' }).click();
    await partner.locator('label.ant-radio-button-wrapper', { hasText: '包月' }).click();
    await partner.getByTestId('purchase-quote').click();
    const amount = (await partner.getByTestId('purchase-amount').textContent()) ?? '';
    expect(amount).toMatch(/^¥[\d,]+\.\d{2}$/);
    await partner.getByTestId('purchase-order').click();
    await partner.getByLabel(/满 ¥0\.00 减 ¥66\.00/).check();
    await partner.getByTestId('purchase-pay').click();
    const done = partner.getByTestId('purchase-done');
    await expect.poll(() => done.textContent()).toMatch(/代金券抵扣 ¥66\.00/);
  });

  it('finance sees the coupon used and revokes the customer’s ECS coupon with a reason', async () => {
    await finance.reload();
    await expect.poll(() => finance.getByTestId('coupons-table').textContent()).toMatch(/已使用/);
    await finance.getByTestId('coupon-revoke-cpn_demo_c1_ecs50').click();
    await finance.getByTestId('coupon-revoke-reason').fill('活动已结束');
    await finance.getByTestId('coupon-revoke-ok').click();
    await expect
      .poll(() => finance.getByTestId('coupon-status-cpn_demo_c1_ecs50').textContent())
      .toBe('已撤销');
    expect(await finance.getByTestId('coupons-table').textContent()).toContain('已撤销：活动已结束');
  });
});
