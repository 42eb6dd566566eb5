import { type DbOrTx, schema } from '@pc/db';
import { and, isNotNull, lt, or } from 'drizzle-orm';

const { signInAttempts, verificationCodes, contactChanges, sessions } = schema;

/** Deletes identity rows nobody needs any more; returns counts per table. */
export async function pruneIdentityRows(
  db: DbOrTx,
  cut: { attempts: Date; codes: Date; sessions: Date },
): Promise<{ attempts: number; codes: number; changes: number; sessions: number }> {
  const a = await db
    .delete(signInAttempts)
    .where(lt(signInAttempts.at, cut.attempts))
    .returning({ id: signInAttempts.id });
  const c = await db
    .delete(verificationCodes)
    .where(lt(verificationCodes.expiresAt, cut.codes))
    .returning({ id: verificationCodes.id });
  const ch = await db
    .delete(contactChanges)
    .where(lt(contactChanges.expiresAt, cut.codes))
    .returning({ id: contactChanges.id });
  const s = await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, cut.sessions),
        and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, cut.sessions)),
      ),
    )
    .returning({ id: sessions.id });
  return { attempts: a.length, codes: c.length, changes: ch.length, sessions: s.length };
}
