import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import type { LoadedSession } from '../../platform/http/auth.ts';
import { newId, newToken } from '../../platform/ids/ids.ts';
import { sessionCache } from './identity.cache.ts';
import { findSessionByTokenHash, insertSession, revokeSession, touchSession } from './identity.repository.ts';
import { sha256 } from './secrets.ts';
import { sessionUserOf } from './users.service.ts';

export const SESSION_TTL_MS = 7 * 24 * 3600_000;
/** Sliding expiry is written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 10 * 60_000;

export interface NewSession {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

export async function openSession(
  ctx: AppContext,
  tx: DbOrTx,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const now = ctx.clock.now();
  const token = newToken(32);
  const sessionId = newId('ses', now.getTime());
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(tx, {
    id: sessionId,
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
  });
  return { token, sessionId, expiresAt };
}

/** The live session of a cookie token, sliding its expiry; null when absent, expired or revoked. */
export async function loadSession(ctx: AppContext, token: string): Promise<LoadedSession | null> {
  if (!token || token.length > 128) return null;
  const now = ctx.clock.now();
  const tokenHash = sha256(token);
  const found = await sessionCache(ctx).through(
    tokenHash,
    now,
    () => findSessionByTokenHash(ctx.db, tokenHash),
    (f) => f.session.expiresAt,
  );
  if (!found) return null;
  const { session, user } = found;
  if (session.revokedAt || session.expiresAt.getTime() <= now.getTime() || user.status !== 'active')
    return null;
  let renewedUntil: Date | null = null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    renewedUntil = new Date(now.getTime() + SESSION_TTL_MS);
    await touchSession(ctx.db, session.id, now, renewedUntil);
    found.session = { ...session, lastSeenAt: now, expiresAt: renewedUntil };
  }
  return { user: sessionUserOf(user, session.id), locale: user.locale, renewedUntil };
}

export function closeSession(ctx: AppContext, tx: DbOrTx, sessionId: string): Promise<void> {
  return revokeSession(tx, sessionId, ctx.clock.now());
}
