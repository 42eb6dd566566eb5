import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { adminsOfPartners } from '../identity/index.ts';
import { invoiceAmountsOfPeriod, taxpayerStatusesOf } from '../tax/index.ts';
import type { Period } from './incentives.periods.ts';
import { insertNotices, noticesOfRunAfter } from './notices.repository.ts';
import type { RunRow } from './settlement.repository.ts';

/** The instant whose VAT rate a period's invoice uses: the period's last moment. */
export const rateDayOf = (p: { end: Date }) => new Date(p.end.getTime() - 1);

/** Notices written per statement, and notified per transaction: bounded parameters and memory. */
const NOTICE_CHUNK = 500;
/** The job that sends a published run's notices (email, SMS, in-app), chunk by chunk. */
export const NOTIFY_JOB = 'incentives.notify-notices';

/**
 * R14: one notice per partner with a positive amount, written with the run's publication (in
 * chunks of partners), and the job that sends them queued in the same transaction: the messages
 * are rendered and recorded after publication, so the period closes without waiting for them.
 */
export async function issueNotices(
  ctx: AppContext,
  tx: DbOrTx,
  input: {
    run: RunRow;
    period: Period;
    totals: readonly { partnerId: string; totalFen: number }[];
  },
): Promise<number> {
  const now = ctx.clock.now();
  const { period: p, run } = input;
  const due = input.totals.filter((t) => t.totalFen > 0);
  let issued = 0;
  for (let i = 0; i < due.length; i += NOTICE_CHUNK) {
    const inserted = await insertNotices(
      tx,
      due.slice(i, i + NOTICE_CHUNK).map((t) => ({
        id: newId('inc'),
        partnerId: t.partnerId,
        periodKey: p.key,
        periodStart: p.start,
        periodEnd: p.end,
        runId: run.id,
        preTaxFen: t.totalFen,
        status: 'issued',
        createdAt: now,
        updatedAt: now,
      })),
    );
    issued += inserted.length;
  }
  if (issued > 0) await ctx.jobs.send(NOTIFY_JOB, { runId: run.id }, { tx, singletonKey: run.id });
  return issued;
}

/**
 * The notices of a run, sent to each partner's administrators by email, SMS and in-app message:
 * the pre-tax amount and, when the taxpayer status is known, the invoice amount with the formula.
 * Set-based: the period's VAT rates are read once, then per chunk of partners (one transaction
 * each) one read of taxpayer statuses, one of administrators and one bulk notify. A retried job
 * sends nothing twice (each message's idempotency key is the notice and the user).
 */
export async function notifyNoticesOfRun(
  ctx: AppContext,
  runId: string,
  chunk = NOTICE_CHUNK,
): Promise<number> {
  let after = '';
  let sent = 0;
  let amountsOf: Awaited<ReturnType<typeof invoiceAmountsOfPeriod>> | undefined;
  for (;;) {
    const page = await noticesOfRunAfter(ctx.db, runId, after, chunk);
    const first = page[0];
    if (!first) return sent;
    after = page[page.length - 1]?.partnerId ?? after;
    amountsOf ??= await invoiceAmountsOfPeriod(ctx, ctx.db, {
      on: rateDayOf({ end: first.periodEnd }),
      periodStart: first.periodStart,
    });
    const amounts = amountsOf;
    sent += await ctx.db.transaction(async (tx) => {
      const ids = page.map((n) => n.partnerId);
      const statuses = await taxpayerStatusesOf(ctx, tx, ids);
      const admins = await adminsOfPartners(ctx, ids, tx);
      const messages = [];
      for (const n of page) {
        const status = statuses.get(n.partnerId);
        const invoice = status ? amounts(status, n.preTaxFen) : null;
        for (const u of admins.get(n.partnerId) ?? []) {
          const locale = parseLocale(u.locale) ?? 'zh-CN';
          messages.push({
            template: invoice ? 'incentives.notice_issued' : 'incentives.notice_issued_no_status',
            locale,
            to: { userId: u.id, email: u.email, phone: u.phone, partnerId: n.partnerId },
            channels: ['email', 'sms', 'in_app'] as const,
            data: {
              name: u.name,
              noticeId: n.id,
              period: n.periodKey,
              preTaxYuan: fenToYuan(n.preTaxFen),
              invoiceYuan: invoice ? fenToYuan(invoice.totalFen) : '',
              formula: invoice ? invoice.formula[locale] : '',
            },
            idempotencyKey: `incentives.notice_issued:${n.id}:${u.id}`,
          });
        }
      }
      await ctx.notifier.notifyMany(tx, messages);
      return messages.length;
    });
  }
}
