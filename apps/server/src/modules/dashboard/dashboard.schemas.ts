import { z } from 'zod';

const fen = z.number().int();

export const dashboardResponse = z.object({
  performance: z.object({
    year: z.number().int(),
    amountFen: fen,
    previousYearFen: fen,
    thresholdFen: fen,
    reached: z.boolean(),
    remainingFen: fen,
  }),
  certificate: z
    .object({ number: z.string(), status: z.enum(['active', 'expired']), validUntil: z.string() })
    .nullable(),
  tasks: z.object({
    /** The annual certificate review awaiting materials, with its deadline. */
    reviewDue: z.object({ deadline: z.string(), status: z.string() }).nullable(),
    invitations: z.number().int(),
    ticketsAwaitingReply: z.number().int(),
    unconfirmedIncentives: z.number().int(),
  }),
  budgetAlerts: z.array(
    z.object({
      id: z.string(),
      customerId: z.string(),
      customerName: z.string(),
      threshold: z.number().int(),
      usedFen: fen,
      budgetFen: fen,
      restricted: z.boolean(),
      createdAt: z.string(),
    }),
  ),
  manager: z.object({ name: z.string(), email: z.string(), phone: z.string().nullable() }).nullable(),
});

export const workQueuesQuery = z.strictObject({
  /** Count, per queue, the items that arrived after this instant (the bell's last look). */
  since: z.iso.datetime({ offset: true }).optional(),
});

export const workQueuesResponse = z.object({
  queues: z.array(
    z.object({
      key: z.string(),
      count: z.number().int(),
      newSince: z.number().int(),
      newestAt: z.string().nullable(),
    }),
  ),
  /** The server's time of the count: the next `since`. */
  at: z.string(),
});
