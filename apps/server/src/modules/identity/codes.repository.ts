import { type DbOrTx, schema } from '@pc/db';
import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';

const { verificationCodes: codes } = schema;

export type CodeRow = typeof codes.$inferSelect;

export async function insertCode(db: DbOrTx, row: typeof codes.$inferInsert): Promise<void> {
  await db.insert(codes).values(row);
}

/** The newest code for a target and purpose; older ones are retired when a new one is sent. */
export async function latestCode(db: DbOrTx, target: string, purpose: string): Promise<CodeRow | undefined> {
  const [r] = await db
    .select()
    .from(codes)
    .where(and(eq(codes.target, target), eq(codes.purpose, purpose)))
    .orderBy(desc(codes.createdAt), desc(codes.id))
    .limit(1);
  return r;
}

export async function codesOfChange(db: DbOrTx, changeId: string): Promise<CodeRow[]> {
  return db.select().from(codes).where(eq(codes.changeId, changeId));
}

/** Codes sent to a target since a moment, any purpose: the rate limit counts them all. */
export async function sentSince(
  db: DbOrTx,
  target: string,
  since: Date,
): Promise<{ n: number; last: Date | null }> {
  const [r] = await db
    .select({ n: count(), last: sql<Date | string | null>`max(${codes.createdAt})` })
    .from(codes)
    .where(and(eq(codes.target, target), gt(codes.createdAt, since)));
  const last = r?.last ? new Date(r.last) : null;
  return { n: r?.n ?? 0, last };
}

export async function retireCodes(db: DbOrTx, target: string, purpose: string, at: Date): Promise<void> {
  await db
    .update(codes)
    .set({ consumedAt: at })
    .where(and(eq(codes.target, target), eq(codes.purpose, purpose), isNull(codes.consumedAt)));
}

/** Counts a wrong guess; returns the new count. */
export async function addAttempt(db: DbOrTx, id: string): Promise<number> {
  const [r] = await db
    .update(codes)
    .set({ attempts: sql`${codes.attempts} + 1` })
    .where(eq(codes.id, id))
    .returning({ attempts: codes.attempts });
  return r?.attempts ?? 0;
}

/** Marks a code used; false when someone else used it first. */
export async function consumeCode(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(codes)
    .set({ consumedAt: at })
    .where(and(eq(codes.id, id), isNull(codes.consumedAt)))
    .returning({ id: codes.id });
  return r.length === 1;
}
