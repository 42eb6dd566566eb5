import { type AppContext, systemActor } from '../../platform/context.ts';
import { findCustomerByDomainName } from '../customers/index.ts';
import { ingestSpendBatch } from '../spend/index.ts';
import { getBudget, portalTarget, setBudget } from './budgets.service.ts';
import { addRecipients } from './recipients.service.ts';

/**
 * Demo: the solution provider's VIP customer has a 5,000-yuan monthly budget with automatic
 * restriction, one alert recipient, and 4,000 yuan of spend this month — so the budget page shows the
 * chart past 75 % and one alert. Idempotent: nothing happens once the budget exists.
 */
export async function seedDemoBudgets(ctx: AppContext, partnerId: string): Promise<void> {
  const customer = await findCustomerByDomainName(ctx.db, 'xinghe_shop');
  if (!customer) return;
  const target = await portalTarget(ctx, partnerId, customer.id);
  if (await getBudget(ctx, target)) return;
  const actor = systemActor();
  await setBudget(
    ctx,
    actor,
    target,
    { amountFen: 500_000, budgetType: 'MONTHLY', frozenOperateType: 1, cancelRestriction: false },
    'demo',
  );
  await addRecipients(ctx, actor, target, [
    { name: '财务 李娜', phone: '+8613800000011', email: 'finance@xinghe.demo', locale: 'zh-CN' },
  ]);
  const at = ctx.clock.now().toISOString();
  const services = ['ecs', 'obs', 'rds', 'cdn'];
  await ingestSpendBatch(
    ctx,
    services.map((service, i) => ({
      record_id: `demo-xinghe-${i + 1}`,
      customer_id: customer.domainId,
      spent_at: at,
      service_type: service,
      amount_fen: 100_000,
      payment_kind: i === 3 ? 'voucher' : 'cash',
    })),
  );
}
