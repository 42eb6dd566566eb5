import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { adminsOfPartners } from '../identity/index.ts';
import { invoiceAmountsOfPeriod, taxpayerStatusesOf } from '../tax/index.ts';
import type { Period } from './incentives.periods.ts';
import { insertNotices } from './notices.repository.ts';
import type { RunRow } from './settlement.repository.ts';

/** The instant whose VAT rate a period's invoice uses: the period's last moment. */
export const rateDayOf = (p: { end: Date }) => new Date(p.end.getTime() - 1);

/** Notices written (and their messages queued) per statement: bounded parameters and memory. */
const NOTICE_CHUNK = 500;

/**
 * R14: one notice per partner with a positive amount, written with the run's publication, and
 * its email, SMS and in-app message queued in the same transaction. The message states the
 * pre-tax amount and, when the taxpayer status is known, the invoice amount with the formula.
 * Set-based: the period's VAT rates are read once, and per chunk of partners one read each of
 * taxpayer statuses and administrators, one insert of notices and one bulk notify.
 */
export async function issueNotices(
  ctx: AppContext,
  tx: DbOrTx,
  input: {
    run: RunRow;
    period: Period;
    totals: readonly { partnerId: string; totalFen: number }[];
    /** Partners per statement (tests use a small one to cross chunk boundaries). */
    chunk?: number;
  },
): Promise<number> {
  const size = input.chunk ?? NOTICE_CHUNK;
  const now = ctx.clock.now();
  const { period: p, run } = input;
  const amountsOf = await invoiceAmountsOfPeriod(ctx, tx, { on: rateDayOf(p), periodStart: p.start });
  const due = input.totals.filter((t) => t.totalFen > 0);
  let issued = 0;
  for (let i = 0; i < due.length; i += size) {
    const inserted = await insertNotices(
      tx,
      due.slice(i, i + size).map((t) => ({
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
    const ids = inserted.map((n) => n.partnerId);
    const statuses = await taxpayerStatusesOf(ctx, tx, ids);
    const admins = await adminsOfPartners(ctx, ids, tx);
    const messages = [];
    for (const n of inserted) {
      const status = statuses.get(n.partnerId);
      const amounts = status ? amountsOf(status, n.preTaxFen) : null;
      for (const u of admins.get(n.partnerId) ?? []) {
        const locale = parseLocale(u.locale) ?? 'zh-CN';
        messages.push({
          template: amounts ? 'incentives.notice_issued' : 'incentives.notice_issued_no_status',
          locale,
          to: { userId: u.id, email: u.email, phone: u.phone, partnerId: n.partnerId },
          channels: ['email', 'sms', 'in_app'] as const,
          data: {
            name: u.name,
            noticeId: n.id,
            period: p.key,
            preTaxYuan: fenToYuan(n.preTaxFen),
            invoiceYuan: amounts ? fenToYuan(amounts.totalFen) : '',
            formula: amounts ? amounts.formula[locale] : '',
          },
          idempotencyKey: `incentives.notice_issued:${n.id}:${u.id}`,
        });
      }
    }
    await ctx.notifier.notifyMany(tx, messages);
  }
  return issued;
}
