// Issue 4's journey, in a real browser against the real server: a partner administrator creates an
// API key in Developer > API keys; a script creates a customer and its budget through the signed
// partner API with that key; the administrator adds an alert recipient on the budget page; the
// billing feed sends spend that crosses 75 % and then 100 %; the recipient's emails arrive over SMTP
// and the portal shows the customer restricted.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { callPartnerApi, type PartnerKey } from './support/partner-api.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const INGEST_TOKEN = 'e2e-ingest-token-0123456789abcdef';
const stamp = Date.now().toString(36);
const admin = DEMO_USERS.find((u) => u.email === 'admin@solution.demo');
const recipient = { name: '财务 王芳', email: `wang.fang.${stamp}@customer.test` };
const accountName = `e2e_cust_${stamp}`;

async function sendSpend(server: RunningServer, customerId: string, amountFen: number, n: number) {
  const res = await fetch(`${server.url}/api/ingest/spend`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      records: [
        {
          record_id: `e2e-${stamp}-${n}`,
          customer_id: customerId,
          spent_at: new Date().toISOString(),
          service_type: 'ecs',
          amount_fen: amountFen,
          payment_kind: 'cash',
        },
      ],
    }),
  });
  const body = (await res.json()) as { accepted: number };
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(body.accepted).toBe(1);
}

describe('journey: API key → customer via partner API → budget alerts by email → restriction', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let key: PartnerKey;
  let customerId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ smtpUrl: smtp.url, env: { INGEST_TOKEN } });
    browser = await launchBrowser();
    if (!admin) throw new Error('demo admin missing');
    page = await signedIn(browser, server, admin.email, 'portal');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('the administrator creates an API key and sees its secret once', async () => {
    await page.goto(`${server.url}/developer/keys`);
    await page.getByTestId('key-create').click();
    await page.getByTestId('key-name').fill('ERP integration');
    await page.getByTestId('key-create-submit').click();
    await page.getByTestId('secret-ak').waitFor();
    key = {
      accessKey: (await page.getByTestId('secret-ak').textContent())?.trim() ?? '',
      secretKey: (await page.getByTestId('secret-sk').textContent())?.trim() ?? '',
      domainId: (await page.getByTestId('secret-domain-id').textContent())?.trim() ?? '',
    };
    expect(key.accessKey).toMatch(/^[A-Z0-9]{20}$/);
    expect(key.secretKey).toHaveLength(40);
    await page.getByTestId('secret-saved').click();
    await expect.poll(() => page.getByText(key.secretKey).count()).toBe(0);
  });

  it('a script creates the customer and a 100.00 budget with automatic restriction through the API', async () => {
    const created = await callPartnerApi<{ domain_id: string; domain_name: string }>(
      server.url,
      key,
      'POST',
      '/v2/partners/sub-customers',
      {
        domain_name: accountName,
        xaccount_id: `erp-${stamp}`,
        xaccount_type: 'erp_e2e',
        cooperation_type: '2',
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    customerId = created.body.domain_id;
    const again = await callPartnerApi<{ domain_id: string }>(
      server.url,
      key,
      'POST',
      '/v2/partners/sub-customers',
      {
        domain_name: accountName,
        xaccount_id: `erp-${stamp}`,
        xaccount_type: 'erp_e2e',
        cooperation_type: '2',
      },
    );
    expect(again.body.domain_id).toBe(customerId);

    const budget = await callPartnerApi(server.url, key, 'POST', '/v2/partners/sub-customers/budget', {
      customer_id: customerId,
      budget_amount: 100,
      budget_type: 'MONTHLY',
      frozen_operate_type: 1,
    });
    expect(budget.status, JSON.stringify(budget.body)).toBeLessThan(300);
    const shown = await callPartnerApi<{ budget_amount: number; used_amount: number }>(
      server.url,
      key,
      'GET',
      `/v2/partners/sub-customers/budget?customer_id=${customerId}`,
    );
    expect(shown.body).toMatchObject({ budget_amount: 100, used_amount: 0 });
  });

  it('the administrator finds the customer and adds an alert recipient on its budget page', async () => {
    await page.goto(`${server.url}/customers`);
    await page.getByTestId('cust-keyword').fill(accountName);
    await page.getByTestId('cust-search').click();
    await page.getByTestId('cust-link').first().click();
    await page.getByTestId('cust-budget').click();
    await page.getByTestId('budget-usage').waitFor();
    await page.getByTestId('recipient-name').fill(recipient.name);
    await page.getByTestId('recipient-email').fill(recipient.email);
    await page.getByTestId('recipient-add').click();
    await page.getByTestId('recipient-confirm').click();
    await expect.poll(() => page.getByTestId('recipient-table').textContent()).toContain(recipient.email);
  });

  it('spend crossing 75 % and then 100 % emails the recipient and restricts the customer', async () => {
    await sendSpend(server, customerId, 8_000, 1);
    const first = await smtp.waitForMail(recipient.email, (m) => m.subject.includes('75%'));
    expect(first.text).toContain(accountName);

    await sendSpend(server, customerId, 2_500, 2);
    await smtp.waitForMail(recipient.email, (m) => /限制|restricted/i.test(m.subject));
    await smtp.waitForMail(recipient.email, (m) => m.subject.includes('90%'));
    await new Promise((r) => setTimeout(r, 1_000)); // a double would have arrived by now
    const toRecipient = smtp.mails.filter((m) => m.to.includes(recipient.email));
    // 75 %, then 90 % and 100 % crossed by the second record: one email each, none twice.
    expect(toRecipient).toHaveLength(3);

    await page.reload();
    await page.getByTestId('budget-restriction').waitFor();
    await expect.poll(() => page.getByTestId('budget-alerts').textContent()).toContain('100');
  });
});
