// Issue 10's journey, in a real browser against the real server: spend arrives for the demo
// distributor's customer → the month closes through the scheduler → the incentive notice arrives by
// email over SMTP → the administrator confirms it in Benefits → applies for the quarter's payment:
// refused until business information passes (the reviewer approves it in the console), then
// accepted → finance approves in the console → the invoicing notice appears.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { moveClockAndTick, openAndClaim, signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const INGEST_TOKEN = 'e2e-ingest-token-incentives-0123456789';
const ADMIN = 'admin@distributor.demo';
const COMPANY = '远航数据分销有限公司';
const stamp = Date.now().toString(36);

/** Asia/Shanghai calendar parts of an instant. */
function shanghai(d: Date) {
  const s = new Date(d.getTime() + 8 * 3600_000);
  return { year: s.getUTCFullYear(), month: s.getUTCMonth() + 1 };
}
const pad = (n: number) => String(n).padStart(2, '0');

describe('journey: spend → period closes → notice by email → confirm → payment application → invoicing notice', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let periodKey: string;
  let quarter: string;
  let nextQuarterStart: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({
      smtpUrl: smtp.url,
      env: { NODE_ENV: 'test', CLOCK_CONTROL: '1', INGEST_TOKEN },
    });
    browser = await launchBrowser();
    const now = shanghai(new Date());
    periodKey = `${now.year}-${pad(now.month)}`;
    const q = Math.ceil(now.month / 3);
    quarter = `${now.year}-Q${q}`;
    const nq = q === 4 ? { y: now.year + 1, m: 1 } : { y: now.year, m: q * 3 + 1 };
    nextQuarterStart = `${nq.y}-${pad(nq.m)}-01T02:30:00+08:00`;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('spend arrives and the period closes through the scheduler; the notice arrives by email', async () => {
    const api = new ApiClient(server.url);
    await api.signIn(ADMIN, DEMO_PASSWORD);
    const customers = await api.request<{ items: { name: string; domainId: string }[] }>(
      'GET',
      '/api/customers',
    );
    const customer = customers.body.items.find((c) => c.name === '远航自营客户');
    expect(customer).toBeTruthy();
    const res = await fetch(`${server.url}/api/ingest/spend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        records: [
          {
            record_id: `e2e-inc-${stamp}`,
            customer_id: customer?.domainId,
            spent_at: new Date().toISOString(),
            service_type: 'ecs',
            amount_fen: 1_000_000,
            payment_kind: 'cash',
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const next = periodKey.endsWith('-12')
      ? `${Number(periodKey.slice(0, 4)) + 1}-01`
      : `${periodKey.slice(0, 4)}-${pad(Number(periodKey.slice(5)) + 1)}`;
    await moveClockAndTick(server, `${next}-01T02:30:00+08:00`);
    // 10,000.00 × 5 % (ecs) = 500.00 before tax
    const mail = await smtp.waitForMail(
      ADMIN,
      (m) => m.subject.includes(periodKey) && m.text.includes('500.00'),
    );
    expect(mail.text).toContain('500.00');
  });

  it('the administrator sees both amounts and confirms the notice in Benefits', async () => {
    page = await signedIn(browser, server, ADMIN, 'portal');
    await page.getByTestId('nav-benefits').click();
    await page.getByTestId(`notice-open-${periodKey}`).click();
    await expect.poll(() => page.getByTestId('notice-pre-tax').textContent()).toContain('500.00');
    await page.getByTestId('notice-confirm').click();
    await expect.poll(() => page.getByTestId('notice-status').textContent()).toBe('已确认');
    // the lines trace the amount to the spend record
    await page.getByTestId('notice-lines').locator('.ant-table-row-expand-icon').first().click();
    await page.getByText(`e2e-inc-${stamp}`).waitFor();
  });

  it('the payment application is refused until business information passes, then accepted', async () => {
    await moveClockAndTick(server, nextQuarterStart);
    page = await signedIn(browser, server, ADMIN, 'portal');
    await page.goto(`${server.url}/benefits/payment-applications`);
    await page.getByTestId('payout-blocked').waitFor();
    await page.getByTestId('apply-quarter').fill(quarter);
    await page.getByTestId('apply-submit').click();
    await page.getByText('商业信息认证通过后才能申请付款', { exact: false }).first().waitFor();

    const reviewer = await signedIn(browser, server, 'reviewer@operator.demo', 'console');
    await openAndClaim(reviewer, COMPANY);
    await reviewer.getByTestId('cert-approve').click();
    await reviewer.locator('[data-testid="cert-detail-status"][data-status="approved"]').waitFor();

    await page.reload();
    await page.getByTestId('apply-quarter').fill(quarter);
    await page.getByTestId('apply-submit').click();
    await expect
      .poll(() => page.getByTestId(`application-status-${quarter}`).textContent())
      .toBe('待财务审核');
    expect(await page.getByTestId('payout-blocked').count()).toBe(0);
  });

  it('finance approves in the console and the invoicing notice appears', async () => {
    const finance = await signedIn(browser, server, 'finance@operator.demo', 'console');
    await finance.getByTestId('console-nav-payment-applications').click();
    const row = finance.getByTestId('payments-table').locator('tr', { hasText: COMPANY }).first();
    await row.locator('input[type="checkbox"]').check();
    await finance.getByTestId('payments-approve').click();
    await finance.getByTestId('payments-filter-status').click();
    await finance
      .getByTitle(/已通过/)
      .first()
      .click();
    await finance
      .getByTestId('payments-table')
      .locator('tr', { hasText: '已发出开票通知' })
      .first()
      .waitFor();

    await page.reload();
    await expect.poll(() => page.getByTestId(`application-status-${quarter}`).textContent()).toBe('已通过');
    await page.getByText('已发出开票通知').waitFor();
    const invoicing = await smtp.waitForMail(ADMIN, (m) => m.subject.includes('开票'));
    expect(invoicing.subject).toContain('开票');
  });
});
