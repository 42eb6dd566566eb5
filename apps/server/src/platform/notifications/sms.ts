import { randomUUID } from 'node:crypto';

/** One text message to send: the rendered text, and the template with its values for gateways that need them. */
export interface SmsMessage {
  /** The notification id: gateways that echo an id back (Alibaba Cloud `OutId`) get this one. */
  id: string;
  to: string;
  text: string;
  /** Our template id, e.g. `identity.email_code`. */
  template: string;
  /** The values of the placeholders of the template's SMS text, as strings. */
  params: Record<string, string>;
}

/** A way to send text messages. Real gateways implement this; thrown errors are retried with backoff. */
export interface SmsProvider {
  /** Stored on the delivery record as `provider`. */
  readonly name: string;
  send(message: SmsMessage): Promise<{ providerId: string }>;
}

/** A refusal that no retry can fix (bad number, template not configured): the record fails at once. */
export class PermanentSmsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentSmsError';
  }
}

/** A delivery report a gateway sent back (status callback). */
export interface SmsReport {
  notificationId: string;
  providerId: string | null;
  delivered: boolean;
  /** The gateway's error code when not delivered. */
  error: string | null;
}

/**
 * The provider of demo and tests: sends nothing. Its delivery records have status `recorded`, with
 * verification codes masked like any delivered message; the notifier keeps the text in memory
 * (`notifier.recorded()`), where tests and the test-control routes read it.
 */
export function createRecordingSmsProvider(): SmsProvider {
  return {
    name: 'record',
    async send() {
      return { providerId: `rec_${randomUUID()}` };
    },
  };
}
