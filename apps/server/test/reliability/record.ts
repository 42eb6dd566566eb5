import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testDbKind } from '../db.ts';
import { repoRoot } from '../processes.ts';

/** Where the reliability runs leave their figures for `scripts/reliability.mjs`. */
export const resultsDir = join(repoRoot, '.tmp', 'reliability');

/** Saves one part's figures, per database kind. */
export function record(part: string, figures: object): void {
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(
    join(resultsDir, `${part}-${testDbKind()}.json`),
    JSON.stringify({ part, database: testDbKind(), at: new Date().toISOString(), ...figures }, null, 2),
  );
}

/** A positive integer from the environment, or the default. */
export function setting(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}
