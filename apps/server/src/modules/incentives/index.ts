/**
 * The incentives module (R5 performance from spend, R14 notices, R7 exclusions): policies and
 * their versions, settlement runs, incentive lines traceable to spend records and policy versions,
 * notices with confirmation, disputes (tickets) and adjustments.
 */
import type { DbOrTx } from '@pc/db';
import { defineModule, listen } from '../../platform/module.ts';
import { spendAccepted } from '../spend/index.ts';
import { seedDemoIncentives } from './incentives.demo.ts';
import { IncentiveErrors } from './incentives.errors.ts';
import { incentivesJobs } from './incentives.jobs.ts';
import { incentivesRoutes } from './incentives.routes.ts';
import { incentivesTemplates } from './incentives.templates.ts';
import { incentivesV2Routes } from './incentives.v2.routes.ts';
import {
  attachToApplication,
  type NoticeRow,
  noticesIn,
  noticesOfApplication,
} from './notices.repository.ts';
import { amountOf } from './notices.service.ts';
import { onSpendAccepted } from './performance.service.ts';

export { type Period, periodByKey, periodOf } from './incentives.periods.ts';

/** The incentives module's manifest. */
export const incentivesModule = defineModule({
  name: 'incentives',
  routes: [incentivesRoutes],
  partnerApiRoutes: [incentivesV2Routes],
  jobs: incentivesJobs,
  templates: incentivesTemplates,
  errors: IncentiveErrors,
  demo: seedDemoIncentives,
  listeners: [listen(spendAccepted, (ctx, tx, { relation }) => onSpendAccepted(ctx, tx, relation))],
  tenancy: { partnerOnly: [/^\/api\/incentives/] },
});

/** A notice as the payment applications see it. */
export interface QuarterNotice {
  id: string;
  periodKey: string;
  periodStart: Date;
  status: string;
  amountFen: number;
  paymentApplicationId: string | null;
}

const toQuarterNotice = (n: NoticeRow): QuarterNotice => ({
  id: n.id,
  periodKey: n.periodKey,
  periodStart: n.periodStart,
  status: n.status,
  amountFen: amountOf(n),
  paymentApplicationId: n.paymentApplicationId,
});

/** A partner's notices of the periods that start in a quarter [start, end). */
export async function noticesOfQuarter(
  tx: DbOrTx,
  partnerId: string,
  quarter: { start: Date; end: Date },
): Promise<QuarterNotice[]> {
  return (await noticesIn(tx, partnerId, quarter.start, quarter.end)).map(toQuarterNotice);
}

/** Marks notices as held by a payment application (null releases them, e.g. when it is returned). */
export async function holdNotices(
  tx: DbOrTx,
  ids: readonly string[],
  applicationId: string | null,
): Promise<void> {
  await attachToApplication(tx, ids, applicationId);
}

export async function noticesHeldBy(tx: DbOrTx, applicationId: string): Promise<QuarterNotice[]> {
  return (await noticesOfApplication(tx, applicationId)).map(toQuarterNotice);
}
export { unconfirmedNoticesOf } from './notices.tasks.ts';
export { performanceView } from './performance.service.ts';
