import { type DbOrTx, insertMany, schema } from '@pc/db';
import { and, desc, eq, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Cursor } from '../../platform/db/cursor.ts';

export type AuditRow = typeof schema.auditLog.$inferSelect;

/** One audit row, or many in one statement (array parameters). */
export async function insertAudit(
  tx: DbOrTx,
  rows: typeof schema.auditLog.$inferInsert | readonly (typeof schema.auditLog.$inferInsert)[],
): Promise<void> {
  if (Array.isArray(rows)) await insertMany(tx, schema.auditLog, rows);
  else await tx.insert(schema.auditLog).values(rows as typeof schema.auditLog.$inferInsert);
}

export interface AuditFilter {
  partnerId?: string;
  actorId?: string;
  /** A subquery of user ids (the actor search by name or email). */
  actorIn?: SQL;
  entityType?: string;
  entityId?: string;
  action?: string;
  /** Rows at or after this instant. */
  since?: Date;
  /** Rows strictly before this instant. */
  until?: Date;
  /** Keyset position: rows strictly after it in (at desc, id desc) order. */
  before?: Cursor;
  limit: number;
}

export function listAudit(db: DbOrTx, f: AuditFilter): Promise<AuditRow[]> {
  const where: SQL[] = [];
  const a = schema.auditLog;
  if (f.partnerId) where.push(eq(a.partnerId, f.partnerId));
  if (f.actorId) where.push(eq(a.actorId, f.actorId));
  if (f.actorIn) where.push(sql`${a.actorId} in ${f.actorIn}`);
  if (f.entityType) where.push(eq(a.entityType, f.entityType));
  if (f.entityId) where.push(eq(a.entityId, f.entityId));
  if (f.action) where.push(eq(a.action, f.action));
  if (f.since) where.push(gte(a.at, f.since));
  if (f.until) where.push(lt(a.at, f.until));
  if (f.before) {
    const c = f.before;
    where.push(or(lt(a.at, c.at), and(eq(a.at, c.at), lt(a.id, c.id))) as SQL);
  }
  return db
    .select()
    .from(a)
    .where(and(...where))
    .orderBy(desc(a.at), desc(a.id))
    .limit(f.limit);
}
