import './events.errors.ts';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { assertCallbackUrl } from './endpoints.service.ts';
import { findIntegration, type IntegrationRow, upsertIntegration } from './events.repository.ts';
import { SIG_ALG } from './events.types.ts';

export const PLATFORM_CERTIFICATE_PATH = '/api/developer/platform-certificate';

function integrationView(ctx: AppContext, row: IntegrationRow | undefined) {
  return {
    xaccountType: row?.xaccountType ?? null,
    bindNotifyUrl: row?.bindNotifyUrl ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    certificateUrl: new URL(PLATFORM_CERTIFICATE_PATH, ctx.config.publicUrl).toString(),
    sigAlg: SIG_ALG,
  };
}

export async function partnerIntegration(ctx: AppContext, partnerId: string) {
  return integrationView(ctx, await findIntegration(ctx.db, partnerId));
}

/** R18: the partner's `xaccount_type` and where redirect sign-ups are reported (bindRequest). */
export async function saveIntegration(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  input: { xaccountType?: string | null; bindNotifyUrl?: string | null },
) {
  const url = input.bindNotifyUrl ? assertCallbackUrl(input.bindNotifyUrl) : null;
  return ctx.db.transaction(async (tx) => {
    const before = await findIntegration(tx, actor.partnerId);
    const row = await upsertIntegration(tx, {
      partnerId: actor.partnerId,
      xaccountType: input.xaccountType || null,
      bindNotifyUrl: url,
      updatedAt: ctx.clock.now(),
      updatedBy: actor.id,
    });
    await ctx.audit.record(tx, actor, {
      action: 'partner_integration.updated',
      entityType: 'partner_integration',
      entityId: actor.partnerId,
      partnerId: actor.partnerId,
      before: before ? { xaccountType: before.xaccountType, bindNotifyUrl: before.bindNotifyUrl } : null,
      after: { xaccountType: row.xaccountType, bindNotifyUrl: row.bindNotifyUrl },
    });
    return integrationView(ctx, row);
  });
}

/** The partner's registered `xaccount_type` (null when none), for the partner API's sign-up links. */
export async function partnerXaccountType(
  ctx: AppContext,
  partnerId: string,
  db: DbOrTx = ctx.db,
): Promise<string | null> {
  return (await findIntegration(db, partnerId))?.xaccountType ?? null;
}
