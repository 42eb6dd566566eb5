import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requirePartnerUser } from '../../platform/http/auth.ts';
import { inviteMember, listInvitationViews, revokeInvitation } from './invitations.service.ts';
import { listMembers, setMemberActive, setMemberRoles } from './members.service.ts';
import { ORGANIZATION_MANAGER_ROLES } from './organization.policy.ts';
import {
  deletedResponse,
  employmentBody,
  idParams,
  invitationList,
  invitationListQuery,
  invitationView,
  inviteBody,
  memberList,
  memberQualifications as memberQualificationsSchema,
  memberView,
  myQualifications,
  overview,
  overviewQuery,
  qualificationBody,
  qualificationView,
  rolesBody,
} from './organization.schemas.ts';
import {
  addQualification,
  changeQualification,
  memberQualifications,
  organizationQualifications,
  qualificationsOf,
  removeQualification,
  saveEmployment,
} from './qualifications.service.ts';

type Req = Parameters<typeof requirePartnerUser>[0];
const admin = (req: Req) => requirePartnerUser(req, ORGANIZATION_MANAGER_ROLES);
const adminGuard = { preValidation: async (req: Req) => void admin(req) };
const userGuard = { preValidation: async (req: Req) => void requirePartnerUser(req) };
const partnerActor = (req: Req) => {
  const u = requirePartnerUser(req);
  return { ...actorOf(req), id: u.id, partnerId: u.partnerId };
};

/** Portal: Organization (R12). Administrators manage; every user keeps their own qualifications. */
export const organizationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['organization'], security: [{ session: [] }] };
  const unsafe = { tags: ['organization'], security: [{ session: [], csrf: [] }] };

  app.get(
    '/api/organization/members',
    {
      schema: { ...base, summary: 'Members of my company (administrators)', response: { 200: memberList } },
      ...adminGuard,
    },
    async (req) => listMembers(ctx, admin(req).partnerId),
  );

  app.get(
    '/api/organization/project-specialists',
    {
      schema: { ...base, summary: 'Members with the project specialist role', response: { 200: memberList } },
      ...adminGuard,
    },
    async (req) => listMembers(ctx, admin(req).partnerId, { role: 'project_specialist' }),
  );

  app.put(
    '/api/organization/members/:id/roles',
    {
      schema: {
        ...unsafe,
        summary: 'Assign roles: admin or member, optionally project_specialist',
        params: idParams,
        body: rolesBody,
        response: { 200: memberView },
      },
      ...adminGuard,
    },
    async (req) => setMemberRoles(ctx, partnerActor(req), req.params.id, req.body.roles),
  );

  for (const [path, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(
      `/api/organization/members/:id/${path}`,
      {
        schema: {
          ...unsafe,
          summary: active ? 'Let a deactivated member sign in again' : 'Stop a member signing in',
          params: idParams,
          response: { 200: memberView },
        },
        ...adminGuard,
      },
      async (req) => setMemberActive(ctx, partnerActor(req), req.params.id, active),
    );
  }

  app.get(
    '/api/organization/members/:id/qualifications',
    {
      schema: {
        ...base,
        summary: "One member's employment and qualification records",
        params: idParams,
        response: { 200: memberQualificationsSchema },
      },
      ...adminGuard,
    },
    async (req) => memberQualifications(ctx, admin(req).partnerId, req.params.id),
  );

  app.get(
    '/api/organization/qualifications',
    {
      schema: {
        ...base,
        summary: "The whole organization's qualifications, by member",
        querystring: overviewQuery,
        response: { 200: overview },
      },
      ...adminGuard,
    },
    async (req) => organizationQualifications(ctx, admin(req).partnerId, req.query),
  );

  app.get(
    '/api/organization/invitations',
    {
      schema: {
        ...base,
        summary: 'Invitation list (pending, accepted, expired, revoked)',
        querystring: invitationListQuery,
        response: { 200: invitationList },
      },
      ...adminGuard,
    },
    async (req) => listInvitationViews(ctx, admin(req).partnerId, req.query.status),
  );

  app.post(
    '/api/organization/invitations',
    {
      schema: {
        ...unsafe,
        summary: 'Invite a person by email (valid 7 days)',
        body: inviteBody,
        response: { 201: invitationView },
      },
      ...adminGuard,
    },
    async (req, reply) => {
      reply.status(201);
      return inviteMember(ctx, partnerActor(req), req.body);
    },
  );

  app.post(
    '/api/organization/invitations/:id/revoke',
    {
      schema: {
        ...unsafe,
        summary: 'Revoke a pending invitation',
        params: idParams,
        response: { 200: invitationView },
      },
      ...adminGuard,
    },
    async (req) => revokeInvitation(ctx, partnerActor(req), req.params.id),
  );

  app.get(
    '/api/organization/me/qualifications',
    {
      schema: {
        ...base,
        summary: 'My employment and qualification records',
        response: { 200: myQualifications },
      },
      ...userGuard,
    },
    async (req) => qualificationsOf(ctx, requirePartnerUser(req).id),
  );

  app.put(
    '/api/organization/me/employment',
    {
      schema: {
        ...unsafe,
        summary: 'Save my employment details',
        body: employmentBody,
        response: { 200: myQualifications },
      },
      ...userGuard,
    },
    async (req) => saveEmployment(ctx, partnerActor(req), req.body),
  );

  app.post(
    '/api/organization/me/qualifications',
    {
      schema: {
        ...unsafe,
        summary: 'Add a certificate, training or project record',
        body: qualificationBody,
        response: { 201: qualificationView },
      },
      ...userGuard,
    },
    async (req, reply) => {
      reply.status(201);
      return addQualification(ctx, partnerActor(req), req.body);
    },
  );

  app.put(
    '/api/organization/me/qualifications/:id',
    {
      schema: {
        ...unsafe,
        summary: 'Change one of my records',
        params: idParams,
        body: qualificationBody,
        response: { 200: qualificationView },
      },
      ...userGuard,
    },
    async (req) => changeQualification(ctx, partnerActor(req), req.params.id, req.body),
  );

  app.delete(
    '/api/organization/me/qualifications/:id',
    {
      schema: {
        ...unsafe,
        summary: 'Delete one of my records',
        params: idParams,
        response: { 200: deletedResponse },
      },
      ...userGuard,
    },
    async (req) => {
      await removeQualification(ctx, partnerActor(req), req.params.id);
      return { id: req.params.id, deleted: true as const };
    },
  );
};
