// Account recovery and the second factor, as people do them: a partner who forgot the password
// resets it from the email (over the local SMTP server) and the old session ends; the first
// operator of a fresh install (made by `npm run operator:create`) must enrol an authenticator at
// sign-in, then signs in with a code and with a one-time recovery code.
import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { type RunningServer, removeDataDir, root, startServer, tempDataDir } from './support/server.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';
import { freshTotp } from './support/totp.ts';

const PARTNER = 'admin@solution.demo';
const NEW_PASSWORD = 'Reset@Journey2026';
const OPERATOR = 'first.admin@operator.test';
const OPERATOR_PASSWORD = 'Operator@2026!';

function createOperator(dataDir: string): Promise<string> {
  const { DATABASE_URL: _, ...base } = process.env;
  const child = spawn(
    'npm',
    [
      'run',
      '--silent',
      'operator:create',
      '--',
      `--email=${OPERATOR}`,
      '--name=First Admin',
      '--locale=en-US',
    ],
    {
      cwd: root,
      env: { ...base, NODE_ENV: 'development', DATA_DIR: dataDir, OPERATOR_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    out += d;
  });
  return new Promise((ok, fail) =>
    child.on('exit', (code) => (code === 0 ? ok(out) : fail(new Error(`operator:create: ${code}\n${out}`)))),
  );
}

describe('journey: forgotten password and the operator second factor', () => {
  let smtp: SmtpServer;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    const dataDir = tempDataDir();
    await createOperator(dataDir);
    server = await startServer({ dataDir, smtpUrl: smtp.url });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  it('resets a forgotten password from the emailed link and ends the old session', async () => {
    const old = new ApiClient(server.url);
    await old.signIn(PARTNER, DEMO_PASSWORD);
    expect((await old.request('GET', '/api/me')).status).toBe(200);

    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('signin-forgot').click();
    await page.getByTestId('forgot-email').fill(PARTNER);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();

    const mail = await smtp.waitForMail(PARTNER, (m) => /重置密码|reset/i.test(m.subject));
    const link = mail.text.match(/https?:\/\/\S+\/reset-password\?\S+/)?.[0];
    expect(link, mail.text).toBeTruthy();
    await page.goto(link!);
    expect(await page.getByTestId('reset-email').inputValue()).toBe(PARTNER);
    await page.getByTestId('reset-password').fill(NEW_PASSWORD);
    await page.getByTestId('reset-password-again').fill(NEW_PASSWORD);
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();

    // Every session of the account ended; the account is told.
    expect((await old.request('GET', '/api/me')).status).toBe(401);
    const notice = await smtp.waitForMail(PARTNER, (m) => /密码已修改|password was changed/i.test(m.subject));
    expect(notice.text).toMatch(/其他设备|other sessions/);

    // The link works once.
    await page.goto(link!);
    await page.getByTestId('reset-password').fill('Another@Pass2026');
    await page.getByTestId('reset-password-again').fill('Another@Pass2026');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-error').or(page.locator('.ant-form-item-explain-error')).first().waitFor();

    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('signin-email').fill(PARTNER);
    await page.getByTestId('signin-password').fill(NEW_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.waitForURL('**/dashboard');
    await context.close();
  });

  it('makes the first operator enrol an authenticator, then asks for a code or a recovery code', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/console/sign-in`);
    await page.getByTestId('signin-email').fill(OPERATOR);
    await page.getByTestId('signin-password').fill(OPERATOR_PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('enrol-qr').waitFor();
    const secret = ((await page.getByTestId('enrol-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByTestId('enrol-code').fill(await freshTotp(server.url, OPERATOR, secret));
    await page.getByTestId('enrol-submit').click();
    await page.getByTestId('recovery-codes').waitFor();
    const codes = await page.getByTestId('recovery-code').allTextContents();
    expect(codes).toHaveLength(10);
    await page.getByTestId('recovery-codes-done').click();
    await page.getByTestId('console-welcome').waitFor();

    // The security page lists this session as the current one and shows the factor as on.
    await page.goto(`${server.url}/console/security`);
    await page.getByTestId('session-current').waitFor();
    expect(await page.getByTestId('totp-status').textContent()).toBe('On');
    await context.close();

    // Next time: a code from the app.
    const second = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const p2 = await second.newPage();
    await p2.goto(`${server.url}/console/sign-in`);
    await p2.getByTestId('signin-email').fill(OPERATOR);
    await p2.getByTestId('signin-password').fill(OPERATOR_PASSWORD);
    await p2.getByTestId('signin-submit').click();
    await p2.getByTestId('verify-code').fill(await freshTotp(server.url, OPERATOR, secret));
    await p2.getByTestId('verify-submit').click();
    await p2.getByTestId('console-welcome').waitFor();
    await second.close();

    // And with a recovery code instead; the same code does not work twice.
    for (const expectOk of [true, false]) {
      const ctx = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
      const p = await ctx.newPage();
      await p.goto(`${server.url}/console/sign-in`);
      await p.getByTestId('signin-email').fill(OPERATOR);
      await p.getByTestId('signin-password').fill(OPERATOR_PASSWORD);
      await p.getByTestId('signin-submit').click();
      await p.getByTestId('verify-toggle-recovery').click();
      await p.getByTestId('verify-recovery-code').fill(codes[0]!);
      await p.getByTestId('verify-submit').click();
      if (expectOk) await p.getByTestId('console-welcome').waitFor();
      else {
        await p.getByTestId('verify-error').waitFor();
        expect(await p.getByTestId('verify-error').textContent()).toContain('recovery code');
      }
      await ctx.close();
    }
  });
});
