import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import { revokeOtherSessions } from './identity.repository.ts';
import { listLiveSessions, revokeSessionOf } from './second-factor.repository.ts';

/** "Chrome on Windows": enough to recognise a device, from the user agent alone. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return '—';
  const ua = userAgent;
  const browser =
    [
      ['Edg/', 'Edge'],
      ['OPR/', 'Opera'],
      ['Firefox/', 'Firefox'],
      ['HeadlessChrome/', 'Chrome (headless)'],
      ['Chrome/', 'Chrome'],
      ['Safari/', 'Safari'],
      ['curl/', 'curl'],
    ].find(([needle]) => needle && ua.includes(needle))?.[1] ?? null;
  const os =
    [
      ['Windows', 'Windows'],
      ['iPhone', 'iOS'],
      ['iPad', 'iPadOS'],
      ['Android', 'Android'],
      ['Mac OS X', 'macOS'],
      ['CrOS', 'ChromeOS'],
      ['Linux', 'Linux'],
    ].find(([needle]) => needle && ua.includes(needle))?.[1] ?? null;
  if (browser && os) return `${browser} · ${os}`;
  return browser ?? os ?? ua.slice(0, 60);
}

/** The signed-in user's live sessions, the current one marked. */
export async function listMySessions(ctx: AppContext, su: SessionUser) {
  const rows = await listLiveSessions(ctx.db, su.id, ctx.clock.now());
  return {
    items: rows.map((r) => ({
      id: r.id,
      device: deviceOf(r.userAgent),
      userAgent: r.userAgent,
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      current: r.id === su.sessionId,
    })),
  };
}

/** Signs one of the user's own sessions out (the current one too); 404 for anyone else's. */
export async function revokeMySession(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
  sessionId: string,
): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    if (!(await revokeSessionOf(tx, su.id, sessionId, ctx.clock.now())))
      throw new AppError('common.not_found');
    await ctx.audit.record(tx, actor, {
      action: 'user.session_revoked',
      entityType: 'user',
      entityId: su.id,
      after: { sessionId, current: sessionId === su.sessionId },
    });
  });
  return { ok: true };
}

/** Signs out every session of the user but this one. */
export async function revokeMyOtherSessions(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
): Promise<{ revoked: number }> {
  return ctx.db.transaction(async (tx) => {
    const revoked = await revokeOtherSessions(tx, su.id, su.sessionId, ctx.clock.now());
    await ctx.audit.record(tx, actor, {
      action: 'user.other_sessions_revoked',
      entityType: 'user',
      entityId: su.id,
      after: { revoked },
    });
    return { revoked };
  });
}
