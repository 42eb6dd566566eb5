import { type DbOrTx, schema } from '@pc/db';
import { and, desc, eq, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';

const {
  memberships,
  membershipApplications,
  resellerLinks,
  resellerInvitations,
  annualPerformance,
  ecosystemManagers,
} = schema;

export type MembershipRow = typeof memberships.$inferSelect;
export type ApplicationRow = typeof membershipApplications.$inferSelect;
export type LinkRow = typeof resellerLinks.$inferSelect;
export type InvitationRow = typeof resellerInvitations.$inferSelect;
export type PerformanceRow = typeof annualPerformance.$inferSelect;
export type ManagerRow = typeof ecosystemManagers.$inferSelect;

// Memberships

export function listMemberships(db: DbOrTx, partnerId: string): Promise<MembershipRow[]> {
  return db
    .select()
    .from(memberships)
    .where(eq(memberships.partnerId, partnerId))
    .orderBy(desc(memberships.startedAt));
}

export async function findActiveMembership(
  db: DbOrTx,
  partnerId: string,
  program: string,
): Promise<MembershipRow | undefined> {
  const [m] = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.partnerId, partnerId),
        eq(memberships.program, program),
        eq(memberships.status, 'active'),
      ),
    );
  return m;
}

export async function insertMembership(
  db: DbOrTx,
  row: typeof memberships.$inferInsert,
): Promise<MembershipRow> {
  const [m] = await db.insert(memberships).values(row).returning();
  if (!m) throw new Error('membership insert returned nothing');
  return m;
}

export async function endMembership(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(memberships)
    .set({ status: 'ended', endedAt: at })
    .where(and(eq(memberships.id, id), eq(memberships.status, 'active')));
}

/** Active program codes per partner. */
export async function activeProgramsOf(
  db: DbOrTx,
  partnerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (partnerIds.length === 0) return out;
  const rows = await db
    .select({ partnerId: memberships.partnerId, program: memberships.program })
    .from(memberships)
    .where(and(inArray(memberships.partnerId, [...partnerIds]), eq(memberships.status, 'active')));
  for (const r of rows) out.set(r.partnerId, [...(out.get(r.partnerId) ?? []), r.program]);
  return out;
}

// Applications

export async function insertApplication(
  db: DbOrTx,
  row: typeof membershipApplications.$inferInsert,
): Promise<ApplicationRow> {
  const [a] = await db.insert(membershipApplications).values(row).returning();
  if (!a) throw new Error('application insert returned nothing');
  return a;
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [a] = await db.select().from(membershipApplications).where(eq(membershipApplications.id, id));
  return a;
}

export async function findOpenApplication(
  db: DbOrTx,
  partnerId: string,
  program: string,
): Promise<ApplicationRow | undefined> {
  const [a] = await db
    .select()
    .from(membershipApplications)
    .where(
      and(
        eq(membershipApplications.partnerId, partnerId),
        eq(membershipApplications.program, program),
        eq(membershipApplications.status, 'submitted'),
      ),
    );
  return a;
}

export function listApplicationsOf(db: DbOrTx, partnerId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(membershipApplications)
    .where(eq(membershipApplications.partnerId, partnerId))
    .orderBy(desc(membershipApplications.id));
}

export interface ApplicationFilter {
  status?: string;
  program?: string;
  kind?: string;
  partnerId?: string;
  /** Only partners this operator manages. */
  managerId?: string;
  before?: string;
  limit: number;
}

/** The console queue, newest first; ids sort by creation so the last id is the cursor. */
export function queryApplications(db: DbOrTx, f: ApplicationFilter): Promise<ApplicationRow[]> {
  const where: SQL[] = [];
  if (f.status) where.push(eq(membershipApplications.status, f.status));
  if (f.program) where.push(eq(membershipApplications.program, f.program));
  if (f.kind) where.push(eq(membershipApplications.kind, f.kind));
  if (f.partnerId) where.push(eq(membershipApplications.partnerId, f.partnerId));
  if (f.before) where.push(lt(membershipApplications.id, f.before));
  if (f.managerId) {
    where.push(
      sql`${membershipApplications.partnerId} in (select ${ecosystemManagers.partnerId} from ${ecosystemManagers} where ${ecosystemManagers.managerId} = ${f.managerId})`,
    );
  }
  return db
    .select()
    .from(membershipApplications)
    .where(and(...where))
    .orderBy(desc(membershipApplications.id))
    .limit(f.limit);
}

