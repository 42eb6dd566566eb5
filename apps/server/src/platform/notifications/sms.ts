import { randomUUID } from 'node:crypto';

/** A way to send text messages. Real gateways implement this; errors are thrown to be retried. */
export interface SmsProvider {
  /** Stored on the delivery record as `provider`. */
  readonly name: string;
  send(to: string, text: string): Promise<{ providerId: string }>;
}

/**
 * The default provider: sends nothing, the message stays readable in the console outbox (its
 * delivery record has status `recorded`).
 */
export const recordingSmsProvider: SmsProvider = {
  name: 'record',
  async send() {
    return { providerId: `rec_${randomUUID()}` };
  },
};
