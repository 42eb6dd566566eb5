import { type DbOrTx, schema } from '@pc/db';
import { and, arrayOverlaps, count, eq, gt, inArray, isNull, max, min, ne, type SQL, sql } from 'drizzle-orm';
import { announce } from '../../platform/cache/invalidations.ts';

const { users, sessions, signInAttempts, contactChanges } = schema;

// Writes to users and sessions announce themselves: the session and user caches of every server
// process forget what changed (identity.cache.ts).
export const USER_TOPIC = 'user';
export const SESSION_TOPIC = 'session';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ContactChangeRow = typeof contactChanges.$inferSelect;

export async function insertUser(db: DbOrTx, row: typeof users.$inferInsert): Promise<UserRow> {
  const [u] = await db.insert(users).values(row).returning();
  if (!u) throw new Error('user insert returned nothing');
  return u;
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return u;
}

export async function findUserByPhone(db: DbOrTx, phone: string): Promise<UserRow | undefined> {
  const [u] = await db.select().from(users).where(eq(users.phone, phone));
  return u;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const [u] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
  if (!u) throw new Error(`user ${id} vanished`);
  await announce(db, USER_TOPIC, id);
  return u;
}

/** The active administrators of one partner: who is told about company-level events. */
export function findPartnerAdmins(db: DbOrTx, partnerId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(eq(users.partnerId, partnerId), eq(users.status, 'active'), sql`'admin' = any(${users.roles})`),
    )
    .orderBy(users.createdAt);
}

/** The active administrators of many partners in one read, by partner (in creation order). */
export async function findAdminsOfPartners(
  db: DbOrTx,
  partnerIds: readonly string[],
): Promise<Map<string, UserRow[]>> {
  const out = new Map<string, UserRow[]>();
  if (partnerIds.length === 0) return out;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        inArray(users.partnerId, [...partnerIds]),
        eq(users.status, 'active'),
        sql`'admin' = any(${users.roles})`,
      ),
    )
    .orderBy(users.createdAt);
  for (const u of rows) {
    if (!u.partnerId) continue;
    const list = out.get(u.partnerId);
    if (list) list.push(u);
    else out.set(u.partnerId, [u]);
  }
  return out;
}

/** Partner administrators' emails, for the console list of registrations. */
export async function adminEmailsOf(db: DbOrTx, partnerIds: string[]): Promise<Map<string, string>> {
  if (partnerIds.length === 0) return new Map();
  const rows = await db
    .select({ partnerId: users.partnerId, email: users.email })
    .from(users)
    .where(and(inArray(users.partnerId, partnerIds), sql`'admin' = any(${users.roles})`))
    .orderBy(users.createdAt);
  const out = new Map<string, string>();
  for (const r of rows) if (r.partnerId && !out.has(r.partnerId)) out.set(r.partnerId, r.email);
  return out;
}

export async function insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSessionByTokenHash(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const [r] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, tokenHash));
  return r;
}

export async function touchSession(db: DbOrTx, id: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt, expiresAt }).where(eq(sessions.id, id));
}

export async function revokeSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  await announce(db, SESSION_TOPIC, id);
}

/** Revokes every live session of the user except `keepId`; returns how many. */
export async function revokeOtherSessions(
  db: DbOrTx,
  userId: string,
  keepId: string | null,
  at: Date,
): Promise<number> {
  const where = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keepId) where.push(ne(sessions.id, keepId));
  const r = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(...where))
    .returning({ id: sessions.id });
  if (r.length) await announce(db, USER_TOPIC, userId);
  return r.length;
}

export async function insertSignInFailure(
  db: DbOrTx,
  row: typeof signInAttempts.$inferInsert,
): Promise<void> {
  await db.insert(signInAttempts).values(row);
}

interface FailureCount {
  n: number;
  first: Date | null;
  last: Date | null;
}

async function failuresWhere(db: DbOrTx, where: SQL | undefined): Promise<FailureCount> {
  const [r] = await db
    .select({ n: count(), first: min(signInAttempts.at), last: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(where);
  return { n: r?.n ?? 0, first: r?.first ?? null, last: r?.last ?? null };
}

export async function countFailuresByIdentifier(
  db: DbOrTx,
  identifier: string,
  since: Date,
): Promise<number> {
  return (
    await failuresWhere(db, and(eq(signInAttempts.identifier, identifier), gt(signInAttempts.at, since)))
  ).n;
}

/**
 * Failed sign-ins since `since`: of this account from this source, from this address (unknown
 * devices), and of this account from all unknown devices.
 */
export async function failureStats(
  db: DbOrTx,
  q: { identifier: string; source: string; ip: string | null; since: Date },
): Promise<{ pair: FailureCount; ip: FailureCount; account: FailureCount }> {
  const recent = gt(signInAttempts.at, q.since);
  const unknownDevice = sql`coalesce(${signInAttempts.source}, 'ip:') not like 'device:%'`;
  const none: FailureCount = { n: 0, first: null, last: null };
  return {
    pair: await failuresWhere(
      db,
      and(eq(signInAttempts.identifier, q.identifier), eq(signInAttempts.source, q.source), recent),
    ),
    ip: q.ip ? await failuresWhere(db, and(eq(signInAttempts.ip, q.ip), unknownDevice, recent)) : none,
    account: await failuresWhere(db, and(eq(signInAttempts.identifier, q.identifier), unknownDevice, recent)),
  };
}

/** A successful sign-in forgives the account's earlier failures. */
export async function clearFailuresByIdentifier(db: DbOrTx, identifier: string): Promise<void> {
  await db.delete(signInAttempts).where(eq(signInAttempts.identifier, identifier));
}

export async function insertContactChange(
  db: DbOrTx,
  row: typeof contactChanges.$inferInsert,
): Promise<void> {
  await db.insert(contactChanges).values(row);
}

export async function findContactChange(
  db: DbOrTx,
  id: string,
  userId: string,
): Promise<ContactChangeRow | undefined> {
  const [r] = await db
    .select()
    .from(contactChanges)
    .where(and(eq(contactChanges.id, id), eq(contactChanges.userId, userId)));
  return r;
}

export async function completeContactChange(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(contactChanges).set({ completedAt: at }).where(eq(contactChanges.id, id));
}

/** Closes the user's other open changes, so only the newest can be confirmed. */
export async function closeOpenContactChanges(db: DbOrTx, userId: string, at: Date): Promise<void> {
  await db
    .update(contactChanges)
    .set({ expiresAt: at })
    .where(
      and(
        eq(contactChanges.userId, userId),
        isNull(contactChanges.completedAt),
        gt(contactChanges.expiresAt, at),
      ),
    );
}

/** Active operators holding any of the roles, by name. */
export function listOperatorsWithRoles(db: DbOrTx, roles: readonly string[]): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(
      and(eq(users.userType, 'operator'), eq(users.status, 'active'), arrayOverlaps(users.roles, [...roles])),
    )
    .orderBy(users.name);
}

export async function findUsersByIds(db: DbOrTx, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(users)
    .where(inArray(users.id, [...ids]));
}
