import { timestamp } from 'drizzle-orm/pg-core';

/** Timestamps are stored with time zone; the app's clock decides their value, never the database. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
