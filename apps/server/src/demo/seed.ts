import { MODULES } from '../modules/index.ts';
import type { AppContext } from '../platform/context.ts';

/**
 * Demo data of every module, in MODULES order (partners, then their users, then the rest).
 * Idempotent: what exists is left as it is, so it is safe on every start.
 */
export async function seedDemo(ctx: AppContext): Promise<void> {
  for (const m of MODULES) await m.demo?.(ctx);
}
