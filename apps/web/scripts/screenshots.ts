// Screenshots of every page of the portal and the console, in both languages, for people to look at.
//
//   npm run build -w apps/web
//   PORT=3100 DATA_DIR=/tmp/web-shots/pglite npx tsx apps/server/src/main.ts --demo
//   npx tsx apps/web/scripts/screenshots.ts [baseUrl=http://127.0.0.1:3100] [outDir=/tmp/web-shots]
//
// It also walks the registration journey (sign-up, the emailed code read from the console outbox,
// sign-in) so the pages after it are shown with real data.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

const base = process.argv[2] ?? 'http://127.0.0.1:3100';
const out = process.argv[3] ?? '/tmp/web-shots';
const PASSWORD = 'Demo@2026';
const PARTNER = 'admin@solution.demo';
const OPERATOR = 'admin@operator.demo';
type Lang = 'zh-CN' | 'en-US';

const problems: string[] = [];

async function newContext(browser: Browser, lang: Lang): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: lang });
  await context.addInitScript((l) => {
    if (!localStorage.getItem('lang')) localStorage.setItem('lang', l);
  }, lang);
  return context;
}

function watch(page: Page, lang: Lang): void {
  page.on('console', (m) => {
    // A visitor's GET /api/me is a 401 by design; the browser logs it anyway.
    if (m.text().includes('status of 401')) return;
    if (m.type() === 'error' || m.type() === 'warning')
      problems.push(`[${lang}] ${page.url()} console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`[${lang}] ${page.url()} page error: ${e.message}`));
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

async function shot(page: Page, lang: Lang, name: string, fullPage = true): Promise<void> {
  await settle(page);
  const file = join(out, `${lang}-${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(file);
}

async function visit(page: Page, lang: Lang, path: string, name: string, fullPage = true): Promise<void> {
  await page.goto(base + path);
  await shot(page, lang, name, fullPage);
}

/** The server answers in the user's saved language; make it the one this run is about. */
async function ensureLanguage(page: Page, lang: Lang): Promise<void> {
  await settle(page);
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === lang) return;
  await page.getByTestId('lang-switch').first().click();
  await page.getByTestId(`lang-option-${lang}`).click();
  await settle(page);
}

async function signIn(page: Page, path: string, email: string): Promise<void> {
  await page.goto(base + path);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await settle(page);
}

/** The latest code in the email sent to `to`, read through the console API as the operator. */
async function codeFor(operator: Page, to: string): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const body = await operator.evaluate(async (recipient) => {
      const r = await fetch(
        `/api/console/outbox?channel=email&recipient=${encodeURIComponent(recipient)}&limit=5`,
      );
      return r.json();
    }, to);
    const text = (body.items ?? []).map((m: { body: string }) => m.body).join('\n');
    const code = /\b(\d{6})\b/.exec(text)?.[1];
    if (code) return code;
    await operator.waitForTimeout(500);
  }
  throw new Error(`no code was sent to ${to}`);
}

async function publicPages(page: Page, lang: Lang): Promise<void> {
  await visit(page, lang, '/', 'home');
  await visit(page, lang, '/programs', 'programs');
  await visit(page, lang, '/programs/solution_provider', 'program-solution-provider');
  await visit(page, lang, '/programs/no_such_program', 'program-not-found');
  await visit(page, lang, '/sign-up', 'sign-up');
  await page.getByTestId('signup-submit').click();
  await shot(page, lang, 'sign-up-invalid');
  await visit(page, lang, '/sign-in', 'sign-in');
  await page.getByTestId('signin-email').fill(PARTNER);
  await page.getByTestId('signin-password').fill('wrong-password-1A');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('signin-error').waitFor();
  await shot(page, lang, 'sign-in-wrong-password');
  await visit(page, lang, '/no/such/page', 'not-found');
}

async function journey(page: Page, operator: Page, lang: Lang): Promise<void> {
  const email = `shots-${lang.toLowerCase()}-${Date.now()}@example.com`;
  await page.goto(`${base}/sign-up`);
  await page
    .getByTestId('signup-company-name')
    .fill(lang === 'zh-CN' ? '星河数字科技有限公司' : 'Galaxy Digital Ltd.');
  await page.getByTestId('signup-name').fill(lang === 'zh-CN' ? '林晓' : 'Alex Lin');
  await page.getByTestId('signup-email').fill(email);
  await page.getByTestId('signup-phone').fill(`139${String(Date.now()).slice(-8)}`);
  await page.getByTestId('signup-password').fill('Galaxy#2026');
  await page.getByTestId('signup-confirm-password').fill('Galaxy#2026');
  await shot(page, lang, 'sign-up-filled');
  await page.getByTestId('signup-submit').click();
  await page.getByTestId('code-input').waitFor();
  await shot(page, lang, 'confirm-email');
  await page.getByTestId('code-input').fill('000000');
  await page.getByTestId('confirm-submit').click();
  await page.getByTestId('confirm-error').or(page.locator('.ant-form-item-explain-error')).first().waitFor();
  await shot(page, lang, 'confirm-email-wrong-code');
  await page.getByTestId('code-input').fill(await codeFor(operator, email));
  await page.getByTestId('confirm-submit').click();
  await page.getByTestId('confirm-done-sign-in').click();
  await page.getByTestId('signin-password').fill('Galaxy#2026');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('dashboard-welcome').waitFor();
  await ensureLanguage(page, lang);
  await shot(page, lang, 'journey-dashboard');
  await visit(page, lang, '/messages', 'journey-messages-unread');
  await page.getByTestId('message-mark-read').first().click();
  await shot(page, lang, 'journey-messages-read');
  await signOut(page);
}

async function partnerPages(page: Page, lang: Lang): Promise<void> {
  await signIn(page, '/sign-in', PARTNER);
  await page.getByTestId('dashboard-welcome').waitFor();
  await ensureLanguage(page, lang);
  await shot(page, lang, 'dashboard');
  await page.getByTestId('message-bell').click();
  await shot(page, lang, 'message-bell', false);
  await page.keyboard.press('Escape');
  for (const [path, name] of [
    ['/partner-info/basic', 'basic-info'],
    ['/partner-info/basic/profile', 'profile'],
    ['/partner-info/business', 'business-info'],
    ['/organization', 'organization'],
    ['/customers', 'customers'],
    ['/benefits', 'benefits'],
    ['/billing', 'billing'],
    ['/support', 'support'],
    ['/developer', 'developer'],
    ['/messages', 'messages'],
  ] as const) {
    await visit(page, lang, path, name);
  }
  await page.goto(`${base}/partner-info/basic/profile`);
  await page.getByTestId('profile-change-password').click();
  await shot(page, lang, 'profile-password', false);
  await page.keyboard.press('Escape');
  await page.getByTestId('profile-change-email').click();
  await page.getByTestId('contact-new-value').fill(`new-${Date.now()}@example.com`);
  await page.getByTestId('contact-change-ok').click();
  await page.getByTestId('contact-old-code').waitFor();
  await shot(page, lang, 'profile-email-codes', false);
  await page.keyboard.press('Escape');
  await federatedView(page, lang);
  await signOut(page);
}

/**
 * No demo account is federated or from the other site, so the real /api/me answer is altered in the
 * browser to show the R8 read-only profile and the R1 banner.
 */
async function federatedView(page: Page, lang: Lang): Promise<void> {
  await page.route('**/api/me', async (route) => {
    const response = await route.fetch();
    const me = await response.json();
    await route.fulfill({
      response,
      json: {
        ...me,
        accountKind: 'federated',
        federatedProfileUrl: 'https://account.example.com/profile',
        site: 'intl',
        siteBanner: { show: true, url: 'https://intl.example.com/' },
      },
    });
  });
  await visit(page, lang, '/partner-info/basic/profile', 'profile-federated-with-banner');
  await page.unroute('**/api/me');
}

async function consolePages(page: Page, lang: Lang): Promise<void> {
  await page.goto(`${base}/console`);
  await shot(page, lang, 'console-sign-in');
  await signIn(page, '/console/sign-in', PARTNER);
  await page.getByTestId('signin-error').waitFor();
  await shot(page, lang, 'console-refuses-partner');
  await signIn(page, '/console/sign-in', OPERATOR);
  await page.getByTestId('console-welcome').waitFor();
  await ensureLanguage(page, lang);
  await shot(page, lang, 'console-dashboard');
  await visit(page, lang, '/console/registrations', 'console-registrations');
  await visit(page, lang, '/console/audit', 'console-audit', false);
  await page.locator('[data-testid="audit-table"] .ant-table-row-expand-icon').first().click();
  await shot(page, lang, 'console-audit-expanded', false);
  await visit(page, lang, '/console/outbox', 'console-outbox', false);
  await page.getByTestId('outbox-channel-sms').click();
  await shot(page, lang, 'console-outbox-sms');
  await page.getByTestId('outbox-channel-all').click();
  await settle(page);
  await page.getByTestId('outbox-view').first().click();
  await page.getByTestId('outbox-body').waitFor();
  await shot(page, lang, 'console-outbox-message', false);
  await page.keyboard.press('Escape');
  await visit(page, lang, '/console/messages', 'console-messages');
}

async function main(): Promise<void> {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const context = await newContext(browser, lang);
      const page = await context.newPage();
      watch(page, lang);
      const opContext = await newContext(browser, lang);
      const operator = await opContext.newPage();
      await signIn(operator, '/console/sign-in', OPERATOR);
      await operator.getByTestId('console-welcome').waitFor();

      await publicPages(page, lang);
      await journey(page, operator, lang);
      await partnerPages(page, lang);
      await consolePages(page, lang);
      await opContext.close();
      await context.close();
    }
  } finally {
    await browser.close();
  }
  if (problems.length) {
    console.log(`\n${problems.length} browser console problem(s):`);
    for (const p of problems) console.log(`  ${p}`);
  }
}

await main();