/** Decides a submitted application; returns nothing when someone else decided it first. */
export async function decideApplication(
  db: DbOrTx,
  id: string,
  set: {
    status: 'approved' | 'rejected' | 'withdrawn';
    reviewerId: string | null;
    reason: string | null;
    at: Date;
  },
): Promise<ApplicationRow | undefined> {
  const [a] = await db
    .update(membershipApplications)
    .set({
      status: set.status,
      reviewerId: set.reviewerId,
      reviewReason: set.reason,
      reviewedAt: set.at,
      updatedAt: set.at,
    })
    .where(and(eq(membershipApplications.id, id), eq(membershipApplications.status, 'submitted')))
    .returning();
  return a;
}

// Hierarchy

export async function findActiveLinkOfReseller(db: DbOrTx, resellerId: string): Promise<LinkRow | undefined> {
  const [l] = await db
    .select()
    .from(resellerLinks)
    .where(and(eq(resellerLinks.resellerId, resellerId), eq(resellerLinks.status, 'active')));
  return l;
}

export function listLinksOfDistributor(db: DbOrTx, distributorId: string): Promise<LinkRow[]> {
  return db
    .select()
    .from(resellerLinks)
    .where(eq(resellerLinks.distributorId, distributorId))
    .orderBy(desc(resellerLinks.startedAt));
}

export async function insertLink(db: DbOrTx, row: typeof resellerLinks.$inferInsert): Promise<LinkRow> {
  const [l] = await db.insert(resellerLinks).values(row).returning();
  if (!l) throw new Error('link insert returned nothing');
  return l;
}

export async function endLink(
  db: DbOrTx,
  id: string,
  at: Date,
  reason: string,
): Promise<LinkRow | undefined> {
  const [l] = await db
    .update(resellerLinks)
    .set({ status: 'ended', endedAt: at, endReason: reason })
    .where(and(eq(resellerLinks.id, id), eq(resellerLinks.status, 'active')))
    .returning();
  return l;
}

export async function insertInvitation(
  db: DbOrTx,
  row: typeof resellerInvitations.$inferInsert,
): Promise<InvitationRow> {
  const [i] = await db.insert(resellerInvitations).values(row).returning();
  if (!i) throw new Error('invitation insert returned nothing');
  return i;
}

export async function findInvitation(db: DbOrTx, id: string): Promise<InvitationRow | undefined> {
  const [i] = await db.select().from(resellerInvitations).where(eq(resellerInvitations.id, id));
  return i;
}

export async function findPendingInvitation(
  db: DbOrTx,
  distributorId: string,
  resellerId: string,
): Promise<InvitationRow | undefined> {
  const [i] = await db
    .select()
    .from(resellerInvitations)
    .where(
      and(
        eq(resellerInvitations.distributorId, distributorId),
        eq(resellerInvitations.resellerId, resellerId),
        eq(resellerInvitations.status, 'pending'),
      ),
    );
  return i;
}

export function listInvitations(
  db: DbOrTx,
  by: { distributorId?: string; resellerId?: string },
): Promise<InvitationRow[]> {
  const where: SQL[] = [];
  if (by.distributorId) where.push(eq(resellerInvitations.distributorId, by.distributorId));
  if (by.resellerId) where.push(eq(resellerInvitations.resellerId, by.resellerId));
  return db
    .select()
    .from(resellerInvitations)
    .where(and(...where))
    .orderBy(desc(resellerInvitations.createdAt))
    .limit(200);
}

/** Moves a pending invitation on; nothing when it was no longer pending. */
export async function respondInvitation(
  db: DbOrTx,
  id: string,
  status: 'accepted' | 'declined' | 'revoked' | 'expired',
  at: Date,
): Promise<InvitationRow | undefined> {
  const [i] = await db
    .update(resellerInvitations)
    .set({ status, respondedAt: at })
    .where(and(eq(resellerInvitations.id, id), eq(resellerInvitations.status, 'pending')))
    .returning();
  return i;
}

export function listDueInvitations(db: DbOrTx, at: Date, limit = 500): Promise<InvitationRow[]> {
  return db
    .select()
    .from(resellerInvitations)
    .where(and(eq(resellerInvitations.status, 'pending'), lte(resellerInvitations.expiresAt, at)))
    .limit(limit);
}

// Performance

