// Issue 11's journey in a real browser against the real server: a marketplace bill arrives and is
// countersigned by three approvers (the partner, the business owner, finance); the partner gets the
// invoicing notice by email over SMTP, opens its link, prints the invoice list (a PDF), submits an
// electronic VAT special invoice; finance returns it once, accepts the second, pays; the partner
// sees "paid".
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const INGEST_TOKEN = 'e2e-ingest-token-0123456789abcdef';
const stamp = Date.now().toString(36);
const externalId = `KOO-E2E-${stamp}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const today = new Date().toISOString().slice(0, 10);

describe('journey: countersigning → notice by email → invoice list → e-invoice → returned → accepted → paid', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let partner: Page;
  let eco: Page;
  let finance: Page;
  let listUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ smtpUrl: smtp.url, env: { INGEST_TOKEN } });
    browser = await launchBrowser();
    partner = await signedIn(browser, server, 'admin@solution.demo', 'portal');
    eco = await signedIn(browser, server, 'eco@operator.demo', 'console');
    finance = await signedIn(browser, server, 'finance@operator.demo', 'console');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('a marketplace bill arrives and three approvers countersign it', async () => {
    const res = await fetch(`${server.url}/api/ingest/countersign-bills`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        bills: [
          {
            external_id: externalId,
            kind: 'marketplace',
            partner: 'prt_demo_solution',
            title: '云商店商品结算',
            period: '2026-11',
            lines: [{ description: 'SaaS 订阅分成', quantity: 1, amount_fen: 1_000_000 }],
          },
        ],
      }),
    });
    expect(((await res.json()) as { results: { outcome: string }[] }).results[0]?.outcome).toBe('created');

    await partner.goto(`${server.url}/invoicing?tab=bills`);
    await partner
      .getByRole('row', { name: new RegExp(externalId) })
      .getByRole('button')
      .first()
      .click();
    await expect
      .poll(() => partner.getByRole('row', { name: new RegExp(externalId) }).textContent())
      .toMatch(/业务负责人/);

    for (const op of [eco, finance]) {
      await op.goto(`${server.url}/console/invoicing`);
      await op.getByTestId(`bill-approve-${externalId}`).click();
      await expect.poll(() => op.getByTestId(`bill-approve-${externalId}`).count()).toBe(0);
    }
  });

  it('the partner is told by email and opens the invoice list from the link, and prints it', async () => {
    // The demo data's own notice (last month's bill) was mailed at start: this one is ¥10,600.00.
    const mail = await smtp.waitForMail(
      'admin@solution.demo',
      (m) => m.subject.includes('开票通知') && m.text.includes('10,600.00'),
    );
    expect(mail.text).toContain('10,600.00');
    listUrl = /(http\S+\/invoice-list\/\S+)/.exec(mail.text)?.[1] ?? '';
    expect(listUrl).not.toBe('');
    await partner.goto(listUrl);
    await expect.poll(() => partner.getByTestId('invoice-list-total').textContent()).toBe('¥10,600.00');
    const pdfUrl = await partner.getByTestId('invoice-list-print').getAttribute('href');
    const pdf = await partner.request.get(pdfUrl ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  async function submitInvoice(number: string) {
    await partner.getByTestId('invoice-list-to-portal').click();
    await partner.getByTestId('invoice-number').fill(number);
    await partner.getByTestId('invoice-issued-on').fill(today);
    await partner
      .locator('input[type=file]')
      .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF });
    await partner.getByTestId('invoice-submit').click();
    await expect.poll(() => partner.getByTestId('notice-status').textContent()).toBe('已提交发票');
  }

  it('the partner submits an electronic special invoice; finance returns it with a reason', async () => {
    await submitInvoice('71000001');
    await finance.goto(`${server.url}/console/invoicing`);
    await finance.getByRole('tab', { name: /待审核发票/ }).click();
    const row = finance.getByRole('row', { name: /71000001/ });
    await row.getByTestId('return-button').click();
    await finance.getByTestId('return-reason').fill('发票备注栏缺少开票清单编号');
    await finance.getByRole('button', { name: /OK|确/ }).last().click();
    await expect.poll(() => finance.getByRole('row', { name: /71000001/ }).count()).toBe(0);
    const mail = await smtp.waitForMail('admin@solution.demo', (m) => m.subject.includes('被退回'));
    expect(mail.text).toContain('发票备注栏缺少开票清单编号');
  });

  it('the partner resubmits; finance accepts and pays; the partner sees paid', async () => {
    await partner.goto(listUrl);
    await submitInvoice('71000002');
    await finance.reload();
    await finance.getByRole('tab', { name: /待审核发票/ }).click();
    await finance.getByTestId('invoice-accept-71000002').click();
    await expect.poll(() => finance.getByTestId('invoice-accept-71000002').count()).toBe(0);
    await finance.getByRole('tab', { name: /待付款/ }).click();
    await finance.getByRole('row', { name: /KPQD/ }).getByRole('button').first().click();
    await expect
      .poll(() => finance.getByTestId('payee-account').textContent())
      .toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
    await finance.getByTestId('pay-date').fill(today);
    await finance.getByTestId('pay-reference').fill(`CMB${stamp}`);
    await finance.getByTestId('pay-confirm').click();
    await smtp.waitForMail('admin@solution.demo', (m) => m.subject.includes('已付款'));
    await partner.reload();
    await expect.poll(() => partner.getByTestId('notice-status').textContent()).toBe('已付款');
    expect(await partner.getByTestId('notice-timeline').textContent()).toContain('退回');
  });
});
