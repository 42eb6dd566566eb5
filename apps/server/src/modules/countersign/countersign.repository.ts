import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';

const b = schema.countersignBills;
const c = schema.countersignChains;
const s = schema.countersignSteps;

export type BillRow = typeof b.$inferSelect;
export type StepRow = typeof s.$inferSelect;
export type ChainRow = typeof c.$inferSelect;

export async function findBillByExternal(db: DbOrTx, kind: string, externalId: string) {
  const [row] = await db
    .select()
    .from(b)
    .where(and(eq(b.kind, kind), eq(b.externalId, externalId)))
    .for('update');
  return row;
}

export async function insertBillOnce(tx: DbOrTx, row: typeof b.$inferInsert): Promise<BillRow | undefined> {
  const [out] = await tx
    .insert(b)
    .values(row)
    .onConflictDoNothing({ target: [b.kind, b.externalId] })
    .returning();
  return out;
}

export async function findBill(db: DbOrTx, id: string): Promise<BillRow | undefined> {
  const [row] = await db.select().from(b).where(eq(b.id, id));
  return row;
}

export async function lockBill(tx: DbOrTx, id: string): Promise<BillRow | undefined> {
  const [row] = await tx.select().from(b).where(eq(b.id, id)).for('update');
  return row;
}

export async function updateBill(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof b.$inferInsert>,
): Promise<BillRow> {
  const [row] = await tx.update(b).set(patch).where(eq(b.id, id)).returning();
  if (!row) throw new Error('bill update returned nothing');
  return row;
}

export async function insertSteps(tx: DbOrTx, rows: (typeof s.$inferInsert)[]): Promise<void> {
  await tx.insert(s).values(rows);
}

export function stepsOf(db: DbOrTx, billId: string): Promise<StepRow[]> {
  return db.select().from(s).where(eq(s.billId, billId)).orderBy(asc(s.round), asc(s.seq));
}

export async function updateStep(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof s.$inferInsert>,
): Promise<void> {
  await tx.update(s).set(patch).where(eq(s.id, id));
}

/** The current (pending) steps of many bills, for lists. */
export function pendingStepsOf(db: DbOrTx, billIds: readonly string[]): Promise<StepRow[]> {
  if (!billIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(s)
    .where(and(inArray(s.billId, [...billIds]), eq(s.status, 'pending')));
}

export interface BillFilter {
  partnerId?: string;
  status?: string;
  kind?: string;
  /** Only bills whose pending step is one of these approvers (and, for `partner`, this partner). */
  approvers?: readonly string[];
}

function whereOf(f: BillFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.partnerId) parts.push(eq(b.partnerId, f.partnerId));
  if (f.status) parts.push(eq(b.status, f.status));
  if (f.kind) parts.push(eq(b.kind, f.kind));
  if (f.approvers) {
    parts.push(
      sql`exists (select 1 from ${s} where ${s.billId} = ${b.id} and ${s.status} = 'pending' and ${inArray(s.approver, [...f.approvers])})`,
    );
  }
  return parts.length ? and(...parts) : undefined;
}

export function listBills(db: DbOrTx, f: BillFilter, limit: number, offset: number): Promise<BillRow[]> {
  return db
    .select()
    .from(b)
    .where(whereOf(f))
    .orderBy(desc(b.createdAt), desc(b.id))
    .limit(limit)
    .offset(offset);
}

export async function countBills(db: DbOrTx, f: BillFilter): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(b).where(whereOf(f));
  return row?.n ?? 0;
}

export async function countOverdue(db: DbOrTx, now: Date, f: BillFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(s)
    .innerJoin(b, eq(b.id, s.billId))
    .where(and(eq(s.status, 'pending'), lt(s.dueAt, now), whereOf(f)));
  return row?.n ?? 0;
}

/** Pending steps past their due time and not escalated yet, locked so two schedulers never both escalate. */
export function overdueSteps(tx: DbOrTx, now: Date, limit: number) {
  return tx
    .select()
    .from(s)
    .where(and(eq(s.status, 'pending'), lt(s.dueAt, now), isNull(s.escalatedAt)))
    .orderBy(asc(s.dueAt))
    .limit(limit)
    .for('update', { skipLocked: true });
}

export async function findChain(db: DbOrTx, kind: string): Promise<ChainRow | undefined> {
  const [row] = await db.select().from(c).where(eq(c.kind, kind));
  return row;
}

export async function upsertChain(tx: DbOrTx, row: typeof c.$inferInsert): Promise<void> {
  await tx
    .insert(c)
    .values(row)
    .onConflictDoUpdate({
      target: c.kind,
      set: { steps: row.steps, updatedBy: row.updatedBy, updatedAt: row.updatedAt },
    });
}
