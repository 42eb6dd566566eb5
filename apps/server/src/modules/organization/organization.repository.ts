import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, gte, isNull, lte, ne, or, type SQL, sql } from 'drizzle-orm';

const inv = schema.memberInvitations;
const prof = schema.memberProfiles;
const q = schema.memberQualifications;

export type InvitationRow = typeof inv.$inferSelect;
export type ProfileRow = typeof prof.$inferSelect;
export type QualificationRow = typeof q.$inferSelect;

export async function insertInvitation(tx: DbOrTx, row: typeof inv.$inferInsert): Promise<InvitationRow> {
  const [out] = await tx.insert(inv).values(row).returning();
  if (!out) throw new Error('invitation insert returned nothing');
  return out;
}

export async function findInvitation(db: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(inv).where(eq(inv.id, id));
  return row;
}

export async function findInvitationByTokenHash(
  db: DbOrTx,
  hash: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(inv).where(eq(inv.tokenHash, hash));
  return row;
}

export async function findPendingInvitationFor(
  db: DbOrTx,
  partnerId: string,
  email: string,
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(inv)
    .where(and(eq(inv.partnerId, partnerId), eq(inv.status, 'pending'), sql`lower(${inv.email}) = ${email}`));
  return row;
}

/** A partner's invitations newest first; `expired` also matches pending rows past their time. */
export function listInvitations(
  db: DbOrTx,
  partnerId: string,
  now: Date,
  status?: string,
): Promise<InvitationRow[]> {
  const where: SQL[] = [eq(inv.partnerId, partnerId)];
  if (status === 'pending') where.push(eq(inv.status, 'pending'), sql`${inv.expiresAt} > ${now}`);
  else if (status === 'expired')
    where.push(or(eq(inv.status, 'expired'), and(eq(inv.status, 'pending'), lte(inv.expiresAt, now))) as SQL);
  else if (status) where.push(eq(inv.status, status));
  return db
    .select()
    .from(inv)
    .where(and(...where))
    .orderBy(desc(inv.createdAt), desc(inv.id))
    .limit(500);
}

/**
 * Moves an invitation out of `pending` only if it is still pending: of two concurrent accepts or an
 * accept racing a revoke, exactly one wins. Undefined when it had moved on.
 */
export async function closePendingInvitation(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof inv.$inferInsert>,
): Promise<InvitationRow | undefined> {
  const [row] = await tx
    .update(inv)
    .set(patch)
    .where(and(eq(inv.id, id), eq(inv.status, 'pending')))
    .returning();
  return row;
}

/** Pending invitations whose time is up, oldest first (the expiry job). */
export function listDueInvitations(db: DbOrTx, now: Date, limit: number): Promise<InvitationRow[]> {
  return db
    .select()
    .from(inv)
    .where(and(eq(inv.status, 'pending'), lte(inv.expiresAt, now)))
    .orderBy(asc(inv.expiresAt), asc(inv.id))
    .limit(limit);
}

export async function findProfile(db: DbOrTx, userId: string): Promise<ProfileRow | undefined> {
  const [row] = await db.select().from(prof).where(eq(prof.userId, userId));
  return row;
}

export function listProfiles(db: DbOrTx, partnerId: string): Promise<ProfileRow[]> {
  return db.select().from(prof).where(eq(prof.partnerId, partnerId));
}

/** Creates the member's profile row or changes it. */
export async function upsertProfile(
  tx: DbOrTx,
  userId: string,
  partnerId: string,
  now: Date,
  patch: Partial<Omit<typeof prof.$inferInsert, 'userId' | 'partnerId' | 'createdAt'>>,
): Promise<ProfileRow> {
  const [row] = await tx
    .insert(prof)
    .values({ userId, partnerId, createdAt: now, updatedAt: now, ...patch })
    .onConflictDoUpdate({ target: prof.userId, set: { ...patch, updatedAt: now } })
    .returning();
  if (!row) throw new Error('profile upsert returned nothing');
  return row;
}

export async function insertQualification(tx: DbOrTx, row: typeof q.$inferInsert): Promise<QualificationRow> {
  const [out] = await tx.insert(q).values(row).returning();
  if (!out) throw new Error('qualification insert returned nothing');
  return out;
}

export async function findQualification(db: DbOrTx, id: string): Promise<QualificationRow | undefined> {
  const [row] = await db.select().from(q).where(eq(q.id, id));
  return row;
}

export async function updateQualification(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof q.$inferInsert>,
): Promise<QualificationRow> {
  const [row] = await tx.update(q).set(patch).where(eq(q.id, id)).returning();
  if (!row) throw new Error(`qualification ${id} vanished`);
  return row;
}

export async function deleteQualification(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(q).where(eq(q.id, id));
}

const byKindAndDate = [asc(q.kind), desc(q.endsOn), desc(q.createdAt)] as const;

export function listQualificationsOfUser(db: DbOrTx, userId: string): Promise<QualificationRow[]> {
  return db
    .select()
    .from(q)
    .where(eq(q.userId, userId))
    .orderBy(...byKindAndDate);
}

export function listQualificationsOfPartner(db: DbOrTx, partnerId: string): Promise<QualificationRow[]> {
  return db
    .select()
    .from(q)
    .where(eq(q.partnerId, partnerId))
    .orderBy(...byKindAndDate);
}

/** Certificates expiring in [from, until] whose current expiry date has not been warned about. */
export function listUnwarnedExpiring(
  db: DbOrTx,
  from: string,
  until: string,
  limit: number,
): Promise<QualificationRow[]> {
  return db
    .select()
    .from(q)
    .where(
      and(
        eq(q.kind, 'certificate'),
        gte(q.endsOn, from),
        lte(q.endsOn, until),
        or(isNull(q.expiryWarnedFor), ne(q.expiryWarnedFor, q.endsOn)),
      ),
    )
    .orderBy(asc(q.endsOn), asc(q.id))
    .limit(limit);
}

/** Marks the warning sent for this expiry date; false when another run marked it first. */
export async function markExpiryWarned(tx: DbOrTx, id: string, endsOn: string): Promise<boolean> {
  const rows = await tx
    .update(q)
    .set({ expiryWarnedFor: endsOn })
    .where(
      and(eq(q.id, id), eq(q.endsOn, endsOn), or(isNull(q.expiryWarnedFor), ne(q.expiryWarnedFor, endsOn))),
    )
    .returning({ id: q.id });
  return rows.length === 1;
}

/** Links an accepted invitation to the user it created. */
export async function setAcceptedUser(tx: DbOrTx, id: string, userId: string): Promise<InvitationRow> {
  const [row] = await tx.update(inv).set({ acceptedUserId: userId }).where(eq(inv.id, id)).returning();
  if (!row) throw new Error(`invitation ${id} vanished`);
  return row;
}

/**
 * Serialises role and status changes within one company for the rest of the transaction, so two
 * administrators demoting each other at once cannot leave the company without one.
 */
export async function lockOrganization(tx: DbOrTx, partnerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`organization:${partnerId}`}))`);
}
