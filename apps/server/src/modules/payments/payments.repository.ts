import { type DbOrTx, schema } from '@pc/db';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';

const p = schema.payments;
export type PaymentRow = typeof p.$inferSelect;

export async function insertPayment(tx: DbOrTx, row: typeof p.$inferInsert): Promise<PaymentRow> {
  const [out] = await tx.insert(p).values(row).returning();
  if (!out) throw new Error('payment insert returned nothing');
  return out;
}

export async function findPaymentOfNotice(db: DbOrTx, noticeId: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(p).where(eq(p.noticeId, noticeId));
  return row;
}

export interface PaymentFilter {
  partnerId?: string;
  from?: Date;
  to?: Date;
}

function whereOf(f: PaymentFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.partnerId) parts.push(eq(p.partnerId, f.partnerId));
  if (f.from) parts.push(gte(p.createdAt, f.from));
  if (f.to) parts.push(lt(p.createdAt, f.to));
  return parts.length ? and(...parts) : undefined;
}

export function listPayments(db: DbOrTx, f: PaymentFilter, limit: number, offset = 0): Promise<PaymentRow[]> {
  return db
    .select()
    .from(p)
    .where(whereOf(f))
    .orderBy(desc(p.createdAt), desc(p.id))
    .limit(limit)
    .offset(offset);
}

export async function countPayments(db: DbOrTx, f: PaymentFilter): Promise<number> {
  const [row] = await db.select({ c: sql<number>`count(*)::int` }).from(p).where(whereOf(f));
  return row?.c ?? 0;
}
