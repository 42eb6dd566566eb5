// Journey (issue 3): a rejected business certification leads to a ticket. The reviewer rejects the
// reseller's business information with a reason; the reseller reads it under Partner info > Business
// info and opens a ticket from there, linked to the submission; support answers and resolves it in
// the console; the reseller sees the ticket resolved with the answer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { fillStage, openAndClaim, signedIn, startClockServer } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const company = '青禾云计算服务有限公司';
const reason = '开户许可证上的户名与公司法定名称不一致，请核对后重新提交。';
const subject = '关于企业信息认证被驳回的问题';
const answer = '您好，请按营业执照上的名称填写开户名，并上传新的开户许可证后重新提交。';

describe('journey: rejected business certification → linked ticket → support resolves it', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let partner: Page;
  let reviewer: Page;
  let ticketUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startClockServer(smtp.url);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('the reviewer rejects the business information with a reason', async () => {
    partner = await signedIn(browser, server, 'admin@reseller.demo', 'portal');
    await partner.goto(`${server.url}/partner-info/business`);
    await partner.getByTestId('cert-qualification-companyName').waitFor();
    await fillStage(partner, 'qualification', {
      companyName: company,
      creditCode: '91110108MA01ABCD2X',
      legalRepresentative: '陈静',
      registeredAddress: '上海市浦东新区张江路 88 号',
      businessScope: '云计算产品的销售与运维服务',
      contactName: '陈静',
      contactPhone: '+8613900139000',
      contactEmail: 'chen.jing@qinghe.example.com',
    });
    await partner.getByTestId('cert-qualification-submit').click();
    await partner.locator('[data-testid="cert-qualification-status"][data-status="submitted"]').waitFor();

    reviewer = await signedIn(browser, server, 'reviewer@operator.demo', 'console');
    await openAndClaim(reviewer, company);
    await reviewer.getByTestId('cert-approve').click();
    await reviewer.locator('[data-testid="cert-detail-status"][data-status="approved"]').waitFor();

    await partner.reload();
    await partner.locator('[data-testid="cert-qualification-status"][data-status="approved"]').waitFor();
    await fillStage(partner, 'business', {
      companyLegalName: company,
      creditCode: '91110108MA01ABCD2X',
      legalRepresentative: '陈静',
      registeredAddress: '上海市浦东新区张江路 88 号',
      bankName: '招商银行',
      bankBranch: '上海张江支行',
      bankAccountName: '青禾云计算',
      bankAccountNumber: '621483100012345678',
      taxpayerId: '91110108MA01ABCD2X',
      taxpayerStatus: 'small_scale',
      settlementCurrency: 'CNY',
    });
    await partner.getByTestId('cert-business-submit').click();
    await partner.locator('[data-testid="cert-business-status"][data-status="submitted"]').waitFor();

    await openAndClaim(reviewer, company);
    await reviewer.getByTestId('cert-reject').click();
    await reviewer.getByTestId('cert-reject-reason').fill(reason);
    await reviewer.getByTestId('cert-reject-confirm').click();
    await reviewer.locator('[data-testid="cert-detail-status"][data-status="rejected"]').waitFor();
  });

  it('the reseller reads the reason under Business info and opens a linked ticket from there', async () => {
    await partner.goto(`${server.url}/partner-info/business`);
    await partner.locator('[data-testid="cert-business-status"][data-status="rejected"]').waitFor();
    await expect.poll(() => partner.getByTestId('cert-business-rejection').textContent()).toContain(reason);
    // The rejection also reached the administrator by email, with the reason.
    const mail = await smtp.waitForMail('admin@reseller.demo', (m) => m.text.includes(reason));
    expect(mail.subject).toBeTruthy();

    await partner.getByTestId('cert-business-ticket').click();
    await partner.waitForURL('**/support/new?**');
    await partner.getByTestId('ticket-linked-subject').waitFor();
    await partner.getByTestId('ticket-subject').fill(subject);
    await partner
      .getByTestId('ticket-description')
      .fill('驳回原因称户名不一致，我们的开户名是简称，应该如何修改？');
    await partner.getByTestId('ticket-submit').click();
    await partner.waitForURL('**/support/tickets/**');
    ticketUrl = partner.url();
    await partner.locator('[data-testid="ticket-status"][data-status="open"]').waitFor();
    expect(await partner.getByTestId('ticket-subject-link').textContent()).toBeTruthy();
  });

  it('support answers and resolves the ticket in the console', async () => {
    const support = await signedIn(browser, server, 'support@operator.demo', 'console');
    await support.getByTestId('console-nav-tickets').click();
    const row = support.getByTestId('ticket-queue-row').filter({ hasText: subject });
    await row.getByTestId('ticket-queue-link').click();
    await support.getByTestId('ticket-reply-input').fill(answer);
    await support.getByTestId('ticket-reply-send').click();
    await support.getByTestId('ticket-reply').filter({ hasText: answer }).waitFor();
    await support.getByTestId('ticket-resolve').click();
    await support.locator('[data-testid="ticket-status"][data-status="resolved"]').first().waitFor();
  });

  it('the reseller sees the answer and the ticket resolved', async () => {
    await partner.goto(ticketUrl);
    await partner.locator('[data-testid="ticket-status"][data-status="resolved"]').first().waitFor();
    await partner.getByTestId('ticket-reply').filter({ hasText: answer }).waitFor();
    await partner.getByTestId('nav-support').click();
    await partner
      .locator('[data-testid="ticket-row"]', { hasText: subject })
      .locator('[data-testid="ticket-status"][data-status="resolved"]')
      .waitFor();
  });
});
