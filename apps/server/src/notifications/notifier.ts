// PLACEHOLDER until the notifications service lands: records each message as a delivery row.
import { type DbOrTx, schema } from '@pc/db';
import type { Notifier, NotifyInput } from '../context.ts';
import type { Clock } from '../lib/clock.ts';
import { newId } from '../lib/ids.ts';

export function createNotifier(clock: Clock): Notifier {
  return {
    async notify(tx: DbOrTx, input: NotifyInput) {
      const now = clock.now();
      for (const channel of input.channels) {
        const recipient =
          channel === 'email' ? input.to.email : channel === 'sms' ? input.to.phone : input.to.userId;
        if (!recipient) continue;
        await tx
          .insert(schema.notifications)
          .values({
            id: newId('ntf', now.getTime()),
            idempotencyKey: `${input.idempotencyKey}:${channel}`,
            channel,
            template: input.template,
            locale: input.locale,
            recipient,
            userId: input.to.userId ?? null,
            partnerId: input.to.partnerId ?? null,
            subject: input.template,
            body: JSON.stringify(input.data),
            data: input.data,
            status: 'recorded',
            createdAt: now,
          })
          .onConflictDoNothing();
      }
    },
  };
}
