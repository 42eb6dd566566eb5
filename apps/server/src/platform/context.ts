import type { Database, Db, DbOrTx } from '@pc/db';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Invalidations } from './cache/invalidations.ts';
import type { Clock } from './clock/clock.ts';
import type { ErrorCatalogue } from './errors/errors.ts';
import type { DomainEvents } from './events/domain-events.ts';
import type { Locale } from './i18n/i18n.ts';

/** Who is acting: passed from the route to the service, recorded in the audit log. */
export interface Actor {
  type: 'user' | 'operator' | 'api_key' | 'system';
  id: string | null;
  partnerId: string | null;
  roles: readonly string[];
  requestId: string | null;
  locale: Locale;
}

export const systemActor = (requestId: string | null = null): Actor => ({
  type: 'system',
  id: null,
  partnerId: null,
  roles: [],
  requestId,
  locale: 'zh-CN',
});

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  partnerId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditLog {
  /** Writes one entry in the caller's transaction. */
  record(tx: DbOrTx, actor: Actor, entry: AuditEntry): Promise<void>;
  /** Writes several entries of one actor in one statement, in the caller's transaction. */
  recordMany(tx: DbOrTx, actor: Actor, entries: readonly AuditEntry[]): Promise<void>;
}

export type Channel = 'email' | 'sms' | 'in_app';

export interface NotifyInput {
  /** A template id from a module's `<module>.templates.ts`. */
  template: string;
  locale: Locale;
  to: { userId?: string | null; email?: string | null; phone?: string | null; partnerId?: string | null };
  channels: readonly Channel[];
  data: Record<string, unknown>;
  /** Same key, same message: a retry finds the record instead of sending again. */
  idempotencyKey: string;
}

export interface Notifier {
  /** Records the messages in the caller's transaction and queues their delivery. */
  notify(tx: DbOrTx, input: NotifyInput): Promise<void>;
  /** `notify` for many messages at once: one insert of the records and one of their jobs. */
  notifyMany(tx: DbOrTx, inputs: readonly NotifyInput[]): Promise<void>;
  /**
   * Sends one recorded message (the delivery job); a message already sent is not sent again. A
   * failure is `retrying` until the `final` attempt (or a refusal no retry can fix) makes it `failed`.
   */
  deliver(notificationId: string, opts?: { final?: boolean }): Promise<void>;
  /**
   * What the recording providers (no SMTP, `SMS_PROVIDER=record`) kept in this process's memory,
   * newest last: the only place a recorded verification code can still be read (tests, demo tools).
   */
  recorded(): RecordedMessage[];
  /**
   * In-app messages as their reader reads them: rendered again in `locale` with today's public
   * URL (a stored copy keeps the language and address of the day it was sent). Messages whose
   * template is gone are left out of the map; the caller keeps the stored copy.
   */
  renderInApp(
    db: DbOrTx,
    notificationIds: readonly string[],
    locale: Locale,
  ): Promise<Map<string, { title: string; body: string; link: string | null }>>;
}

/** A message a recording provider kept (never stored: the stored body has its code masked). */
export interface RecordedMessage {
  channel: 'email' | 'sms';
  to: string;
  template: string;
  text: string;
  at: Date;
}

export interface SendJobOptions {
  /**
   * Enqueue inside this transaction so the job exists only if the change commits. Inside a
   * transaction always pass it: PGlite has one connection, so a send outside the open transaction
   * waits for it to end, which never happens.
   */
  tx?: DbOrTx;
  startAfter?: Date;
  singletonKey?: string;
  retryLimit?: number;
}

export interface JobQueue {
  send(name: string, payload: object, opts?: SendJobOptions): Promise<string | null>;
  /** Many jobs of one kind in one statement (same options for all). */
  sendMany(name: string, payloads: readonly object[], opts?: SendJobOptions): Promise<void>;
}

/** Everything a module's service needs; built once in buildApp. No string-keyed container. */
export interface AppContext {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  audit: AuditLog;
  notifier: Notifier;
  jobs: JobQueue;
  /** One-way domain events inside a transaction (`ctx.events.publish(tx, event, payload)`). */
  events: DomainEvents;
  /** Every error code's status and texts (`ctx.errors.message(error, locale)`). */
  errors: ErrorCatalogue;
  /** Cross-process invalidation of the in-memory caches (`announce(tx, topic, id)` to send one). */
  invalidations: Invalidations;
}
