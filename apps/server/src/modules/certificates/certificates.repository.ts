import { type DbOrTx, schema } from '@pc/db';
import { and, desc, eq, ilike, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';

const { partnerCertificates: certs, certificateReviews: reviews, partners, users } = schema;

export type CertificateRow = typeof certs.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewStatus = 'open' | 'submitted' | 'approved' | 'rejected' | 'lapsed';

export async function findCertificateByPartner(
  db: DbOrTx,
  partnerId: string,
): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(certs).where(eq(certs.partnerId, partnerId));
  return row;
}

export async function findCertificate(db: DbOrTx, id: string): Promise<CertificateRow | undefined> {
  const [row] = await db.select().from(certs).where(eq(certs.id, id));
  return row;
}

/** Inserts unless the partner has one already (a concurrent issue); returns the partner's row either way. */
export async function insertCertificate(db: DbOrTx, row: typeof certs.$inferInsert): Promise<CertificateRow> {
  await db.insert(certs).values(row).onConflictDoNothing({ target: certs.partnerId });
  const found = await findCertificateByPartner(db, row.partnerId);
  if (!found) throw new Error('certificate insert returned nothing');
  return found;
}

/** Re-issues an expired certificate; undefined when it is not expired (any more). */
export async function reissueCertificate(
  db: DbOrTx,
  id: string,
  patch: { issuedAt: Date; validUntil: string },
): Promise<CertificateRow | undefined> {
  const [row] = await db
    .update(certs)
    .set({ ...patch, status: 'active', expiredAt: null, renewedAt: null, updatedAt: patch.issuedAt })
    .where(and(eq(certs.id, id), eq(certs.status, 'expired')))
    .returning();
  return row;
}

/** Moves validity from `from` to `to` only if it is still `from` and active: one approval extends once. */
export async function extendCertificate(
  db: DbOrTx,
  id: string,
  from: string,
  to: string,
  at: Date,
): Promise<CertificateRow | undefined> {
  const [row] = await db
    .update(certs)
    .set({ validUntil: to, renewedAt: at, updatedAt: at })
    .where(and(eq(certs.id, id), eq(certs.status, 'active'), eq(certs.validUntil, from)))
    .returning();
  return row;
}

/** Active certificates whose last valid day is before `date`: the ones to expire. */
export function certificatesToExpire(db: DbOrTx, date: string, limit: number): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certs)
    .where(and(eq(certs.status, 'active'), lt(certs.validUntil, date)))
    .orderBy(certs.id)
    .limit(limit);
}

export async function expireCertificate(
  db: DbOrTx,
  id: string,
  at: Date,
): Promise<CertificateRow | undefined> {
  const [row] = await db
    .update(certs)
    .set({ status: 'expired', expiredAt: at, updatedAt: at })
    .where(and(eq(certs.id, id), eq(certs.status, 'active')))
    .returning();
  return row;
}

/** Active certificates valid to `validUntil` without a review of `cycleYear` yet. */
export function certificatesNeedingReview(
  db: DbOrTx,
  validUntil: string,
  cycleYear: number,
  limit: number,
): Promise<CertificateRow[]> {
  return db
    .select({ c: certs })
    .from(certs)
    .leftJoin(reviews, and(eq(reviews.certificateId, certs.id), eq(reviews.cycleYear, cycleYear)))
    .where(and(eq(certs.status, 'active'), eq(certs.validUntil, validUntil), isNull(reviews.id)))
    .orderBy(certs.id)
    .limit(limit)
    .then((rows) => rows.map((r) => r.c));
}

/** Inserts the cycle's review; undefined when it exists already (a second run of the job). */
export async function insertReview(
  db: DbOrTx,
  row: typeof reviews.$inferInsert,
): Promise<ReviewRow | undefined> {
  const [r] = await db
    .insert(reviews)
    .values(row)
    .onConflictDoNothing({ target: [reviews.certificateId, reviews.cycleYear] })
    .returning();
  return r;
}

export async function findReview(db: DbOrTx, id: string): Promise<ReviewRow | undefined> {
  const [r] = await db.select().from(reviews).where(eq(reviews.id, id));
  return r;
}

export function reviewsOfCertificate(db: DbOrTx, certificateId: string): Promise<ReviewRow[]> {
  return db
    .select()
    .from(reviews)
    .where(eq(reviews.certificateId, certificateId))
    .orderBy(desc(reviews.cycleYear));
}

/**
 * The transition guard: updates the review only while its status is one of `from`, so of two
 * concurrent decisions exactly one changes the row; the other gets undefined.
 */
export async function updateReviewIf(
  db: DbOrTx,
  id: string,
  from: readonly ReviewStatus[],
  patch: Partial<typeof reviews.$inferInsert>,
): Promise<ReviewRow | undefined> {
  const [r] = await db
    .update(reviews)
    .set(patch)
    .where(and(eq(reviews.id, id), inArray(reviews.status, [...from])))
    .returning();
  return r;
}

export function lapseReviewsOf(db: DbOrTx, certificateId: string, at: Date): Promise<ReviewRow[]> {
  return db
    .update(reviews)
    .set({ status: 'lapsed', closedAt: at, updatedAt: at })
    .where(
      and(
        eq(reviews.certificateId, certificateId),
        inArray(reviews.status, ['open', 'submitted', 'rejected']),
      ),
    )
    .returning();
}

export interface ReviewFilter {
  status?: ReviewStatus;
  cycleYear?: number;
  /** Part of the partner's name. */
  q?: string;
  partnerId?: string;
  /** Open or rejected reviews whose deadline has passed at this instant. */
  overdueAt?: Date;
  beforeId?: string;
  limit: number;
}

export function listReviews(db: DbOrTx, f: ReviewFilter): Promise<{ r: ReviewRow; partnerName: string }[]> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(reviews.status, f.status));
  if (f.cycleYear) where.push(eq(reviews.cycleYear, f.cycleYear));
  if (f.partnerId) where.push(eq(reviews.partnerId, f.partnerId));
  if (f.q) where.push(ilike(partners.name, `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (f.overdueAt) {
    where.push(inArray(reviews.status, ['open', 'rejected']));
    where.push(lt(reviews.deadline, f.overdueAt));
  }
  if (f.beforeId) where.push(lt(reviews.id, f.beforeId));
  return db
    .select({ r: reviews, partnerName: partners.name })
    .from(reviews)
    .innerJoin(partners, eq(partners.id, reviews.partnerId))
    .where(and(...where))
    .orderBy(desc(reviews.id))
    .limit(f.limit);
}

export async function countReviewsByStatus(db: DbOrTx, cycleYear?: number): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: reviews.status, n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(cycleYear ? eq(reviews.cycleYear, cycleYear) : undefined)
    .groupBy(reviews.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export async function partnerName(db: DbOrTx, partnerId: string): Promise<string | undefined> {
  const [p] = await db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId));
  return p?.name;
}

/** Who hears about the partner's certificate: its active administrators, in their own language. */
export function partnerAdmins(db: DbOrTx, partnerId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone, locale: users.locale })
    .from(users)
    .where(
      and(eq(users.partnerId, partnerId), eq(users.status, 'active'), sql`'admin' = any(${users.roles})`),
    )
    .orderBy(users.id);
}
