import './tickets.errors.ts';
import type { DbOrTx } from '@pc/db';
import { addWorkingDays, isCalendarDate, type WorkingCalendar } from '../../platform/clock/working-days.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { CHINA_2026, CHINA_2027 } from './holidays.data.ts';
import {
  deleteHoliday,
  findHoliday,
  type HolidayRow,
  insertMissingHolidays,
  listHolidays,
  listTickets,
  updateTicketFrom,
  upsertHoliday,
} from './tickets.repository.ts';
import type { HolidayInput } from './tickets.schemas.ts';

/** The service level (R11): a ticket is due 3 working days after it was opened or reopened. */
export const TICKET_SLA_WORKING_DAYS = 3;

export function calendarOf(rows: readonly Pick<HolidayRow, 'date' | 'kind'>[]): WorkingCalendar {
  return {
    holidays: new Set(rows.filter((r) => r.kind === 'holiday').map((r) => r.date)),
    workdays: new Set(rows.filter((r) => r.kind === 'workday').map((r) => r.date)),
  };
}

/** The whole calendar: a few dozen rows a year, read per use so changes apply at once. */
export async function loadWorkingCalendar(db: DbOrTx): Promise<WorkingCalendar> {
  return calendarOf(await listHolidays(db));
}

export async function dueTimeFrom(db: DbOrTx, start: Date): Promise<Date> {
  return addWorkingDays(start, TICKET_SLA_WORKING_DAYS, await loadWorkingCalendar(db));
}

export const holidayView = (r: HolidayRow) => ({
  date: r.date,
  kind: r.kind === 'workday' ? ('workday' as const) : ('holiday' as const),
  nameZh: r.nameZh,
  nameEn: r.nameEn,
  updatedAt: r.updatedAt.toISOString(),
});

export async function listCalendar(ctx: AppContext, year?: number) {
  return { items: (await listHolidays(ctx.db, year)).map(holidayView) };
}

function assertDate(date: string): void {
  if (!isCalendarDate(date)) throw new AppError('tickets.holiday_invalid_date', { date });
}

/**
 * Unresolved tickets that are not late yet get their due time recomputed: a holiday added in
 * their window gives support the day back, a removed one takes it away.
 */
async function redateOpenTickets(tx: DbOrTx, at: Date): Promise<number> {
  const cal = await loadWorkingCalendar(tx);
  let n = 0;
  const rows = await listTickets(tx, {
    statuses: ['open', 'pending'],
    overdue: false,
    now: at,
    limit: 10_000,
  });
  for (const row of rows) {
    const due = addWorkingDays(row.slaStartedAt, TICKET_SLA_WORKING_DAYS, cal);
    if (due.getTime() === row.dueAt.getTime()) continue;
    if (await updateTicketFrom(tx, row.id, ['open', 'pending'], { dueAt: due, updatedAt: at })) n++;
  }
  return n;
}

/** Adds or changes one day of the calendar (operator admins). */
export async function setCalendarDay(ctx: AppContext, actor: Actor, date: string, input: HolidayInput) {
  assertDate(date);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  if (input.kind === 'workday' && weekday !== 0 && weekday !== 6) {
    throw new AppError('tickets.holiday_not_weekend', { date });
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const before = await findHoliday(tx, date);
    const row = await upsertHoliday(tx, { date, ...input, updatedAt: now, updatedBy: actor.id });
    const ticketsRedated = await redateOpenTickets(tx, now);
    await ctx.audit.record(tx, actor, {
      action: before ? 'holiday.updated' : 'holiday.added',
      entityType: 'holiday_calendar',
      entityId: date,
      before: before ? holidayView(before) : null,
      after: { ...holidayView(row), ticketsRedated },
    });
    return { ticketsRedated };
  });
}

export async function removeCalendarDay(ctx: AppContext, actor: Actor, date: string) {
  assertDate(date);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const removed = await deleteHoliday(tx, date);
    if (!removed) throw new AppError('tickets.holiday_not_found', { date });
    const ticketsRedated = await redateOpenTickets(tx, now);
    await ctx.audit.record(tx, actor, {
      action: 'holiday.removed',
      entityType: 'holiday_calendar',
      entityId: date,
      before: holidayView(removed),
      after: { ticketsRedated },
    });
    return { ticketsRedated };
  });
}

/** Seeds the 2026 and 2027 China calendar; days already present (maybe edited) are kept. */
export async function seedHolidayCalendar(ctx: AppContext, tx: DbOrTx): Promise<number> {
  const now = ctx.clock.now();
  return insertMissingHolidays(
    tx,
    [...CHINA_2026, ...CHINA_2027].map((d) => ({
      date: d.date,
      kind: d.kind,
      nameZh: d.name['zh-CN'],
      nameEn: d.name['en-US'],
      updatedAt: now,
      updatedBy: null,
    })),
  );
}
