// Every portal and console page in both languages, photographed into screenshots/<lang>/ (git-ignored)
// for people to look at. The test itself checks that each page renders its main element, speaks the
// chosen language and throws no error in the browser.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CUSTOMER_USER,
  DEMO_PASSWORD,
  DEMO_USERS,
} from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { type RunningServer, removeDataDir, root, startServer } from './support/server.ts';
import { enterTotp } from './support/totp.ts';

type Lang = 'zh-CN' | 'en-US';
interface Shot {
  name: string;
  path: string;
  /** An element that is there once the page has loaded its data. */
  ready: string;
  /** Also kept in the repository, as docs/screenshots/<name>-<lang>.png. */
  docs?: boolean;
}

const PUBLIC: Shot[] = [
  { name: 'portal-forgot-password', path: '/forgot-password', ready: 'forgot-email' },
  { name: 'portal-reset-password', path: '/reset-password?email=a%40b.test', ready: 'reset-email' },
  { name: 'portal-home', path: '/', ready: 'home-register' },
  { name: 'portal-programs', path: '/programs', ready: 'program-card-solution_provider' },
  {
    name: 'portal-program-solution-provider',
    path: '/programs/solution_provider',
    ready: 'program-requirements',
  },
  { name: 'portal-sign-up', path: '/sign-up', ready: 'signup-company-name' },
  { name: 'portal-sign-in', path: '/sign-in', ready: 'signin-email' },
  { name: 'console-sign-in', path: '/console/sign-in', ready: 'signin-email' },
];
const PORTAL: Shot[] = [
  { name: 'portal-security', path: '/security', ready: 'session-current' },
  { name: 'portal-dashboard', path: '/dashboard', ready: 'dashboard-performance-chart', docs: true },
  { name: 'portal-basic-info', path: '/partner-info/basic', ready: 'tab-company' },
  { name: 'portal-profile', path: '/partner-info/basic/profile', ready: 'profile-name' },
  { name: 'portal-messages', path: '/messages', ready: 'messages-list' },
  { name: 'portal-customers', path: '/customers', ready: 'cust-keyword' },
  { name: 'portal-bills', path: '/bills', ready: 'bills-table' },
  { name: 'portal-customer-bill', path: '/bills/cus_demo_c1', ready: 'fee-records' },
  { name: 'portal-developer-keys', path: '/developer/keys', ready: 'keys-domain-id' },
  { name: 'portal-developer-sdk', path: '/developer/sdk', ready: 'sdk-endpoint' },
  { name: 'portal-developer-webhooks', path: '/developer/webhooks', ready: 'webhook-create' },
  { name: 'portal-developer-deliveries', path: '/developer/deliveries', ready: 'deliveries-kind' },
  { name: 'portal-developer-integration', path: '/developer/integration', ready: 'integration-bind-url' },
];
const CONSOLE: Shot[] = [
  { name: 'console-security', path: '/console/security', ready: 'session-current' },
  { name: 'console-dashboard', path: '/console', ready: 'work-queue-certifications', docs: true },
  { name: 'console-registrations', path: '/console/registrations', ready: 'registration-row' },
  { name: 'console-audit', path: '/console/audit', ready: 'audit-row' },
  { name: 'console-outbox', path: '/console/outbox', ready: 'outbox-table' },
  { name: 'console-spend-import', path: '/console/spend', ready: 'spend-choose' },
];

const CUSTOMER: Shot[] = [
  { name: 'customer-account', path: '/customer', ready: 'customer-partner' },
  { name: 'customer-security', path: '/customer/security', ready: 'session-current' },
];

const partnerAdmin = DEMO_USERS.find((u) => u.userType === 'partner' && u.roles.includes('admin'))!;
const operatorAdmin = DEMO_USERS.find((u) => u.userType === 'operator' && u.roles.includes('admin'))!;
const CJK = /[\u4e00-\u9fff]/;

describe('screenshots of the portal, the console and the customer area in both languages', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A registration of today, so the console's registrations, audit log and outbox have one to show.
    const visitor = new ApiClient(server.url, 'zh-CN');
    const res = await visitor.request('POST', '/api/auth/sign-up', {
      companyName: '云桥信息技术有限公司',
      name: '周宁',
      email: 'zhou.ning@cloudbridge.test',
      password: 'Bridge@2026!',
      locale: 'zh-CN',
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDataDir(server.dataDir);
  });

  async function newPage(lang: Lang): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: lang, viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, errors };
  }

  /** Picks the language in the header switch (signed-in users otherwise get their saved locale). */
  async function chooseLanguage(page: Page, lang: Lang) {
    await page.getByTestId('lang-switch').first().click();
    await page.getByTestId(`lang-option-${lang}`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.waitForLoadState('networkidle');
  }

  /** Signs in and waits for the signed-in layout, whose header has the language switch. */
  async function signIn(page: Page, path: string, email: string, landed: string) {
    await page.goto(`${server.url}${path}`);
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
    await page.getByTestId('signin-submit').click();
    if (path.startsWith('/console')) await enterTotp(page, server.url, email);
    await page.getByTestId(landed).waitFor();
    await page.waitForLoadState('networkidle');
  }

  async function shoot(page: Page, lang: Lang, shot: Shot) {
    await page.goto(`${server.url}${shot.path}`);
    await page.getByTestId(shot.ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.evaluate(() => document.documentElement.lang), shot.name).toBe(lang);
    const heading = (await page.locator('main, .ant-layout-content, .pc-auth').first().textContent()) ?? '';
    if (lang === 'zh-CN') expect(heading, `${shot.name} in Chinese`).toMatch(CJK);
    const dir = join(root, 'screenshots', lang);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${shot.name}.png`), fullPage: true });
    if (shot.docs) {
      const docs = join(root, 'docs', 'screenshots');
      mkdirSync(docs, { recursive: true });
      copyFileSync(join(dir, `${shot.name}.png`), join(docs, `${shot.name}-${lang}.png`));
    }
  }

  for (const lang of ['zh-CN', 'en-US'] as const) {
    it(`public pages (${lang})`, async () => {
      const { page, errors } = await newPage(lang);
      for (const shot of PUBLIC) await shoot(page, lang, shot);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`partner portal (${lang})`, async () => {
      const { page, errors } = await newPage(lang);
      await signIn(page, '/sign-in', partnerAdmin.email, 'dashboard-partner-name');
      await chooseLanguage(page, lang);
      for (const shot of PORTAL) await shoot(page, lang, shot);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`operator console (${lang})`, async () => {
      const { page, errors } = await newPage(lang);
      await signIn(page, '/console/sign-in', operatorAdmin.email, 'console-welcome');
      await chooseLanguage(page, lang);
      for (const shot of CONSOLE) await shoot(page, lang, shot);
      expect(errors).toEqual([]);
      await page.context().close();
    });

    it(`customer area (${lang})`, async () => {
      const { page, errors } = await newPage(lang);
      await signIn(page, '/sign-in', DEMO_CUSTOMER_USER.email, 'customer-nav');
      await chooseLanguage(page, lang);
      for (const shot of CUSTOMER) await shoot(page, lang, shot);
      expect(errors).toEqual([]);
      await page.context().close();
    });
  }
});
