import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { insertDeliveries } from './deliveries.repository.ts';
import { findIntegration } from './events.repository.ts';
import { type BindCallbackInput, DELIVER_JOB, FORM_CONTENT_TYPE, SIG_ALG } from './events.types.ts';
import { signWithPlatformKey } from './platform-key.service.ts';

/**
 * The contract's callback body: `bindRequest` = Base64 of the JSON, `Signature` = Base64 RSA-SHA256
 * over the `bindRequest` value (the Base64 text) with the platform private key.
 */
export async function bindCallbackForm(
  ctx: AppContext,
  tx: DbOrTx,
  input: Omit<BindCallbackInput, 'partnerId'>,
): Promise<string> {
  const json = JSON.stringify({
    domainName: input.domainName,
    domainId: input.domainId,
    xUserId: input.xUserId,
    bindAction: input.bindAction,
  });
  const bindRequest = Buffer.from(json, 'utf8').toString('base64');
  const signature = await signWithPlatformKey(ctx, bindRequest, tx);
  return new URLSearchParams({ bindRequest, SigAlg: SIG_ALG, Signature: signature }).toString();
}

/**
 * R18: queues the signed `bindRequest` POST to the partner's registered notification URL, in the
 * caller's transaction (no-op when the partner registered none). Returns the delivery id.
 */
export async function enqueueBindCallback(
  ctx: AppContext,
  tx: DbOrTx,
  input: BindCallbackInput,
): Promise<{ deliveryId: string } | null> {
  const integration = await findIntegration(tx, input.partnerId);
  const url = integration?.bindNotifyUrl;
  if (!url) return null;
  const now = ctx.clock.now();
  const id = newId('dlv', now.getTime());
  await insertDeliveries(tx, [
    {
      id,
      kind: 'bind_callback',
      partnerId: input.partnerId,
      orderingKey: `bind:${input.partnerId}:${input.domainId}`,
      url,
      payload: await bindCallbackForm(ctx, tx, input),
      contentType: FORM_CONTENT_TYPE,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    },
  ]);
  await ctx.jobs.send(DELIVER_JOB, {}, { tx });
  return { deliveryId: id };
}
