import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/** A partner company. Programs, certification and hierarchy hang off it in their own modules. */
export const partners = pgTable(
  'partners',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The partner's account id on the provider side (the CBC `X-Domain-Id`). */
    domainId: text('domain_id').notNull().unique(),
    /** Site of registration (R1): `cn` (this site) or `intl`. */
    site: text('site').notNull().default('cn'),
    status: text('status').notNull().default('active'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('partners_created_idx').on(t.createdAt)],
);
