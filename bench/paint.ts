// BENCH_ONLY=paint: first paint of the sign-in page and the dashboard on a local connection. Starts
// the built server as `npm start` does (demo data, embedded database), opens each page in Chromium
// (/usr/bin/chromium through playwright-core) with an empty cache and then again with the cache of
// that first visit, and reads first-contentful-paint and largest-contentful-paint from the page's
// Performance API. Needs `npm run build` first.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../apps/server/src/modules/identity/identity.demo-users.ts';
import { launchBrowser } from '../e2e/support/browser.ts';
import { stop, timedStart } from './start.ts';

/** Each page is opened this many times per cache state; the table shows the median. */
const RUNS = Number(process.env.BENCH_PAINT_RUNS ?? 3);
const GOAL_MS = 1500;

export interface PaintFigure {
  page: string;
  cache: 'cold' | 'warm';
  fcp: number[];
  lcp: number[];
}

const PAGES = [
  { name: 'sign-in', path: '/sign-in', signedIn: false },
  { name: 'dashboard (signed in)', path: '/dashboard', signedIn: true },
];

/** Signs the demo partner administrator in through the API; the context keeps the cookies. */
async function signIn(context: BrowserContext, url: string): Promise<void> {
  const csrf = await context.request.get(`${url}/api/auth/csrf`);
  const { token } = (await csrf.json()) as { token: string };
  const res = await context.request.post(`${url}/api/auth/sign-in`, {
    headers: { 'x-csrf-token': token },
    data: { email: 'admin@solution.demo', password: DEMO_PASSWORD },
  });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}

/** Navigates the page to `url` and returns its FCP and LCP (ms from navigation start). */
async function paintOf(page: Page, url: string): Promise<{ fcp: number; lcp: number; note?: string }> {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  return page.evaluate(
    () =>
      new Promise<{ fcp: number; lcp: number; note?: string }>((resolve) => {
        // FCP straight from the performance timeline (a paint entry is buffered there); LCP only
        // through an observer. Both are relative to this document's navigation start.
        // (Typed loosely: this runs in the page, and the bench compiles without the DOM library.)
        const perf = performance as unknown as {
          getEntriesByType(type: string): { name: string; startTime: number; type?: string }[];
        };
        const doc = (globalThis as unknown as { document: { visibilityState: string; title: string } })
          .document;
        const paint = perf.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
        let fcp = paint ? paint.startTime : Number.NaN;
        let lcp = Number.NaN;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') fcp = e.startTime;
        }).observe({ type: 'paint' as never, buffered: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) lcp = e.startTime;
        }).observe({ type: 'largest-contentful-paint' as never, buffered: true });
        setTimeout(() => {
          const nav = perf.getEntriesByType('navigation')[0];
          const note = Number.isNaN(fcp)
            ? `no FCP: paint entries [${perf
                .getEntriesByType('paint')
                .map((e) => e.name)
                .join(', ')}], navigation ${nav?.type}, ${doc.visibilityState}, ${doc.title}`
            : undefined;
          resolve({ fcp, lcp, note });
        }, 500);
      }),
  );
}

export async function benchPaint(): Promise<PaintFigure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-paint-'));
  const server = await timedStart(join(dir, 'pglite'));
  const browser = await launchBrowser();
  const figures: PaintFigure[] = [];
  try {
    for (const p of PAGES) {
      const cold: PaintFigure = { page: p.name, cache: 'cold', fcp: [], lcp: [] };
      const warm: PaintFigure = { page: p.name, cache: 'warm', fcp: [], lcp: [] };
      for (let i = 0; i < RUNS; i++) {
        // A new context has an empty HTTP cache; the second visit in it reuses the first's.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        try {
          if (p.signedIn) await signIn(context, server.url);
          // One visible tab per context: Chromium reports no paint timing for a page in the background.
          const page = await context.newPage();
          await page.bringToFront();
          // Generous: on a loaded machine a first visit can take long; the figures say how long.
          page.setDefaultTimeout(180_000);
          const first = await paintOf(page, `${server.url}${p.path}`);
          cold.fcp.push(first.fcp);
          cold.lcp.push(first.lcp);
          if (first.note) console.log(`${p.name}, cold, visit ${i + 1}: ${first.note}`);
          const again = await paintOf(page, `${server.url}${p.path}`);
          warm.fcp.push(again.fcp);
          warm.lcp.push(again.lcp);
          if (again.note) console.log(`${p.name}, warm, visit ${i + 1}: ${again.note}`);
        } finally {
          await context.close();
        }
      }
      figures.push(cold, warm);
    }
  } finally {
    await browser.close();
    await stop(server.child);
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** The median of the readings taken (a missing one, NaN, is left out rather than sorted among them). */
const median = (xs: number[]) => {
  const read = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return read[Math.floor(read.length / 2)] ?? Number.NaN;
};

export function printPaint(figures: PaintFigure[]): void {
  const ms = (x: number) => (Number.isNaN(x) ? '—' : String(Math.round(x)));
  const lines = [
    `| page | cache | first contentful paint ms (median of ${RUNS}) | largest contentful paint ms | goal | met |`,
    '|---|---|---:|---:|---|---|',
    ...figures.map((f) => {
      const fcp = median(f.fcp);
      return `| ${f.page} | ${f.cache} | ${ms(fcp)} (${f.fcp.map(ms).join(', ')}) | ${ms(median(f.lcp))} | FCP < ${GOAL_MS} | ${fcp < GOAL_MS ? 'yes' : 'no'} |`;
    }),
  ];
  console.log(`\nFirst paint on a local connection (Chromium):\n\n${lines.join('\n')}\n`);
}
