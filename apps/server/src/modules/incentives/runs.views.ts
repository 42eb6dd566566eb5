import type { AppContext } from '../../platform/context.ts';
import { countRunsByStatus, listRuns } from './settlement.repository.ts';
import { runView } from './settlement.service.ts';

export async function listRunViews(ctx: AppContext, f: { status?: string; periodKey?: string }) {
  const rows = await listRuns(ctx.db, { ...f, limit: 100 });
  return { items: rows.map(runView), counts: await countRunsByStatus(ctx.db) };
}
