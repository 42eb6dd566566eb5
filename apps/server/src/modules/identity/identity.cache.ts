import { createMemoryCache, perContext } from '../../platform/cache/memory-cache.ts';
import type { AppContext } from '../../platform/context.ts';
import { SESSION_TOPIC, type SessionRow, USER_TOPIC, type UserRow } from './identity.repository.ts';

// Sessions and users stay in memory for the per-request session lookup and `GET /api/me`. Every
// write to a user or a session announces it (identity.repository.ts), and every server process
// forgets the entries it names when that commits: a sign-out, a disabled user, a changed role or
// password take effect everywhere at once.

export interface CachedSession {
  session: SessionRow;
  user: UserRow;
}

/** Sessions by token hash. */
export const sessionCache = perContext((ctx: AppContext) => {
  const cache = createMemoryCache<CachedSession>(ctx.invalidations);
  ctx.invalidations.on(SESSION_TOPIC, (id) =>
    id === '*' ? cache.clear() : cache.forgetWhere((v) => v.session.id === id),
  );
  ctx.invalidations.on(USER_TOPIC, (id) =>
    id === '*' ? cache.clear() : cache.forgetWhere((v) => v.user.id === id),
  );
  return cache;
});

/** Users by id. */
export const userCache = perContext((ctx: AppContext) => {
  const cache = createMemoryCache<UserRow>(ctx.invalidations);
  ctx.invalidations.on(USER_TOPIC, (id) => (id === '*' ? cache.clear() : cache.forget(id)));
  return cache;
});
