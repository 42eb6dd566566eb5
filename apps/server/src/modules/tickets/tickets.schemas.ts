import { z } from 'zod';

export const TICKET_CATEGORIES = [
  'certification',
  'certificate',
  'membership',
  'organization',
  'account',
  'billing',
  'technical',
  'other',
] as const;
export const TICKET_STATUSES = ['open', 'pending', 'resolved', 'closed'] as const;
/** What a ticket may be about; the portal links each kind to its page. */
export const TICKET_SUBJECT_TYPES = [
  'certification_submission',
  'certificate',
  'membership_application',
  'incentive_notice',
] as const;

export type TicketStatus = (typeof TICKET_STATUSES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const id = z.string().min(1).max(64);

export const ticketParams = z.strictObject({ id });

export const openTicketBody = z
  .strictObject({
    category: z.enum(TICKET_CATEGORIES),
    subject: text(200),
    description: text(10_000),
    subjectType: z.enum(TICKET_SUBJECT_TYPES).optional(),
    subjectId: id.optional(),
  })
  .refine((b) => (b.subjectType === undefined) === (b.subjectId === undefined), {
    message: 'subjectType and subjectId go together',
    path: ['subjectId'],
  });

export const replyBody = z.strictObject({ body: text(10_000) });
export const resolveBody = z.strictObject({ body: text(10_000).optional() });

const statusList = z
  .string()
  .max(100)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(z.enum(TICKET_STATUSES)).max(4));

export const partnerListQuery = z.strictObject({
  /** One status or several, comma-separated. */
  status: statusList.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});

export const consoleListQuery = z.strictObject({
  status: statusList.optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  /** An operator id, `me` or `none` (unassigned). */
  assignee: id.optional(),
  partnerId: id.optional(),
  /** Text in the subject, or a ticket id. */
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
});

export const assignBody = z.strictObject({
  ticketIds: z.array(id).min(1).max(100),
  /** null takes the tickets off everyone. */
  assigneeId: id.nullable(),
});

const person = z.object({ id: z.string(), name: z.string() });

export const ticketView = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  category: z.enum(TICKET_CATEGORIES),
  subject: z.string(),
  description: z.string(),
  subjectType: z.enum(TICKET_SUBJECT_TYPES).nullable(),
  subjectId: z.string().nullable(),
  status: z.enum(TICKET_STATUSES),
  openedBy: person,
  assignee: person.nullable(),
  dueAt: z.iso.datetime(),
  /** Past its due time unresolved (flagged by the job, or late right now). */
  overdue: z.boolean(),
  escalatedAt: z.iso.datetime().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
  lastReplyAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});

export const replyView = z.object({
  id: z.string(),
  authorType: z.enum(['partner', 'operator']),
  author: person,
  kind: z.enum(['reply', 'resolution', 'reopen']),
  body: z.string(),
  createdAt: z.iso.datetime(),
});

export const ticketDetail = ticketView.extend({ replies: z.array(replyView) });
export const ticketPage = z.object({ items: z.array(ticketView), nextCursor: z.string().nullable() });
export const assignResponse = z.object({ count: z.number().int() });
export const assigneesResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
});

export const holidayParams = z.strictObject({ date: z.string().min(1).max(20) });
export const holidayQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const holidayBody = z.strictObject({
  kind: z.enum(['holiday', 'workday']),
  nameZh: text(50),
  nameEn: text(80),
});
export const holidayView = z.object({
  date: z.string(),
  kind: z.enum(['holiday', 'workday']),
  nameZh: z.string(),
  nameEn: z.string(),
  updatedAt: z.iso.datetime(),
});
export const holidayList = z.object({ items: z.array(holidayView) });
export const holidayChange = z.object({
  /** Open tickets whose due time moved because of the change. */
  ticketsRedated: z.number().int(),
});

export type OpenTicketInput = z.infer<typeof openTicketBody>;
export type TicketView = z.infer<typeof ticketView>;
export type TicketDetail = z.infer<typeof ticketDetail>;
export type ConsoleListQuery = z.infer<typeof consoleListQuery>;
export type HolidayInput = z.infer<typeof holidayBody>;
