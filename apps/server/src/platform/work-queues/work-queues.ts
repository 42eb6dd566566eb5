// Work queues: what waits for an operator. Each module that owns a queue exports one `WorkQueue`
// from its index; the console home counts them and its bell announces what arrived since a time.
import type { DbOrTx } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AppContext } from '../context.ts';
import type { OperatorRole } from '../http/auth.ts';

export interface QueueStats {
  /** Items waiting now. */
  count: number;
  /** Of those, the items that arrived after `since` (0 without `since`). */
  newSince: number;
  /** When the newest waiting item arrived. */
  newestAt: Date | null;
}

export interface WorkQueue {
  /** Stable key, also the web's text key and link target. */
  key: string;
  /** Operators who may open the queue (the operator admin always may). */
  roles: readonly OperatorRole[] | 'any';
  stats: (ctx: AppContext, since: Date | null) => Promise<QueueStats>;
}

/** One query: the waiting rows of a queue, those newer than `since`, and the newest arrival time. */
export async function queueStats(
  db: DbOrTx,
  table: PgTable,
  arrivedAt: PgColumn,
  waiting: SQL | undefined,
  since: Date | null,
): Promise<QueueStats> {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      newSince: since
        ? sql<number>`(count(*) filter (where ${arrivedAt} > ${since.toISOString()}))::int`
        : sql<number>`0`,
      newestAt: sql<string | Date | null>`max(${arrivedAt})`,
    })
    .from(table)
    .where(waiting);
  const newest = row?.newestAt;
  return {
    count: Number(row?.count ?? 0),
    newSince: Number(row?.newSince ?? 0),
    newestAt: newest ? new Date(newest) : null,
  };
}

/** Whether an operator with these roles may open the queue. */
export function mayOpen(queue: WorkQueue, roles: readonly string[]): boolean {
  return roles.includes('admin') || queue.roles === 'any' || queue.roles.some((r) => roles.includes(r));
}
