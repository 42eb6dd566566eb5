import type { Db, DbOrTx } from '@pc/db';
import type { Config } from '../../config.ts';
import type { Clock } from '../clock/clock.ts';
import type { Channel, JobQueue, Notifier, NotifyInput, RecordedMessage } from '../context.ts';
import type { Locale } from '../i18n/i18n.ts';
import { newId } from '../ids/ids.ts';
import { createMailTransport, type MailTransport, messageIdOf } from './email.ts';
import {
  claimNotification,
  failNotification,
  findNotification,
  finishNotification,
  inAppSources,
  insertNotifications,
  type NotificationRow,
} from './notifications.repository.ts';
import { renderTemplate, TemplateError } from './render.ts';
import { PermanentSmsError, type SmsProvider } from './sms.ts';
import { createSmsProvider } from './sms-provider.ts';
import type { NotificationTemplate } from './template.ts';

export const DELIVER_JOB = 'notifications.deliver';

/** A claim older than this is taken to belong to a worker that died mid-send. */
const STALE_CLAIM_MS = 10 * 60_000;

export class DeliveryInProgressError extends Error {
  constructor(readonly notificationId: string) {
    super(`notification ${notificationId} is being sent by another attempt`);
    this.name = 'DeliveryInProgressError';
  }
}

/** The rendered text of an in-app record, kept beside its row until the message is written. */
interface InAppText {
  title: string;
  body: string;
  link: string | null;
}

/** An in-app message the notifier records beside the notification (the messages module stores it). */
export interface InAppMessage {
  userId: string;
  notificationId: string;
  title: string;
  body: string;
  link: string | null;
  at: Date;
}

/** Stores the in-app copies of notifications in the notifier's transaction, in one write (messages provides it). */
export type RecordInAppMessages = (tx: DbOrTx, messages: readonly InAppMessage[]) => Promise<unknown>;

export interface NotifierDeps {
  config: Config;
  clock: Clock;
  jobs: JobQueue;
  db: Db;
  sms?: SmsProvider;
  /** Every template by id (`templateRegistryOf(MODULES)`). */
  templates: Readonly<Record<string, NotificationTemplate>>;
  /** Stores the in-app copies of messages (the messages module's hook). */
  recordInAppMessages: RecordInAppMessages;
  mail?: MailTransport;
}

function recipientOf(input: NotifyInput, channel: Channel): string | null | undefined {
  if (channel === 'email') return input.to.email;
  if (channel === 'sms') return input.to.phone;
  return input.to.userId;
}

/**
 * The one notification service. `notify` renders the template in the recipient's language and, in
 * the caller's transaction, writes a delivery record per channel (idempotency key `key:channel`),
 * the in-app message, and the delivery job. `deliver` (run by that job) sends a record once.
 */
