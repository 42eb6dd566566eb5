import cronParser from 'cron-parser';
import { format } from 'date-fns';
import { BUSINESS_TZ, inBusinessTz } from '../clock/clock.ts';

/** The latest slot of `cron` (Asia/Shanghai wall-clock) at or before `at`. */
export function latestSlot(cron: string, at: Date): Date {
  const it = cronParser.parseExpression(cron, { currentDate: new Date(at.getTime() + 1), tz: BUSINESS_TZ });
  return it.prev().toDate();
}

/** Throws when a job's cron does not parse: the queue checks every definition when it starts. */
export function assertCron(name: string, cron: string): void {
  if (cron.trim().split(/\s+/).length !== 5)
    throw new Error(`job ${name}: cron "${cron}" must have five fields`);
  try {
    cronParser.parseExpression(cron, { tz: BUSINESS_TZ });
  } catch (err) {
    throw new Error(`job ${name}: invalid cron "${cron}"`, { cause: err });
  }
}

/** The deterministic id of a slot: `name:2026-12-01T00:00+08:00`. */
export function slotKey(name: string, slot: Date): string {
  return `${name}:${format(inBusinessTz(slot), "yyyy-MM-dd'T'HH:mmXXX")}`;
}
