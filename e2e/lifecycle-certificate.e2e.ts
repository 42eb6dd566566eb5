// Journey (issue 3): a cloud reseller is certified in both stages in the portal, a reviewer approves
// each stage in the console and a certificate is issued; on 1 December (Asia/Shanghai) the scheduler
// opens the annual review, the reseller submits its materials, the reviewer approves, and the
// certificate is valid to 31 January of the year after next.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import {
  fillStage,
  moveClockAndTick,
  openAndClaim,
  signedIn,
  startClockServer,
} from './support/lifecycle.ts';
import { type RunningServer, removeDataDir } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const company = '云启信息技术有限公司';
const qualification = {
  companyName: company,
  creditCode: '91110108MA01ABCD2X',
  legalRepresentative: '王磊',
  registeredAddress: '北京市海淀区中关村大街 1 号',
  businessScope: '云计算服务的销售与技术支持',
  contactName: '李娜',
  contactPhone: '+8613800138000',
  contactEmail: 'contact@yunqi.example.com',
};
const business = {
  companyLegalName: company,
  creditCode: '91110108MA01ABCD2X',
  legalRepresentative: '王磊',
  registeredAddress: '北京市海淀区中关村大街 1 号',
  bankName: '中国工商银行',
  bankBranch: '北京中关村支行',
  bankAccountName: company,
  bankAccountNumber: '6222020200112233445',
  taxpayerId: '91110108MA01ABCD2X',
  taxpayerStatus: 'general',
  settlementCurrency: 'CNY',
};

describe('journey: two-stage certification → certificate → December review → renewed', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let partner: Page;
  let reviewer: Page;
  /** The business year the certificate was issued in (Asia/Shanghai). */
  let year: number;
  let certificateNumber: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startClockServer(smtp.url);
    browser = await launchBrowser();
    // A fixed point early in next year, so the run does not depend on today's month (a run in
    // December would otherwise certify inside an open review window).
    year =
      Number(
        new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
      ) + 1;
    await moveClockAndTick(server, `${year}-03-10T10:00:00+08:00`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('the reseller submits its qualification and the reviewer approves it', async () => {
    partner = await signedIn(browser, server, 'admin@reseller.demo', 'portal');
    await partner.goto(`${server.url}/partner-info/business`);
    await partner.getByTestId('cert-qualification-companyName').waitFor();
    await fillStage(partner, 'qualification', qualification);
    await partner.getByTestId('cert-qualification-submit').click();
    await partner.locator('[data-testid="cert-qualification-status"][data-status="submitted"]').waitFor();

    reviewer = await signedIn(browser, server, 'reviewer@operator.demo', 'console');
    await openAndClaim(reviewer, company);
    await reviewer.getByTestId('cert-approve').click();
    await reviewer.locator('[data-testid="cert-detail-status"][data-status="approved"]').waitFor();
  });

  it('the reseller submits business information with bank and tax data; approval issues a certificate', async () => {
    await partner.reload();
    await partner.locator('[data-testid="cert-qualification-status"][data-status="approved"]').waitFor();
    await fillStage(partner, 'business', business);
    await partner.getByTestId('cert-business-submit').click();
    await partner.locator('[data-testid="cert-business-status"][data-status="submitted"]').waitFor();

    await openAndClaim(reviewer, company);
    // The bank account is masked to a reviewer.
    expect(await reviewer.getByTestId('cert-bank-account').textContent()).not.toContain(
      '6222020200112233445',
    );
    await reviewer.getByTestId('cert-approve').click();
    await reviewer.locator('[data-testid="cert-detail-status"][data-status="approved"]').waitFor();

    await partner.goto(`${server.url}/partner-info/certificate`);
    await partner.locator('[data-testid="certificate-status"][data-status="active"]').waitFor();
    expect(await partner.getByTestId('certificate-valid-until').textContent()).toBe(`${year + 1}-01-31`);
    certificateNumber = (await partner.getByTestId('certificate-number').textContent()) ?? '';
    expect(certificateNumber).not.toBe('');
  });

  it('on 1 December the scheduler opens the review; the reseller submits its materials', async () => {
    const enqueued = await moveClockAndTick(server, `${year}-12-01T00:00:00+08:00`);
    expect(enqueued.length).toBeGreaterThan(0);
    // The administrator is told by email, naming the certificate and the deadline.
    const notice = await smtp.waitForMail('admin@reseller.demo', (m) => m.text.includes(certificateNumber));
    expect(notice.subject).toContain(String(year));
    partner = await signedIn(browser, server, 'admin@reseller.demo', 'portal');
    await partner.goto(`${server.url}/partner-info/certificate`);
    await partner.locator('[data-testid="review-status"][data-status="open"]').waitFor();
    expect(await partner.getByTestId('review-deadline').textContent()).toBeTruthy();
    await partner.getByTestId('materials-summary').fill('本年度完成 12 个云迁移项目，新增 3 名认证工程师。');
    await partner.getByTestId('materials-certified-staff').fill('5');
    await partner.getByTestId('materials-customer-cases').fill('12');
    await partner.getByTestId('materials-contact-name').fill('李娜');
    await partner.getByTestId('materials-contact-phone').fill('+86 138 0013 8000');
    await partner.getByTestId('review-submit').click();
    await partner.locator('[data-testid="review-status"][data-status="submitted"]').waitFor();
  });

  it('the reviewer approves the review and the certificate is valid to 31 January of the year after next', async () => {
    reviewer = await signedIn(browser, server, 'reviewer@operator.demo', 'console');
    await reviewer.getByTestId('console-nav-certificate-reviews').click();
    const row = reviewer.locator('[data-testid="review-row"][data-partner-id="prt_demo_reseller"]');
    await row.getByTestId('review-view').click();
    await reviewer.getByTestId('review-approve').click();
    await reviewer.locator('[data-testid="review-drawer-status"][data-status="approved"]').waitFor();

    await partner.reload();
    await partner.locator('[data-testid="review-status"][data-status="approved"]').waitFor();
    await expect
      .poll(() => partner.getByTestId('certificate-valid-until').textContent())
      .toBe(`${year + 2}-01-31`);
    await partner.locator('[data-testid="certificate-status"][data-status="active"]').waitFor();
  });
});
