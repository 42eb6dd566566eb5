import type { FastifyRequest } from 'fastify';
import { requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';

/** Every user of the partner reads its billing; only administrators submit invoices. */
export const canReadBilling = (req: FastifyRequest) => requirePartnerUser(req);
export const canInvoice = (req: FastifyRequest) => requirePartnerUser(req, ['admin']);
/** Operators see the queues; finance checks invoices (the operator admin too). */
export const canViewQueues = (req: FastifyRequest) => requireOperator(req);
export const canCheckInvoices = (req: FastifyRequest) => requireOperator(req, ['finance']);
