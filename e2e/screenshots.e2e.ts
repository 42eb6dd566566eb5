// Every page of the page list (support/pages.ts: portal, console, customer area, public pages) in both
// languages, photographed into screenshots/<lang>/ (git-ignored) for people to look at. The test
// itself checks that each page renders, speaks the chosen language and throws no error in the browser.
// With UPDATE_DOCS_SCREENSHOTS=1 the pages marked `docs` are also copied to docs/screenshots/ (the
// tracked proof images); without it a run leaves the repository as it was.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './support/api.ts';
import { launchBrowser } from './support/browser.ts';
import { AREAS, type Area, NO_DEMO_DATA, PAGES, type PageEntry } from './support/pages.ts';
import { type RunningServer, removeDataDir, root, startServer } from './support/server.ts';
import { LANGUAGES, type Lang, lookUpIds, openSession, visit } from './support/sessions.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const CJK = /[\u4e00-\u9fff]/;
const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';

describe('screenshots of every page in both languages', () => {
  let server: RunningServer;
  let smtp: SmtpServer;
  let browser: Browser;
  let ids: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ smtpUrl: smtp.url }, 300_000);
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
    ids = await lookUpIds(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  async function shoot(page: Page, lang: Lang, entry: PageEntry) {
    await visit(page, server.url, entry, ids);
    expect(await page.evaluate(() => document.documentElement.lang), entry.name).toBe(lang);
    const text =
      (await page.locator('main, .ant-layout-content, .pc-auth, body').first().textContent()) ?? '';
    if (lang === 'zh-CN') expect(text, `${entry.name} in Chinese`).toMatch(CJK);
    const dir = join(root, 'screenshots', lang);
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `${entry.name}.png`), fullPage: true });
    if (entry.docs && UPDATE_DOCS) {
      const docs = join(root, 'docs', 'screenshots');
      mkdirSync(docs, { recursive: true });
      copyFileSync(join(dir, `${entry.name}.png`), join(docs, `${entry.name}-${lang}.png`));
    }
  }

  for (const lang of LANGUAGES) {
    for (const area of Object.keys(AREAS) as Area[]) {
      it(`${AREAS[area]} (${lang})`, async () => {
        const session = await openSession({ browser, url: server.url, smtp }, area, lang);
        const shown = PAGES.filter((p) => p.area === area && !NO_DEMO_DATA[p.route]);
        for (const entry of shown) await shoot(session.page, lang, entry);
        expect(session.errors).toEqual([]);
        await session.close();
      }, 600_000);
    }
  }
});
