import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/auth.ts';
import { canEditOwn, canReadOwn } from './certification.policy.ts';
import {
  businessDraftBody,
  businessView,
  certificationResponse,
  payoutEligibilityResponse,
  qualificationDraftBody,
  qualificationView,
} from './certification.schemas.ts';
import { getCertification, saveDraft, submitStage } from './certification.service.ts';
import { payoutEligibility } from './payout-gate.service.ts';

const tags = ['certification'];
const security = [{ session: [] }];

/** The partner's side of the two-stage certification (R3, R10) and the payout gate (R4). */
export const certificationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/certification',
    {
      schema: {
        tags,
        summary: 'Both certification stages of my company',
        security,
        response: { 200: certificationResponse },
      },
      preValidation: async (req) => void canReadOwn(req),
    },
    async (req) => getCertification(ctx, canReadOwn(req).partnerId),
  );

  app.put(
    '/api/certification/qualification',
    {
      schema: {
        tags,
        summary: 'Save the qualification certification draft (administrators)',
        security,
        body: qualificationDraftBody,
        response: { 200: qualificationView },
      },
      preValidation: async (req) => void canEditOwn(req),
    },
    async (req) => {
      const u = canEditOwn(req);
      return saveDraft(ctx, actorOf(req), u.partnerId, { stage: 'qualification', data: req.body });
    },
  );

  app.put(
    '/api/certification/business',
    {
      schema: {
        tags,
        summary:
          'Save the business information draft; the account number is stored encrypted (administrators)',
        security,
        body: businessDraftBody,
        response: { 200: businessView },
      },
      preValidation: async (req) => void canEditOwn(req),
    },
    async (req) => {
      const u = canEditOwn(req);
      return saveDraft(ctx, actorOf(req), u.partnerId, { stage: 'business', data: req.body });
    },
  );

  app.post(
    '/api/certification/qualification/submit',
    {
      schema: {
        tags,
        summary: 'Submit (or resubmit) the qualification certification',
        security,
        response: { 200: qualificationView },
      },
      preValidation: async (req) => void canEditOwn(req),
    },
    async (req) => submitStage(ctx, actorOf(req), canEditOwn(req).partnerId, 'qualification'),
  );

  app.post(
    '/api/certification/business/submit',
    {
      schema: {
        tags,
        summary: 'Submit (or resubmit) the business information certification',
        security,
        response: { 200: businessView },
      },
      preValidation: async (req) => void canEditOwn(req),
    },
    async (req) => submitStage(ctx, actorOf(req), canEditOwn(req).partnerId, 'business'),
  );

  app.get(
    '/api/payout-eligibility',
    {
      schema: {
        tags,
        summary: 'Whether my company may apply for payouts (R4), and where to go if not',
        security,
        response: { 200: payoutEligibilityResponse },
      },
      preValidation: async (req) => void canReadOwn(req),
    },
    async (req) => payoutEligibility(ctx.db, canReadOwn(req).partnerId, req.locale),
  );
};
