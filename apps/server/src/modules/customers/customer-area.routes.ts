import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireCustomerUser, setSessionCookie } from '../../platform/http/auth.ts';
import { meOf } from '../identity/index.ts';
import { associationTypeOf } from './customers.rules.ts';
import {
  applyBody,
  customerSignUpBody,
  customerSignUpResponse,
  idParams,
  okResponse,
  ownAccount as ownAccountSchema,
  partnerSearchQuery,
  partnerSearchResult,
  requestList,
  requestView,
  signUpCodeBody,
  signUpCodeResponse,
  tokenBody,
  tokenQuery,
} from './customers.schemas.ts';
import { ownAccount } from './customers.views.ts';
import {
  acceptInvitation,
  applyToPartner,
  declineInvitation,
  findPartnersForCustomer,
  invitationByToken,
  requestsOfCustomer,
  withdrawApplication,
} from './requests.service.ts';
import { sendSignupCode, signUpCustomer } from './signup.service.ts';

type Req = Parameters<typeof requireCustomerUser>[0];
const guard = {
  preValidation: async (req: Req) => {
    requireCustomerUser(req);
  },
};
const customerOf = (req: Req) => {
  const u = requireCustomerUser(req);
  return { customerId: u.customerId, email: u.email };
};

/**
 * The customer's own area (R6): account page, applications to a partner, invitation answers; and the
 * public customer sign-up (also the partner redirect sign-up of R18) and invitation preview.
 */
export const customerAreaRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['customer-area'], security: [{ session: [] }] };
  const unsafe = { tags: ['customer-area'], security: [{ session: [], csrf: [] }] };
  const pub = { tags: ['customer-area'] };

  app.post(
    '/api/auth/customer/sign-up/code',
    {
      schema: {
        ...pub,
        summary: 'Send a customer sign-up code to an email address',
        body: signUpCodeBody,
        response: { 200: signUpCodeResponse },
      },
    },
    async (req) => sendSignupCode(ctx, req.body, { ip: req.ip ?? null }),
  );

  app.post(
    '/api/auth/customer/sign-up',
    {
      schema: {
        ...pub,
        summary:
          'Sign up as a customer (email code); with partner + xaccount parameters the customer is associated with that partner and the bind callback is queued; signs in',
        body: customerSignUpBody,
        response: { 200: customerSignUpResponse },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const ua = req.headers['user-agent'];
      const out = await signUpCustomer(
        ctx,
        actorOf(req),
        {
          name: b.name,
          email: b.email,
          phone: b.phone ?? null,
          password: b.password,
          code: b.code,
          domainName: b.domainName ?? null,
          customerType: b.customerType,
          locale: b.locale,
          partner: b.partner
            ? {
                domainId: b.partner,
                xaccountType: b.xaccountType ?? null,
                xaccountId: b.xaccountId ?? null,
                associationType: associationTypeOf(b.associationType),
              }
            : null,
          invitationToken: b.invitationToken ?? null,
        },
        { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null },
      );
      setSessionCookie(req, reply, out.session.token, out.session.expiresAt);
      return { user: await meOf(ctx, out.user), customerDomainId: out.customerDomainId };
    },
  );

  app.get(
    '/api/auth/customer/invitation',
    {
      schema: {
        ...pub,
        summary: 'The invitation behind a link: partner, type, masked address, state',
        querystring: tokenQuery,
        response: { 200: requestView },
      },
    },
    async (req) => invitationByToken(ctx, req.query.token),
  );

  app.get(
    '/api/customer/account',
    {
      schema: {
        ...base,
        summary: 'My customer account and current partner',
        response: { 200: ownAccountSchema },
      },
      ...guard,
    },
    async (req) => ownAccount(ctx, customerOf(req).customerId),
  );

  app.get(
    '/api/customer/requests',
    {
      schema: {
        ...base,
        summary: 'My applications and the invitations sent to me',
        response: { 200: requestList },
      },
      ...guard,
    },
    async (req) => {
      const c = customerOf(req);
      return { items: await requestsOfCustomer(ctx, c.customerId, c.email) };
    },
  );

  app.get(
    '/api/customer/partners',
    {
      schema: {
        ...base,
        summary: 'Find a partner to apply to, by account ID or name',
        querystring: partnerSearchQuery,
        response: { 200: partnerSearchResult },
      },
      ...guard,
    },
    async (req) => ({ items: await findPartnersForCustomer(ctx, req.query.q) }),
  );

  app.post(
    '/api/customer/applications',
    {
      schema: {
        ...unsafe,
        summary: 'Apply to be associated with a partner',
        body: applyBody,
        response: { 201: requestView },
      },
      ...guard,
    },
    async (req, reply) => {
      reply.status(201);
      return applyToPartner(ctx, actorOf(req), customerOf(req).customerId, req.body);
    },
  );

  app.post(
    '/api/customer/applications/:id/withdraw',
    {
      schema: {
        ...unsafe,
        summary: 'Withdraw my pending application',
        params: idParams,
        response: { 200: okResponse },
      },
      ...guard,
    },
    async (req) => {
      await withdrawApplication(ctx, actorOf(req), customerOf(req).customerId, req.params.id);
      return { ok: true as const };
    },
  );

  for (const [action, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    app.post(
      `/api/customer/invitations/${action}`,
      {
        schema: {
          ...unsafe,
          summary: accept ? 'Accept an invitation (link token)' : 'Decline an invitation (link token)',
          body: tokenBody,
          response: { 200: okResponse },
        },
        ...guard,
      },
      async (req) => {
        const fn = accept ? acceptInvitation : declineInvitation;
        await fn(ctx, actorOf(req), customerOf(req), req.body.token);
        return { ok: true as const };
      },
    );
  }
};
