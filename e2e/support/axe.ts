// axe-core (the engine, injected into the page; @axe-core/playwright needs Node 22) and the page
// checks of the accessibility test.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page (all rules but the experimental ones) and returns its violations. */
export async function runAxe(page: Page, include?: string): Promise<AxeViolation[]> {
  // Evaluated through the debugging protocol, so the page's CSP (script-src 'self') does not apply.
  await page.evaluate(`${AXE_SOURCE}\n;undefined`);
  return page.evaluate(async (context) => {
    type Result = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<Result> } }).axe;
    const result = await axe.run(context ?? document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  }, include ?? null);
}

/** Critical and serious violations, one line each: page, rule, what it asks and where. */
export function seriousFindings(where: string, violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map(
      (v) =>
        `${where}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ` and ${v.targets.length - 5} more` : ''}`,
    );
}
