import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsFolder } from '@pc/db';
import { MODULES } from '../modules/index.ts';
import type { AppContext } from '../platform/context.ts';

/**
 * Demo data of every module, in MODULES order (partners, then their users, then the rest).
 * Idempotent: what exists is left as it is, so it is safe on every start.
 */
export async function seedDemo(ctx: AppContext): Promise<void> {
  for (const m of MODULES) await m.demo?.(ctx);
}

/** Beside the embedded database's files: which demo data this directory was seeded with. */
export const DEMO_MARKER = 'pc-demo-seeded';

/** The demo data's version: the modules that seed and the schema (a new migration may bring new demo data). */
function demoVersion(): string {
  const journal = readFileSync(join(migrationsFolder, 'meta/_journal.json'));
  const seeding = MODULES.filter((m) => m.demo).map((m) => m.name);
  return createHash('sha256').update(journal).update(seeding.join(',')).digest('hex');
}

/**
 * `npm start --demo` on the embedded database: seeds once per data directory and version, then leaves
 * a marker there, so a warm start does not walk every module's demo data again (about 15 % of a
 * warm start). Without a data directory (PostgreSQL) it seeds every time, as before.
 */
export async function seedDemoOnce(ctx: AppContext, dataDir: string | undefined): Promise<void> {
  const marker = dataDir ? join(dataDir, DEMO_MARKER) : undefined;
  const version = demoVersion();
  if (marker && existsSync(marker) && readFileSync(marker, 'utf8') === version) return;
  await seedDemo(ctx);
  if (marker) writeFileSync(marker, version);
}
