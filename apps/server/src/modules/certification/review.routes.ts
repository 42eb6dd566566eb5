import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/auth.ts';
import { canRevealBankAccount, canReview, canViewReviews } from './certification.policy.ts';
import {
  bulkBody,
  bulkResponse,
  idParams,
  queueQuery,
  queueResponse,
  rejectBody,
  revealBody,
  revealResponse,
  reviewDetail,
} from './certification.schemas.ts';
import {
  bulkReview,
  claimSubmission,
  decideSubmission,
  getReviewDetail,
  listReviewQueue,
  revealBankAccount,
} from './review.service.ts';

const tags = ['console'];
const security = [{ session: [] }];
const base = '/api/console/certifications';

/** The operators' review queues for both certification stages (R3, R10). */
export const certificationReviewRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Certification review queue with filters, oldest submission first (any operator)',
        security,
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
      preValidation: async (req) => void canViewReviews(req),
    },
    async (req) => listReviewQueue(ctx, actorOf(req), req.query),
  );

  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One certification with its history (bank account masked)',
        security,
        params: idParams,
        response: { 200: reviewDetail },
      },
      preValidation: async (req) => void canViewReviews(req),
    },
    async (req) => getReviewDetail(ctx, req.params.id),
  );

  app.post(
    `${base}/:id/claim`,
    {
      schema: {
        tags,
        summary: 'Claim a submitted certification: it goes under review (reviewers)',
        security,
        params: idParams,

        response: { 200: reviewDetail },
      },
      preValidation: async (req) => void canReview(req),
    },
    async (req) => claimSubmission(ctx, actorOf(req), req.params.id),
  );

  app.post(
    `${base}/:id/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a certification under review (reviewers)',
        security,
        params: idParams,

        response: { 200: reviewDetail },
      },
      preValidation: async (req) => void canReview(req),
    },
    async (req) => decideSubmission(ctx, actorOf(req), req.params.id, { decision: 'approved' }),
  );

  app.post(
    `${base}/:id/reject`,
    {
      schema: {
        tags,
        summary: 'Reject a certification under review, with the reason the partner will see (reviewers)',
        security,
        params: idParams,
        body: rejectBody,
        response: { 200: reviewDetail },
      },
      preValidation: async (req) => void canReview(req),
    },
    async (req) =>
      decideSubmission(
        ctx,
        actorOf(req),
        req.params.id,
        { decision: 'rejected', reason: req.body.reason },
        req.body.version,
      ),
  );

  app.post(
    `${base}/bulk`,
    {
      schema: {
        tags,
        summary: 'Claim, approve or reject several certifications; each outcome reported (reviewers)',
        security,
        body: bulkBody,
        response: { 200: bulkResponse },
      },
      preValidation: async (req) => void canReview(req),
    },
    async (req) => bulkReview(ctx, actorOf(req), req.body),
  );

  app.post(
    `${base}/:id/reveal-bank-account`,
    {
      schema: {
        tags,
        summary: 'Show the full bank account number (finance only; audited with the reason)',
        security,
        params: idParams,
        body: revealBody,
        response: { 200: revealResponse },
      },
      preValidation: async (req) => void canRevealBankAccount(req),
    },
    async (req) => revealBankAccount(ctx, actorOf(req), req.params.id, req.body.reason),
  );
};
