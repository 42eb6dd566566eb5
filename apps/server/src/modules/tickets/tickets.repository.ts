import { type DbOrTx, schema } from '@pc/db';
import {
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  not,
  or,
  type SQL,
} from 'drizzle-orm';
import type { Cursor } from '../../platform/db/cursor.ts';

const t = schema.tickets;
const r = schema.ticketReplies;
const h = schema.holidayCalendar;

export type TicketRow = typeof t.$inferSelect;
export type ReplyRow = typeof r.$inferSelect;
export type HolidayRow = typeof h.$inferSelect;

export async function insertTicket(tx: DbOrTx, row: typeof t.$inferInsert): Promise<TicketRow> {
  const [out] = await tx.insert(t).values(row).returning();
  if (!out) throw new Error('ticket insert returned nothing');
  return out;
}

export async function findTicket(db: DbOrTx, id: string): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return row;
}

/**
 * Changes a ticket only if it is still in one of `from`: the conditional update is what makes two
 * concurrent transitions end with exactly one winner. Undefined when the ticket moved on.
 */
export async function updateTicketFrom(
  tx: DbOrTx,
  id: string,
  from: readonly string[],
  patch: Partial<typeof t.$inferInsert>,
): Promise<TicketRow | undefined> {
  const [row] = await tx
    .update(t)
    .set(patch)
    .where(and(eq(t.id, id), inArray(t.status, [...from])))
    .returning();
  return row;
}

export interface TicketFilter {
  partnerId?: string;
  statuses?: readonly string[];
  category?: string;
  /** Flagged by the job, or unresolved past the due time at `now`. */
  overdue?: boolean;
  now?: Date;
  /** An operator id, or `none` for unassigned tickets. */
  assigneeId?: string;
  /** Subject or id contains this text. */
  q?: string;
  before?: Cursor;
  limit: number;
}

/** Tickets newest first, keyset-paged on (created_at, id). */
export function listTickets(db: DbOrTx, f: TicketFilter): Promise<TicketRow[]> {
  const where: SQL[] = [];
  if (f.partnerId) where.push(eq(t.partnerId, f.partnerId));
  if (f.statuses?.length) where.push(inArray(t.status, [...f.statuses]));
  if (f.category) where.push(eq(t.category, f.category));
  if (f.overdue !== undefined) {
    const now = f.now ?? new Date(0);
    const late = and(inArray(t.status, ['open', 'pending']), lte(t.dueAt, now)) as SQL;
    if (f.overdue) where.push(or(isNotNull(t.overdueAt), late) as SQL);
    else where.push(and(isNull(t.overdueAt), not(late)) as SQL);
  }
  if (f.assigneeId === 'none') where.push(isNull(t.assigneeId));
  else if (f.assigneeId) where.push(eq(t.assigneeId, f.assigneeId));
  if (f.q) {
    const pattern = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(or(like(t.subject, pattern), eq(t.id, f.q)) as SQL);
  }
  if (f.before) {
    const c = f.before;
    where.push(or(lt(t.createdAt, c.at), and(eq(t.createdAt, c.at), lt(t.id, c.id))) as SQL);
  }
  return db
    .select()
    .from(t)
    .where(and(...where))
    .orderBy(desc(t.createdAt), desc(t.id))
    .limit(f.limit);
}

/** Open or pending tickets past their due time that the job has not flagged yet. */
export function listNewlyOverdue(db: DbOrTx, at: Date, limit: number): Promise<TicketRow[]> {
  return db
    .select()
    .from(t)
    .where(and(inArray(t.status, ['open', 'pending']), lte(t.dueAt, at), isNull(t.overdueAt)))
    .orderBy(asc(t.dueAt), asc(t.id))
    .limit(limit);
}

/** Flags one ticket overdue unless another run did; false when it was already flagged or resolved. */
export async function flagOverdue(tx: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(t)
    .set({ overdueAt: at, escalatedAt: at, updatedAt: at })
    .where(and(eq(t.id, id), isNull(t.overdueAt), inArray(t.status, ['open', 'pending']), lte(t.dueAt, at)))
    .returning({ id: t.id });
  return rows.length === 1;
}

export async function setAssignee(
  tx: DbOrTx,
  ids: readonly string[],
  assigneeId: string | null,
  at: Date,
): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  return tx
    .update(t)
    .set({ assigneeId, updatedAt: at })
    .where(inArray(t.id, [...ids]))
    .returning();
}

export async function findTickets(db: DbOrTx, ids: readonly string[]): Promise<TicketRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(t)
    .where(inArray(t.id, [...ids]));
}

export async function insertReply(tx: DbOrTx, row: typeof r.$inferInsert): Promise<ReplyRow> {
  const [out] = await tx.insert(r).values(row).returning();
  if (!out) throw new Error('reply insert returned nothing');
  return out;
}

export function listReplies(db: DbOrTx, ticketId: string): Promise<ReplyRow[]> {
  return db.select().from(r).where(eq(r.ticketId, ticketId)).orderBy(asc(r.createdAt), asc(r.id));
}

/** Calendar entries, optionally of one year, by date. */
export function listHolidays(db: DbOrTx, year?: number): Promise<HolidayRow[]> {
  const q = db.select().from(h);
  return (year ? q.where(like(h.date, `${year}-%`)) : q).orderBy(asc(h.date));
}

export async function findHoliday(db: DbOrTx, date: string): Promise<HolidayRow | undefined> {
  const [row] = await db.select().from(h).where(eq(h.date, date));
  return row;
}

export async function upsertHoliday(tx: DbOrTx, row: typeof h.$inferInsert): Promise<HolidayRow> {
  const [out] = await tx
    .insert(h)
    .values(row)
    .onConflictDoUpdate({
      target: h.date,
      set: {
        kind: row.kind,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    })
    .returning();
  if (!out) throw new Error('holiday upsert returned nothing');
  return out;
}

/** Adds the rows whose date is not in the calendar yet; returns how many were added. */
export async function insertMissingHolidays(tx: DbOrTx, rows: (typeof h.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const out = await tx.insert(h).values(rows).onConflictDoNothing().returning({ date: h.date });
  return out.length;
}

export async function deleteHoliday(tx: DbOrTx, date: string): Promise<HolidayRow | undefined> {
  const [row] = await tx.delete(h).where(eq(h.date, date)).returning();
  return row;
}
