import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { partnerAdmins } from '../identity/index.ts';
import { invoiceAmounts, taxpayerStatusOf } from '../tax/index.ts';
import type { Period } from './incentives.periods.ts';
import { insertNotices } from './notices.repository.ts';
import type { RunRow } from './settlement.repository.ts';

/** The instant whose VAT rate a period's invoice uses: the period's last moment. */
export const rateDayOf = (p: { end: Date }) => new Date(p.end.getTime() - 1);

/**
 * R14: one notice per partner with a positive amount, written with the run's publication, and
 * its email, SMS and in-app message queued in the same transaction. The message states the
 * pre-tax amount and, when the taxpayer status is known, the invoice amount with the formula.
 */
export async function issueNotices(
  ctx: AppContext,
  tx: DbOrTx,
  input: { run: RunRow; period: Period; totals: readonly { partnerId: string; totalFen: number }[] },
): Promise<number> {
  const now = ctx.clock.now();
  const { period: p, run } = input;
  const inserted = await insertNotices(
    tx,
    input.totals
      .filter((t) => t.totalFen > 0)
      .map((t) => ({
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
  const messages = [];
  for (const n of inserted) {
    const status = await taxpayerStatusOf(ctx, tx, n.partnerId);
    const amounts = status
      ? await invoiceAmounts(ctx, tx, {
          status,
          preTaxFen: n.preTaxFen,
          on: rateDayOf(p),
          periodStart: p.start,
        })
      : null;
    for (const u of await partnerAdmins(ctx, n.partnerId, tx)) {
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
  return inserted.length;
}
