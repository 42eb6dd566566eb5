import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId, newToken } from '../../platform/ids/ids.ts';
import { normalizeEmail, sha256, usersByIds } from '../identity/index.ts';
import { notifyPartnerAdmins } from '../memberships/index.ts';
import {
  assertPartnerActive,
  getPartner,
  getPartnerByDomainId,
  partnersByIds,
  searchPartnersByName,
} from '../partners/index.ts';
import { notifyCustomer, TYPE_LABEL } from './customers.notify.ts';
import {
  type CustomerRow,
  decideRequest,
  findActiveAssociation,
  findCustomer,
  findCustomersByContact,
  findPendingRequest,
  findRequest,
  findRequestByTokenHash,
  insertRequest,
  listRequestsOfCustomer,
  listRequestsOfPartner,
  type RequestRow,
} from './customers.repository.ts';
import { type AssociationType, businessDateTime, INVITATION_TTL_MS, maskEmail } from './customers.rules.ts';
import { associate } from './customers.service.ts';

type PartnerActor = Actor & { partnerId: string };

export interface RequestView {
  id: string;
  direction: 'invitation' | 'application';
  partnerId: string;
  partnerName: string;
  partnerDomainId: string;
  customerId: string | null;
  customerName: string | null;
  domainName: string | null;
  email: string | null;
  type: AssociationType;
  /** `expired` also when the expiry passed and nothing marked it yet. */
  status: string;
  createdAt: string;
  expiresAt: string | null;
  decidedAt: string | null;
}

async function viewRequests(
  ctx: AppContext,
  rows: RequestRow[],
  maskContact: boolean,
): Promise<RequestView[]> {
  const partners = await partnersByIds(
    ctx,
    rows.map((r) => r.partnerId),
  );
  const customers = new Map<string, CustomerRow>();
  for (const id of new Set(rows.map((r) => r.customerId).filter((x): x is string => !!x))) {
    const c = await findCustomer(ctx.db, id);
    if (c) customers.set(id, c);
  }
  const now = ctx.clock.now();
  return rows.map((r) => {
    const c = r.customerId ? customers.get(r.customerId) : undefined;
    const p = partners.get(r.partnerId);
    return {
      id: r.id,
      direction: r.direction === 'application' ? 'application' : 'invitation',
      partnerId: r.partnerId,
      partnerName: p?.name ?? r.partnerId,
      partnerDomainId: p?.domainId ?? '',
      customerId: r.customerId,
      customerName: c?.name ?? null,
      domainName: c?.domainName ?? null,
      email: maskContact ? maskEmail(r.email) : r.email,
      type: r.type === 'resale' ? 'resale' : 'referral',
      status: r.status === 'pending' && r.expiresAt && r.expiresAt <= now ? 'expired' : r.status,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
    };
  });
}

/**
 * R6 (a): the partner invites an email address. The link carries a random token (only its hash is
 * stored); the invitee signs up or signs in as a customer and accepts.
 */
