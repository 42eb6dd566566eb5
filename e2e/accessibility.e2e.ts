// Issue #14: every page of the portal, the console and the customer area in both languages (the page
// list in support/pages.ts) has no critical or serious axe finding, exactly one h1, and a title of
// its own in the page's language. Findings are collected per area and printed together: page, rule,
// what it asks and the elements.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAxe, seriousFindings } from './support/axe.ts';
import { launchBrowser } from './support/browser.ts';
import { AREAS, type Area, NO_DEMO_DATA, PAGES } from './support/pages.ts';
import { type RunningServer, removeDataDir, startServer } from './support/server.ts';
import {
  LANGUAGES,
  type Lang,
  lookUpIds,
  openSession,
  type SessionOptions,
  visit,
} from './support/sessions.ts';
import { type SmtpServer, startSmtpServer } from './support/smtp.ts';

const CJK = /[\u4e00-\u9fff]/;

/**
 * Findings known and not yet fixed: page route + what is found (an axe rule id or the check's words),
 * in both languages, each with its reason. A run fails on anything not listed and on a listed finding that
 * no longer shows, so the list can only shrink: remove an entry when it is fixed.
 */
const KNOWN_FINDINGS: { route: string; finding: string; reason: string }[] = Object.entries(NO_DEMO_DATA).map(
  ([route, reason]) => ({ route, finding: 'no id for {', reason }),
);
const seenKnown = new Set<string>();

/** The findings that are not in KNOWN_FINDINGS; the known ones are noted as seen. */
function unknownFindings(found: string[], lang: Lang): string[] {
  return found.filter((line) => {
    const known = KNOWN_FINDINGS.find(
      (k) => line.startsWith(`${k.route} (${lang}):`) && line.includes(k.finding),
    );
    if (known) seenKnown.add(`${known.route} (${lang}): ${known.finding}`);
    return !known;
  });
}

/** The checks of one page; returns what is wrong, one line each. */
async function check(page: Page, where: string, lang: Lang): Promise<string[]> {
  const found: string[] = [];
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent?.trim() ?? ''),
    title: document.title.trim(),
  }));
  if (facts.lang !== lang) found.push(`${where}: html lang is ${facts.lang}`);
  if (facts.h1.length !== 1) found.push(`${where}: ${facts.h1.length} h1 (${facts.h1.join(' | ')})`);
  // "<page> - <app>": the page's own name first, in the page's language.
  const [own = '', ...app] = facts.title.split(' - ');
  if (!own || app.length === 0) found.push(`${where}: title "${facts.title}" does not name the page`);
  // In English the page's own part may hold data in Chinese (a partner's name, a ticket's subject):
  // only the app's part must then be English.
  if (
    lang === 'zh-CN'
      ? !CJK.test(facts.title)
      : CJK.test(app.join(' - ')) || (CJK.test(own) && !/[A-Za-z]/.test(facts.title))
  ) {
    found.push(`${where}: title "${facts.title}" is not in ${lang}`);
  }
  found.push(...seriousFindings(where, await runAxe(page)));
  return found;
}

describe('accessibility of every page in both languages', () => {
  let server: RunningServer;
  let smtp: SmtpServer;
  let browser: Browser;
  let ids: Record<string, string>;
  const titles = new Map<string, string>();

  beforeAll(async () => {
    smtp = await startSmtpServer();
    server = await startServer({ smtpUrl: smtp.url }, 300_000);
    browser = await launchBrowser();
    ids = await lookUpIds(server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
    if (server) removeDataDir(server.dataDir);
  });

  for (const lang of LANGUAGES) {
    for (const area of Object.keys(AREAS) as Area[]) {
      it(`${AREAS[area]} (${lang})`, async () => {
        const found: string[] = [];
        const o: SessionOptions = { browser, url: server.url, smtp };
        // The operator's second-factor page needs the sign-in's state: checked on the way in.
        o.onVerifyPage = async (page) => {
          found.push(...(await check(page, `/console/sign-in/verify (${lang})`, lang)));
        };
        const session = await openSession(o, area, lang);
        for (const entry of PAGES.filter((p) => p.area === area)) {
          const where = `${entry.route} (${lang})`;
          try {
            await visit(session.page, server.url, entry, ids);
            found.push(...(await check(session.page, where, lang)));
            titles.set(where, await session.page.title());
          } catch (e) {
            found.push(`${where}: ${(e as Error).message.split('\n')[0]}`);
          }
        }
        found.push(...session.errors.map((e) => `${AREAS[area]} (${lang}): page error ${e}`));
        await session.close();
        if (found.length) console.log(found.join('\n'));
        expect(unknownFindings(found, lang)).toEqual([]);
      }, 600_000);
    }
  }

  it('every known finding still shows (remove fixed ones from KNOWN_FINDINGS)', () => {
    const listed = KNOWN_FINDINGS.flatMap((k) =>
      LANGUAGES.map((lang) => `${k.route} (${lang}): ${k.finding}`),
    );
    expect(listed.filter((k) => !seenKnown.has(k))).toEqual([]);
  });

  it('titles name the pages', () => {
    console.log([...titles].map(([k, v]) => `${k}: ${v}`).join('\n'));
    // The known findings' pages could not be opened, so they have no title.
    expect(titles.size).toBe((PAGES.length - KNOWN_FINDINGS.length) * LANGUAGES.length);
  });
});
