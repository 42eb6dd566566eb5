// Issue 13, operator management in a real browser against the real server: the demo operator
// administrator invites an operator by email → the invitation arrives over SMTP → the invitee opens
// the link, sets a name and password, enrols an authenticator and lands on the console → the administrator
// disables the new operator, whose session ends at once. Screenshots of both pages in both languages
// go to screenshots/<lang>/ (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.ts';
import { signedIn } from './support/lifecycle.ts';
import { type RunningServer, removeDataDir, root, startServer } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';
import { freshTotp } from './support/totp.ts';

const INVITEE = `new.operator.${Date.now().toString(36)}@operator.test`;
const PASSWORD = 'Operator@2026!';

async function shoot(page: Page, lang: 'zh-CN' | 'en-US', name: string) {
  await page.waitForLoadState('networkidle');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
  const dir = join(root, 'screenshots', lang);
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function chooseLanguage(page: Page, lang: 'zh-CN' | 'en-US') {
  await page.getByTestId('lang-switch').first().click();
  await page.getByTestId(`lang-option-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.getByTestId(`lang-option-${lang}`).waitFor({ state: 'hidden' });
}

/** antd puts the test id on the hidden input of a checkbox or radio; a user clicks its label. */
const clickChoice = (page: Page, testId: string) =>
  page.locator('label', { has: page.getByTestId(testId) }).click();

describe('operators: invite → accept through the emailed link → disable', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;
  let admin: Page;
  let invitee: Page;
  let link: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ smtpUrl: smtp.url });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('the administrator invites an operator; the invitation arrives by email', async () => {
    admin = await signedIn(browser, server, 'admin@operator.demo', 'console', 'zh-CN');
    await admin.getByTestId('console-nav-operators').click();
    await admin.getByTestId('operator-row').first().waitFor();
    await admin.getByTestId('operators-invite').click();
    await admin.getByTestId('invite-email').fill(INVITEE);
    await admin.getByTestId('invite-name').fill('Lin Yue');
    await clickChoice(admin, 'invite-roles-finance');
    await clickChoice(admin, 'invite-roles-reviewer');
    await shoot(admin, 'zh-CN', 'console-operators-invite');
    await admin.getByTestId('invite-submit').click();
    await admin.locator(`[data-testid="invitation-row"][data-email="${INVITEE}"]`).waitFor();
    await shoot(admin, 'zh-CN', 'console-operators');

    const mail = await smtp.waitForMail(INVITEE, (m) => m.subject.includes('运营人员'), 60_000);
    const found = /https?:\/\/\S+\/console\/accept-invitation\?token=\S+/.exec(mail.text);
    expect(found).not.toBeNull();
    link = found?.[0] ?? '';
    expect(link.startsWith(server.url)).toBe(true);
  });

  it('the invitee opens the link, sets name and password, and is signed in to the console', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
    invitee = await context.newPage();
    await invitee.goto(link);
    await invitee.getByTestId('accept-name').waitFor();
    await shoot(invitee, 'zh-CN', 'console-accept-invitation');
    await chooseLanguage(invitee, 'en-US');
    await invitee.getByTestId('accept-name').waitFor();
    await shoot(invitee, 'en-US', 'console-accept-invitation');
    expect(await invitee.getByTestId('accept-name').inputValue()).toBe('Lin Yue');
    await invitee.getByTestId('accept-password').fill(PASSWORD);
    await invitee.getByTestId('accept-password-confirm').fill(PASSWORD);
    await invitee.getByTestId('accept-submit').click();
    // Operators enrol an authenticator before their first session.
    await invitee.getByTestId('enrol-qr').waitFor();
    const secret = ((await invitee.getByTestId('enrol-secret').textContent()) ?? '').trim();
    await invitee.getByTestId('enrol-code').fill(await freshTotp(server.url, INVITEE, secret));
    await invitee.getByTestId('enrol-submit').click();
    await invitee.getByTestId('recovery-codes-done').click();
    await invitee.getByTestId('console-welcome').waitFor();
    const me = await invitee.request.get(`${server.url}/api/me`);
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({
      email: INVITEE,
      userType: 'operator',
      roles: ['finance', 'reviewer'],
    });
    // Not an administrator: no operators entry in the menu.
    expect(await invitee.getByTestId('console-nav-operators').count()).toBe(0);
    // The link worked once.
    await invitee.goto(link);
    await invitee.getByTestId('accept-closed').waitFor();
    expect(await invitee.getByTestId('accept-closed').getAttribute('data-status')).toBe('accepted');
  });

  it('the administrator disables the new operator, whose session ends at once', async () => {
    await admin.reload();
    const row = admin.locator(`[data-testid="operator-row"][data-email="${INVITEE}"]`);
    await row.waitFor();
    await chooseLanguage(admin, 'en-US');
    await row.getByTestId('operator-disable').waitFor();
    await shoot(admin, 'en-US', 'console-operators');
    await row.getByTestId('operator-disable').click();
    await admin.locator('.ant-popconfirm .ant-btn-primary').click();
    await row.getByTestId('operator-enable').waitFor();
    expect(await row.getByTestId('operator-status').textContent()).toBe('Disabled');
    await admin.getByTestId('operators-invite').click();
    await admin.getByTestId('invite-email').waitFor();
    await shoot(admin, 'en-US', 'console-operators-invite');
    await admin.keyboard.press('Escape');

    const me = await invitee.request.get(`${server.url}/api/me`);
    expect(me.status()).toBe(401);
    await invitee.goto(`${server.url}/console`);
    await invitee.waitForURL('**/console/sign-in**');
  });
});
