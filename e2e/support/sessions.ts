// Browser sessions of the screenshot and accessibility tests: one context per area and language, signed
// in once, and a visit of a page list entry that waits until the page has drawn its data.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../../apps/server/src/modules/identity/identity.demo-users.ts';
import { ApiClient } from './api.ts';
import type { Area, PageEntry } from './pages.ts';
import { pathOf } from './pages.ts';
import type { SmtpServer } from './smtp.ts';
import { enterTotp } from './totp.ts';

export type Lang = 'zh-CN' | 'en-US';
export const LANGUAGES: readonly Lang[] = ['zh-CN', 'en-US'];

export const partnerAdmin = DEMO_USERS.find((u) => u.userType === 'partner' && u.roles.includes('admin'))!;
export const operatorAdmin = DEMO_USERS.find((u) => u.userType === 'operator' && u.roles.includes('admin'))!;

export interface Session {
  page: Page;
  /** Errors thrown in the page. */
  errors: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  browser: Browser;
  url: string;
  /** Mail of the customer's sign-up code (the customer area only). */
  smtp?: SmtpServer;
  /** Called on the operator's second-factor page before the code is typed (the page needs that state). */
  onVerifyPage?: (page: Page) => Promise<void>;
}

/** Picks the language in the header switch (signed-in users otherwise get their saved locale). */
async function chooseLanguage(page: Page, lang: Lang) {
  await page.getByTestId('lang-switch').first().click();
  await page.getByTestId(`lang-option-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.waitForLoadState('networkidle');
}

async function signIn(page: Page, o: SessionOptions, path: string, email: string, landed: string) {
  await page.goto(`${o.url}${path}`);
  await page.getByTestId('signin-email').fill(email);
  await page.getByTestId('signin-password').fill(DEMO_PASSWORD);
  await page.getByTestId('signin-submit').click();
  if (path.startsWith('/console')) {
    await page.getByTestId('verify-code').waitFor();
    await o.onVerifyPage?.(page);
    await enterTotp(page, o.url, email);
  }
  await page.getByTestId(landed).waitFor();
  await page.waitForLoadState('networkidle');
}

let customers = 0;

/** A new customer account (self sign-up with the emailed code), signed in in the page's context. */
async function signUpCustomer(page: Page, o: SessionOptions, lang: Lang) {
  if (!o.smtp) throw new Error('the customer area needs the SMTP server');
  const email = `customer${++customers}.${Date.now()}@a11y.test`;
  const api = page.context().request;
  await api.get(`${o.url}/api/auth/csrf`);
  const csrf = (await page.context().cookies(o.url)).find((c) => c.name === 'pc_csrf')?.value ?? '';
  const headers = { 'x-csrf-token': csrf, 'x-language': lang };
  const sent = await api.post(`${o.url}/api/auth/customer/sign-up/code`, {
    headers,
    data: { email, locale: lang },
  });
  if (!sent.ok()) throw new Error(`sign-up code: ${sent.status()} ${await sent.text()}`);
  const mail = await o.smtp.waitForMail(email);
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  const res = await api.post(`${o.url}/api/auth/customer/sign-up`, {
    headers,
    data: {
      name: lang === 'zh-CN' ? '林晓' : 'Lin Xiao',
      email,
      password: 'Customer@2026!',
      code,
      locale: lang,
    },
  });
  if (!res.ok()) throw new Error(`customer sign-up: ${res.status()} ${await res.text()}`);
}

/** A browser context of `area` in `lang`, signed in as the area's user (none for public pages). */
export async function openSession(o: SessionOptions, area: Area, lang: Lang): Promise<Session> {
  const context = await o.browser.newContext({ locale: lang, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (area === 'portal') {
    await signIn(page, o, '/sign-in', partnerAdmin.email, 'dashboard-partner-name');
    await chooseLanguage(page, lang);
  } else if (area === 'console') {
    await signIn(page, o, '/console/sign-in', operatorAdmin.email, 'console-welcome');
    await chooseLanguage(page, lang);
  } else if (area === 'customer') {
    await signUpCustomer(page, o, lang);
  }
  return { page, errors, close: () => context.close() };
}

/** Opens an entry's page and waits for its data (its `ready` element, else its h1) and the network. */
export async function visit(page: Page, url: string, entry: PageEntry, ids: Record<string, string>) {
  await page.goto(`${url}${pathOf(entry, ids)}`);
  if (entry.ready) await page.getByTestId(entry.ready).first().waitFor();
  else await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Nothing still loading (a spinner over a table, a lazy part).
  await page.waitForFunction(() => !document.querySelector('.ant-spin-spinning, .ant-skeleton-active'));
  // Fades finished (a table's content fades back from half opacity after its spinner; tags and
  // menus animate in): on a loaded machine axe otherwise measures contrast mid-transition.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  );
}

/**
 * Ids of the detail pages' data (the `{name}`s of the page list), looked up as the demo users see them.
 * A missing one fails the page that needs it.
 */
export async function lookUpIds(url: string): Promise<Record<string, string>> {
  const partner = new ApiClient(url);
  await partner.signIn(partnerAdmin.email, DEMO_PASSWORD);
  const operator = new ApiClient(url);
  await operator.signIn(operatorAdmin.email, DEMO_PASSWORD);
  const first = async (api: ApiClient, path: string): Promise<string | undefined> => {
    const res = await api.request<{ items?: { id: string }[] }>('GET', path);
    return res.status === 200 ? res.body.items?.[0]?.id : undefined;
  };
  const ids: Record<string, string | undefined> = {
    customer: await first(partner, '/api/customers'),
    invoicingNotice: await first(partner, '/api/invoicing-notices'),
    incentiveNotice: await first(partner, '/api/incentives/notices'),
    certification: await first(operator, '/api/console/certifications'),
    policy: await first(operator, '/api/console/incentives/policies'),
  };
  return Object.fromEntries(Object.entries(ids).filter((e): e is [string, string] => !!e[1]));
}