export async function inviteCustomer(
  ctx: AppContext,
  actor: PartnerActor,
  input: { email: string; type: AssociationType },
): Promise<RequestView> {
  const email = normalizeEmail(input.email);
  const token = newToken(24);
  const row = await ctx.db.transaction(async (tx) => {
    await assertPartnerActive(tx, actor.partnerId);
    const [existing] = await findCustomersByContact(tx, { email });
    if (existing) {
      const active = await findActiveAssociation(tx, existing.id);
      if (active) throw new AppError('customers.already_associated');
    }
    if (await findPendingRequest(tx, actor.partnerId, existing ? { customerId: existing.id } : { email }))
      throw new AppError('customers.request_pending');
    const now = ctx.clock.now();
    let req: RequestRow;
    try {
      req = await insertRequest(tx, {
        id: newId('creq', now.getTime()),
        direction: 'invitation',
        partnerId: actor.partnerId,
        customerId: existing?.id ?? null,
        email,
        type: input.type,
        status: 'pending',
        tokenHash: sha256(token),
        createdBy: actor.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('customers.request_pending');
      throw e;
    }
    await ctx.audit.record(tx, actor, {
      action: 'customer_invitation.sent',
      entityType: 'association_request',
      entityId: req.id,
      partnerId: actor.partnerId,
      after: { email, type: input.type, expiresAt: req.expiresAt?.toISOString() },
    });
    const partner = await getPartner(ctx, actor.partnerId, tx);
    const link = `${ctx.config.publicUrl}/customer/invitation?token=${encodeURIComponent(token)}`;
    const expiresAt = req.expiresAt ? businessDateTime(req.expiresAt) : '';
    const [user] = existing?.userId ? await usersByIds(ctx, [existing.userId], tx) : [];
    const locale = user?.locale === 'en-US' ? 'en-US' : actor.locale;
    await ctx.notifier.notify(tx, {
      template: 'customers.invited',
      locale,
      to: { email, userId: user?.id ?? null },
      channels: ['email'],
      data: {
        name: email,
        partnerName: partner?.name ?? '',
        type: TYPE_LABEL[input.type][locale],
        link,
        expiresAt,
      },
      idempotencyKey: `creq:${req.id}`,
    });
    return req;
  });
  const [view] = await viewRequests(ctx, [row], false);
  if (!view) throw new AppError('common.not_found');
  return view;
}

/** The partner withdraws its pending invitation. */
export async function revokeInvitation(ctx: AppContext, actor: PartnerActor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const req = await findRequest(tx, id);
    if (!req || req.partnerId !== actor.partnerId || req.direction !== 'invitation')
      throw new AppError('common.not_found');
    await decide(ctx, tx, actor, req, 'revoked');
  });
}

async function decide(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  req: RequestRow,
  status: 'accepted' | 'declined' | 'revoked',
  customerId?: string,
): Promise<RequestRow> {
  const done = await decideRequest(tx, req.id, {
    status,
    decidedAt: ctx.clock.now(),
    decidedBy: actor.id,
    ...(customerId ? { customerId } : {}),
  });
  if (!done) {
    const current = await findRequest(tx, req.id);
    throw new AppError('customers.request_not_pending', { status: current?.status ?? req.status });
  }
  await ctx.audit.record(tx, actor, {
    action: `customer_${req.direction}.${status}`,
    entityType: 'association_request',
    entityId: req.id,
    partnerId: req.partnerId,
    before: { status: 'pending' },
    after: { status, customerId: customerId ?? req.customerId },
  });
  return done;
}

/** What the invitation page shows before anyone signs in: partner, type, masked address, state. */
export async function invitationByToken(ctx: AppContext, token: string): Promise<RequestView> {
  const req = await findRequestByTokenHash(ctx.db, sha256(token));
  if (req?.direction !== 'invitation') throw new AppError('common.not_found');
  const [view] = await viewRequests(ctx, [req], true);
  if (!view) throw new AppError('common.not_found');
  return view;
}

async function pendingInvitation(tx: DbOrTx, token: string, now: Date): Promise<RequestRow> {
  const req = await findRequestByTokenHash(tx, sha256(token));
  if (req?.direction !== 'invitation') throw new AppError('common.not_found');
  if (req.status !== 'pending') throw new AppError('customers.request_not_pending', { status: req.status });
  if (req.expiresAt && req.expiresAt <= now) throw new AppError('customers.invitation_expired');
  return req;
}

/** The signed-in customer, whose email must be the invited one, accepts: the association starts. */
export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  customer: { customerId: string; email: string },
  token: string,
  db?: DbOrTx,
): Promise<void> {
  const run = async (tx: DbOrTx) => {
    const req = await pendingInvitation(tx, token, ctx.clock.now());
    if (normalizeEmail(req.email ?? '') !== normalizeEmail(customer.email))
      throw new AppError('customers.invitation_other_email');
    await decide(ctx, tx, actor, req, 'accepted', customer.customerId);
    await associate(ctx, tx, actor, {
      customerId: customer.customerId,
      partnerId: req.partnerId,
      type: req.type === 'resale' ? 'resale' : 'referral',
      source: 'invitation',
    });
  };
  if (db) await run(db);
  else await ctx.db.transaction(run);
}

export async function declineInvitation(
  ctx: AppContext,
  actor: Actor,
  customer: { customerId: string; email: string },
  token: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const req = await pendingInvitation(tx, token, ctx.clock.now());
    if (normalizeEmail(req.email ?? '') !== normalizeEmail(customer.email))
      throw new AppError('customers.invitation_other_email');
    await decide(ctx, tx, actor, req, 'declined', customer.customerId);
  });
}