export function createNotifier(deps: NotifierDeps): Notifier {
  const { config, clock, jobs, db } = deps;
  const sms = deps.sms ?? createSmsProvider(config);
  const mail = deps.mail ?? createMailTransport(config);
  /** The recording providers' memory (tests and demo tools read codes there, never in the database). */
  const recordedMessages: RecordedMessage[] = [];
  function keep(m: RecordedMessage) {
    recordedMessages.push(m);
    if (recordedMessages.length > 500) recordedMessages.splice(0, recordedMessages.length - 500);
  }

  /**
   * Renders each message per channel; writes all records, in-app messages and jobs in bulk. An in-app
   * record is delivered by writing its message here, so it is stored delivered (its text redacted as
   * a sent one is) and queues no job; email and SMS records queue one delivery job each.
   */
  async function notifyMany(tx: DbOrTx, inputs: readonly NotifyInput[]): Promise<void> {
    const now = clock.now();
    const rows: (Parameters<typeof insertNotifications>[1][number] & { message?: InAppText })[] = [];
    for (const input of inputs) {
      const data = { publicUrl: config.publicUrl, ...input.data };
      const text = renderTemplate(deps.templates, input.template, input.locale, data);
      for (const channel of new Set(input.channels)) {
        const recipient = recipientOf(input, channel);
        if (!recipient) continue;
        if (channel === 'sms' && !text.sms) throw new TemplateError(`${input.template} has no SMS text`);
        const row = {
          id: newId('ntf', now.getTime()),
          idempotencyKey: `${input.idempotencyKey}:${channel}`,
          channel,
          template: input.template,
          locale: input.locale,
          recipient,
          userId: input.to.userId ?? null,
          partnerId: input.to.partnerId ?? null,
          subject: channel === 'sms' ? null : text.subject,
          body: channel === 'sms' ? (text.sms ?? '') : text.body,
          data: input.data,
          status: 'pending',
          // Every row names the same columns (one insert of arrays): these are set when delivered.
          provider: null as string | null,
          attempts: 0,
          sentAt: null as Date | null,
          createdAt: now,
        };
        if (channel !== 'in_app') rows.push(row);
        else
          rows.push({
            ...row,
            ...withoutCode(row),
            status: 'delivered',
            provider: 'in_app',
            attempts: 1,
            sentAt: now,
            message: { title: text.subject, body: text.body, link: text.link },
          });
      }
    }
    // Records whose key exists already were recorded and queued by an earlier call: skipped.
    const fresh = new Set(
      await insertNotifications(
        tx,
        rows.map(({ message: _message, ...row }) => row),
      ),
    );
    const inserted = rows.filter((r) => fresh.has(r.id));
    const inApp = inserted.flatMap((r) => (r.message ? [{ r, m: r.message }] : []));
    if (inApp.length > 0) {
      await deps.recordInAppMessages(
        tx,
        inApp.map(({ r, m }) => ({
          userId: r.recipient,
          notificationId: r.id,
          title: m.title,
          body: m.body,
          link: m.link,
          at: now,
        })),
      );
    }
    await jobs.sendMany(
      DELIVER_JOB,
      inserted.filter((r) => !r.message).map((r) => ({ notificationId: r.id })),
      { tx },
    );
  }

  function notify(tx: DbOrTx, input: NotifyInput): Promise<void> {
    return notifyMany(tx, [input]);
  }

  async function send(
    row: NotificationRow,
  ): Promise<{ status: string; provider: string; providerId: string | null }> {
    if (row.channel === 'email') {
      const r = await mail.send({
        messageId: messageIdOf(row, config.mailFrom),
        to: row.recipient,
        subject: row.subject ?? '',
        text: row.body,
      });
      const recorded = mail.provider === 'record';
      if (recorded)
        keep({ channel: 'email', to: row.recipient, template: row.template, text: row.body, at: now() });
      return { status: recorded ? 'recorded' : 'sent', provider: mail.provider, ...r };
    }
    if (row.channel === 'sms') {
      const r = await sms.send({
        id: row.id,
        to: row.recipient,
        text: row.body,
        template: row.template,
        params: smsParams(row),
      });
      const recorded = sms.name === 'record';
      if (recorded)
        keep({ channel: 'sms', to: row.recipient, template: row.template, text: row.body, at: now() });
      return { status: recorded ? 'recorded' : 'sent', provider: sms.name, ...r };
    }
    // In-app records are stored delivered; one queued before that was so only needs marking.
    return { status: 'delivered', provider: 'in_app', providerId: null };
  }

  const now = () => clock.now();

  /** The values of the placeholders of the template's SMS text, for gateways that fill templates themselves. */
  function smsParams(row: NotificationRow): Record<string, string> {
    const text = deps.templates[row.template]?.[row.locale as 'zh-CN' | 'en-US']?.sms ?? '';
    const data: Record<string, unknown> = { publicUrl: config.publicUrl, ...(row.data as object | null) };
    const params: Record<string, string> = {};
    for (const [, k] of text.matchAll(/\{(\w+)\}/g)) if (k && data[k] != null) params[k] = String(data[k]);
    return params;
  }

  async function deliver(notificationId: string, opts: { final?: boolean } = {}): Promise<void> {
    const now = clock.now();
    const row = await claimNotification(db, notificationId, now, new Date(now.getTime() - STALE_CLAIM_MS));
    if (!row) {
      const current = await findNotification(db, notificationId);
      // Another attempt holds it: fail this run so the job retries once that claim ends or goes stale.
      if (current?.status === 'sending') throw new DeliveryInProgressError(notificationId);
      return; // sent, recorded or delivered already: never twice
    }
    try {
      const result = await send(row);
      // Once a provider has the message (the recording one too), a verification code in it is no
      // longer kept: not in the stored body, subject or data.
      await finishNotification(db, row.id, { ...result, sentAt: clock.now(), redacted: withoutCode(row) });
    } catch (err) {
      const provider = row.channel === 'email' ? mail.provider : row.channel === 'sms' ? sms.name : null;
      // The error text may echo the message: its code is masked before it is stored or logged.
      const lastError = maskCode(row, err instanceof Error ? err.message : String(err)).slice(0, 1000);
      const permanent = err instanceof PermanentSmsError;
      const status = permanent || opts.final ? 'failed' : 'retrying';
      await failNotification(db, row.id, { provider, lastError, status });
      if (permanent) return; // no retry can fix it: the record stays failed
      throw new Error(lastError); // the job retries with backoff
    }
  }

  async function renderInApp(db: DbOrTx, ids: readonly string[], locale: Locale) {
    const out = new Map<string, { title: string; body: string; link: string | null }>();
    for (const src of await inAppSources(db, ids)) {
      const data = { publicUrl: config.publicUrl, ...((src.data as Record<string, unknown> | null) ?? {}) };
      try {
        const text = renderTemplate(deps.templates, src.template, locale, data);
        out.set(src.id, { title: text.subject, body: text.body, link: text.link });
      } catch (err) {
        if (!(err instanceof TemplateError)) throw err;
      }
    }
    return out;
  }

  return { notify, notifyMany, deliver, renderInApp, recorded: () => [...recordedMessages] };
}

const MASK = '******';

function codeOf(row: Pick<NotificationRow, 'data'>): string | undefined {
  const code = (row.data as Record<string, unknown> | null)?.code;
  return (typeof code === 'string' || typeof code === 'number') && String(code) ? String(code) : undefined;
}

/** The text with the row's verification code (if any) masked. */
export function maskCode(row: Pick<NotificationRow, 'data'>, text: string): string {
  const code = codeOf(row);
  return code ? text.replaceAll(code, MASK) : text;
}

/** The row's text and data with its `data.code` masked, or undefined when it carries no code. */
export function withoutCode(row: Pick<NotificationRow, 'subject' | 'body' | 'data'>) {
  const code = codeOf(row);
  if (!code) return undefined;
  return {
    subject: row.subject?.replaceAll(code, MASK) ?? null,
    body: row.body.replaceAll(code, MASK),
    data: { ...(row.data as object), code: MASK },
  };
}
