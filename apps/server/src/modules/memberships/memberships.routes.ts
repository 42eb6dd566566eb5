import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePartnerUser } from '../../platform/http/auth.ts';
import { applyToProgram, viewApplications, withdrawApplication } from './applications.service.ts';
import {
  acceptInvitation,
  assertIsDistributor,
  declineInvitation,
  exitDistributor,
  inviteReseller,
  receivedInvitations,
  resellersOf,
  revokeInvitation,
  sentInvitations,
} from './hierarchy.service.ts';
import {
  applicationView,
  applyBody,
  idParams,
  invitationsResponse,
  inviteBody,
  okResponse,
  overviewResponse,
  programFitsResponse,
  resellersResponse,
} from './memberships.schemas.ts';
import { membershipOverview, programsForPartner } from './memberships.service.ts';

type Req = Parameters<typeof requirePartnerUser>[0];
const anyUser = { preValidation: async (req: Req) => void requirePartnerUser(req) };
const adminOnly = { preValidation: async (req: Req) => void requirePartnerUser(req, ['admin']) };
const partnerActor = (req: Req) => ({ ...actorOf(req), partnerId: requirePartnerUser(req).partnerId });
const createdResponse = z.object({ id: z.string() });

/** R2, R5 in the portal: programs held, applications, the distributor hierarchy. */
export const membershipsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const read = { tags: ['memberships'], security: [{ session: [] }] };
  const write = { tags: ['memberships'], security: [{ session: [], csrf: [] }] };

  app.get(
    '/api/memberships',
    {
      schema: {
        ...read,
        summary: 'My programs, applications, performance, distributor and ecosystem manager',
        response: { 200: overviewResponse },
      },
      ...anyUser,
    },
    async (req) => membershipOverview(ctx, requirePartnerUser(req).partnerId),
  );
  app.get(
    '/api/memberships/programs',
    {
      schema: {
        ...read,
        summary:
          'Every program and how it fits my kind (member, apply, invitation, next step, or not for my kind and why)',
        response: { 200: programFitsResponse },
      },
      ...anyUser,
    },
    async (req) => programsForPartner(ctx, requirePartnerUser(req).partnerId, req.locale),
  );
  app.post(
    '/api/memberships/applications',
    {
      schema: {
        ...write,
        summary: 'Apply to join a program (administrator)',
        body: applyBody,
        response: { 200: applicationView },
      },
      ...adminOnly,
    },
    async (req) => {
      const row = await applyToProgram(ctx, partnerActor(req), req.body);
      const [view] = await viewApplications(ctx, [row]);
      return view;
    },
  );
  app.post(
    '/api/memberships/applications/:id/withdraw',
    {
      schema: {
        ...write,
        summary: 'Withdraw an application waiting for review (administrator)',
        params: idParams,
        response: { 200: okResponse },
      },
      ...adminOnly,
    },
    async (req) => {
      await withdrawApplication(ctx, partnerActor(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/memberships/invitations',
    {
      schema: {
        ...read,
        summary: 'Cloud reseller invitations my company received',
        response: { 200: invitationsResponse },
      },
      ...anyUser,
    },
    async (req) => ({ items: await receivedInvitations(ctx, requirePartnerUser(req).partnerId) }),
  );
  for (const [verb, fn] of [
    ['accept', acceptInvitation],
    ['decline', declineInvitation],
  ] as const) {
    app.post(
      `/api/memberships/invitations/:id/${verb}`,
      {
        schema: {
          ...write,
          summary: `${verb === 'accept' ? 'Accept' : 'Decline'} a distributor's invitation (administrator)`,
          params: idParams,
          response: { 200: okResponse },
        },
        ...adminOnly,
      },
      async (req) => {
        await fn(ctx, partnerActor(req), req.params.id);
        return { ok: true as const };
      },
    );
  }
  app.post(
    '/api/memberships/distributor/exit',
    {
      schema: {
        ...write,
        summary: 'Leave the current distributor (administrator)',
        response: { 200: okResponse },
      },
      ...adminOnly,
    },
    async (req) => {
      await exitDistributor(ctx, partnerActor(req));
      return { ok: true as const };
    },
  );
  app.get(
    '/api/memberships/resellers',
    {
      schema: {
        ...read,
        summary: 'A distributor’s cloud resellers with their performance',
        response: { 200: resellersResponse },
      },
      ...anyUser,
    },
    async (req) => {
      const { partnerId } = requirePartnerUser(req);
      await assertIsDistributor(ctx, partnerId);
      return { items: await resellersOf(ctx, partnerId) };
    },
  );
  app.get(
    '/api/memberships/sent-invitations',
    {
      schema: { ...read, summary: 'Invitations a distributor sent', response: { 200: invitationsResponse } },
      ...anyUser,
    },
    async (req) => {
      const { partnerId } = requirePartnerUser(req);
      await assertIsDistributor(ctx, partnerId);
      return { items: await sentInvitations(ctx, partnerId) };
    },
  );
  app.post(
    '/api/memberships/sent-invitations',
    {
      schema: {
        ...write,
        summary: 'Invite a registered partner to be a cloud reseller (distributor administrator)',
        body: inviteBody,
        response: { 200: createdResponse },
      },
      ...adminOnly,
    },
    async (req) => ({ id: (await inviteReseller(ctx, partnerActor(req), req.body)).id }),
  );
  app.post(
    '/api/memberships/sent-invitations/:id/revoke',
    {
      schema: {
        ...write,
        summary: 'Revoke a pending invitation (distributor administrator)',
        params: idParams,
        response: { 200: okResponse },
      },
      ...adminOnly,
    },
    async (req) => {
      await revokeInvitation(ctx, partnerActor(req), req.params.id);
      return { ok: true as const };
    },
  );
};