/** Partners a customer can apply to: exact account id, or name containing the text (10 at most). */
export async function findPartnersForCustomer(
  ctx: AppContext,
  q: string,
): Promise<{ domainId: string; name: string }[]> {
  const text = q.trim();
  if (text.length < 2) return [];
  const byId = await getPartnerByDomainId(ctx.db, text.toLowerCase());
  if (byId) return [{ domainId: byId.domainId, name: byId.name }];
  return (await searchPartnersByName(ctx.db, text, 10)).map((p) => ({ domainId: p.domainId, name: p.name }));
}

/** R6 (b): the customer applies to a partner chosen by its account id (the page searches by name too). */
export async function applyToPartner(
  ctx: AppContext,
  actor: Actor,
  customerId: string,
  input: { partnerDomainId: string; type: AssociationType },
): Promise<RequestView> {
  const row = await ctx.db.transaction(async (tx) => {
    const partner = await getPartnerByDomainId(tx, input.partnerDomainId.trim().toLowerCase());
    if (partner?.status !== 'active') throw new AppError('customers.partner_not_found');
    const customer = await findCustomer(tx, customerId);
    if (!customer) throw new AppError('common.not_found');
    if (await findActiveAssociation(tx, customer.id)) throw new AppError('customers.already_associated');
    if (await findPendingRequest(tx, partner.id, { customerId: customer.id }))
      throw new AppError('customers.request_pending');
    const now = ctx.clock.now();
    let req: RequestRow;
    try {
      req = await insertRequest(tx, {
        id: newId('creq', now.getTime()),
        direction: 'application',
        partnerId: partner.id,
        customerId: customer.id,
        email: customer.email,
        type: input.type,
        status: 'pending',
        createdBy: actor.id,
        createdAt: now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('customers.request_pending');
      throw e;
    }
    await ctx.audit.record(tx, actor, {
      action: 'customer_application.submitted',
      entityType: 'association_request',
      entityId: req.id,
      partnerId: partner.id,
      after: { customerId: customer.id, type: input.type },
    });
    await notifyPartnerAdmins(
      ctx,
      tx,
      partner.id,
      'customers.application_received',
      `creq:${req.id}`,
      (l) => ({
        customerName: customer.name,
        domainName: customer.domainName,
        type: TYPE_LABEL[input.type][l],
      }),
    );
    return req;
  });
  const [view] = await viewRequests(ctx, [row], false);
  if (!view) throw new AppError('common.not_found');
  return view;
}

/** The customer withdraws its pending application. */
export async function withdrawApplication(
  ctx: AppContext,
  actor: Actor,
  customerId: string,
  id: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const req = await findRequest(tx, id);
    if (!req || req.customerId !== customerId || req.direction !== 'application')
      throw new AppError('common.not_found');
    await decide(ctx, tx, actor, req, 'revoked');
  });
}

/** The partner accepts or declines a customer's application. */
export async function answerApplication(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
  accept: boolean,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const req = await findRequest(tx, id);
    if (!req || req.partnerId !== actor.partnerId || req.direction !== 'application' || !req.customerId)
      throw new AppError('common.not_found');
    await decide(ctx, tx, actor, req, accept ? 'accepted' : 'declined');
    if (accept) {
      await associate(ctx, tx, actor, {
        customerId: req.customerId,
        partnerId: req.partnerId,
        type: req.type === 'resale' ? 'resale' : 'referral',
        source: 'application',
      });
      return;
    }
    const customer = await findCustomer(tx, req.customerId);
    const partner = await getPartner(ctx, req.partnerId, tx);
    if (customer)
      await notifyCustomer(
        ctx,
        tx,
        customer,
        'customers.application_declined',
        `creq-decl:${req.id}`,
        () => ({ partnerName: partner?.name ?? '' }),
        { sms: false },
      );
  });
}

export async function requestsOfPartner(ctx: AppContext, partnerId: string): Promise<RequestView[]> {
  return viewRequests(ctx, await listRequestsOfPartner(ctx.db, partnerId), false);
}

export async function requestsOfCustomer(
  ctx: AppContext,
  customerId: string,
  email: string | null,
): Promise<RequestView[]> {
  return viewRequests(ctx, await listRequestsOfCustomer(ctx.db, customerId, email), false);
}
