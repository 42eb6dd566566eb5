import type { OperatorRole } from '../../platform/http/auth.ts';

/** Operators who answer, resolve and assign tickets (`admin` may do everything anyway). */
export const TICKET_HANDLER_ROLES: readonly OperatorRole[] = ['support', 'admin'];

/** Operators who may read the queue: handlers, and ecosystem managers who follow their partners. */
export const TICKET_READER_ROLES: readonly OperatorRole[] = ['support', 'admin', 'ecosystem_manager'];

/** Only operator administrators change the working-day calendar; any operator may read it. */
export const CALENDAR_WRITER_ROLES: readonly OperatorRole[] = ['admin'];
