/** Every event type a partner can subscribe a webhook endpoint to. */
export const EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.frozen',
  'customer.unfrozen',
  'association.created',
  'association.type_changed',
  'association.ended',
  'budget.set',
  'budget.deleted',
  'budget.threshold_crossed',
  'budget.restricted',
  'budget.unrestricted',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

export interface EmitEventInput {
  /** partners.id of the partner the event belongs to (its endpoints receive it). */
  partnerId: string;
  /** The ordering key within the partner: customers.id for customer events. */
  subjectId: string;
  type: EventType;
  /** JSON-serialisable body of the event (snake_case, API ids). */
  data: Record<string, unknown>;
}

/** `kind` of a delivery row. */
export type DeliveryKind = 'webhook' | 'bind_callback';

/** `status` of a delivery row. */
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** The redirect sign-up callback (R18), as the contract names its fields. */
export interface BindCallbackInput {
  partnerId: string;
  domainName: string;
  domainId: string;
  xUserId: string;
  bindAction: string;
}

/** The job that sends due deliveries (queued on every enqueue, after a failure and by cron). */
export const DELIVER_JOB = 'events.deliver';

export const WEBHOOK_CONTENT_TYPE = 'application/json';
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
export const SIG_ALG = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
