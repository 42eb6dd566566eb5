import { type DbOrTx, schema } from '@pc/db';
import { and, count, desc, eq, gt, isNull, lt, or } from 'drizzle-orm';
import { announce } from '../../platform/cache/invalidations.ts';
import { SESSION_TOPIC } from './identity.repository.ts';

const { userTotp, recoveryCodes, sessions } = schema;

export type TotpRow = typeof userTotp.$inferSelect;
export type SessionListRow = typeof sessions.$inferSelect;

export async function findTotp(db: DbOrTx, userId: string): Promise<TotpRow | undefined> {
  const [r] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return r;
}

/** A new, unconfirmed secret; replaces an earlier unconfirmed one. */
export async function putPendingTotp(
  db: DbOrTx,
  userId: string,
  secretSealed: string,
  at: Date,
): Promise<void> {
  await db
    .insert(userTotp)
    .values({ userId, secretSealed, confirmedAt: null, lastStep: null, createdAt: at, updatedAt: at })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secretSealed, confirmedAt: null, lastStep: null, createdAt: at, updatedAt: at },
    });
}

export async function confirmTotpRow(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db.update(userTotp).set({ confirmedAt: at, updatedAt: at }).where(eq(userTotp.userId, userId));
}

/** Records `step` as used; false when that step or a later one was used already (a replayed code). */
export async function claimStep(db: DbOrTx, userId: string, step: number, at: Date): Promise<boolean> {
  const r = await db
    .update(userTotp)
    .set({ lastStep: step, updatedAt: at })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastStep), lt(userTotp.lastStep, step))))
    .returning({ userId: userTotp.userId });
  return r.length === 1;
}

export async function deleteTotp(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
}

/** Drops the user's recovery codes and stores new ones (hashes). */
export async function replaceRecoveryCodes(
  db: DbOrTx,
  userId: string,
  rows: { id: string; codeHash: string }[],
  at: Date,
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(rows.map((r) => ({ ...r, userId, createdAt: at, usedAt: null })));
}

/** Uses an unused recovery code up; false when none matches (or a concurrent request used it). */
export async function useRecoveryCodeRow(
  db: DbOrTx,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const r = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return r.length === 1;
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(r?.n ?? 0);
}

/** The user's live sessions, most recently seen first. */
export function listLiveSessions(db: DbOrTx, userId: string, now: Date): Promise<SessionListRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
}

/** Revokes one live session of this user; false when it is not theirs or already over. */
export async function revokeSessionOf(db: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const r = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  // Every server process forgets the session when this commits (the session cache).
  if (r.length === 1) await announce(db, SESSION_TOPIC, id);
  return r.length === 1;
}