export function listPerformance(db: DbOrTx, partnerIds: readonly string[]): Promise<PerformanceRow[]> {
  if (partnerIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(annualPerformance)
    .where(inArray(annualPerformance.partnerId, [...partnerIds]))
    .orderBy(desc(annualPerformance.year));
}

export async function findPerformance(
  db: DbOrTx,
  partnerId: string,
  year: number,
): Promise<PerformanceRow | undefined> {
  const [p] = await db
    .select()
    .from(annualPerformance)
    .where(and(eq(annualPerformance.partnerId, partnerId), eq(annualPerformance.year, year)));
  return p;
}

/** Sets (or adds to) a year's amount in one statement, so concurrent additions are not lost. */
export async function upsertPerformance(
  db: DbOrTx,
  row: { partnerId: string; year: number; amountFen: number; source: string; at: Date },
  mode: 'set' | 'add',
): Promise<PerformanceRow> {
  const [p] = await db
    .insert(annualPerformance)
    .values({
      partnerId: row.partnerId,
      year: row.year,
      amountFen: row.amountFen,
      source: row.source,
      updatedAt: row.at,
    })
    .onConflictDoUpdate({
      target: [annualPerformance.partnerId, annualPerformance.year],
      set: {
        amountFen: mode === 'add' ? sql`${annualPerformance.amountFen} + ${row.amountFen}` : row.amountFen,
        source: row.source,
        updatedAt: row.at,
      },
    })
    .returning();
  if (!p) throw new Error('performance upsert returned nothing');
  return p;
}

// Ecosystem managers

export async function findManager(db: DbOrTx, partnerId: string): Promise<ManagerRow | undefined> {
  const [m] = await db.select().from(ecosystemManagers).where(eq(ecosystemManagers.partnerId, partnerId));
  return m;
}

export async function upsertManager(db: DbOrTx, row: ManagerRow): Promise<void> {
  await db
    .insert(ecosystemManagers)
    .values(row)
    .onConflictDoUpdate({
      target: ecosystemManagers.partnerId,
      set: { managerId: row.managerId, assignedAt: row.assignedAt },
    });
}

export async function managersOf(db: DbOrTx, partnerIds: readonly string[]): Promise<Map<string, string>> {
  if (partnerIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(ecosystemManagers)
    .where(inArray(ecosystemManagers.partnerId, [...partnerIds]));
  return new Map(rows.map((r) => [r.partnerId, r.managerId]));
}

// Bulk reads and writes for other modules' pipelines (spend → performance, settlement)

/** Every reseller link (active or ended) of these resellers, to find the distributor at a time. */
export function listLinksOfResellers(db: DbOrTx, resellerIds: readonly string[]): Promise<LinkRow[]> {
  if (resellerIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(resellerLinks)
    .where(inArray(resellerLinks.resellerId, [...resellerIds]));
}

/** Adds to many (partner, year) amounts in one statement, in key order (no deadlock between batches). */
export async function addPerformanceMany(
  db: DbOrTx,
  rows: readonly { partnerId: string; year: number; amountFen: number }[],
  source: string,
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  const sorted = [...rows].sort((a, b) =>
    a.partnerId === b.partnerId ? a.year - b.year : a.partnerId < b.partnerId ? -1 : 1,
  );
  // Three arrays (three parameters, not five per row): a batch can touch thousands of partners.
  await db.execute(sql`
    insert into annual_performance (partner_id, year, amount_fen, source, updated_at)
    select r.partner_id, r.year, r.amount_fen, ${source}::text, ${at.toISOString()}::timestamptz
    from unnest(${sql.param(sorted.map((r) => r.partnerId))}::text[], ${sql.param(sorted.map((r) => r.year))}::int[],
      ${sql.param(sorted.map((r) => r.amountFen))}::bigint[]) with ordinality as r(partner_id, year, amount_fen, n)
    order by r.n
    on conflict (partner_id, year) do update set amount_fen = annual_performance.amount_fen + excluded.amount_fen,
      source = excluded.source, updated_at = excluded.updated_at`);
}

/** Memberships of these partners in a program that were active at an instant. */
export async function partnersInProgramAt(
  db: DbOrTx,
  partnerIds: readonly string[],
  program: string,
  at: Date,
): Promise<Set<string>> {
  if (partnerIds.length === 0) return new Set();
  const rows = await db
    .select({ partnerId: memberships.partnerId, endedAt: memberships.endedAt })
    .from(memberships)
    .where(
      and(
        inArray(memberships.partnerId, [...partnerIds]),
        eq(memberships.program, program),
        lte(memberships.startedAt, at),
      ),
    );
  return new Set(rows.filter((r) => !r.endedAt || r.endedAt >= at).map((r) => r.partnerId));
}
