import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import { DECIDE_ROLES, VIEW_ROLES } from './certificates.policy.ts';
import {
  bulkApproveBody,
  bulkResultResponse,
  materialsBody,
  partnerCertificateResponse,
  partnerIdParams,
  queueQuery,
  queueResponse,
  rejectBody,
  reviewDetailResponse,
  reviewIdParams,
  reviewSchema,
} from './certificates.schemas.ts';
import {
  approveReview,
  bulkApprove,
  getPartnerCertificate,
  getReviewDetail,
  listReviewQueue,
  rejectReview,
  submitMaterials,
} from './reviews.service.ts';

const security = [{ session: [] }];

/** R7: the partner's certificate and annual review (portal) and the review queue (console). */
export const certificatesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/certificate',
    {
      schema: {
        tags: ['certificates'],
        summary: 'The partner’s certificate, its current annual review and past reviews',
        security,
        response: { 200: partnerCertificateResponse },
      },
      preValidation: async (req) => {
        requirePartnerUser(req);
      },
    },
    async (req) => getPartnerCertificate(ctx, requirePartnerUser(req).partnerId),
  );

  app.post(
    '/api/certificate/reviews/:reviewId/submit',
    {
      schema: {
        tags: ['certificates'],
        summary: 'Submit (or after a rejection resubmit) the annual review materials (administrators)',
        security,
        params: reviewIdParams,
        body: materialsBody,
        response: { 200: reviewSchema },
      },
      preValidation: async (req) => {
        requirePartnerUser(req, ['admin']);
      },
    },
    async (req) =>
      submitMaterials(ctx, actorOf(req), requirePartnerUser(req).partnerId, req.params.reviewId, req.body),
  );

  app.get(
    '/api/console/certificate-reviews',
    {
      schema: {
        tags: ['console'],
        summary: 'Annual certificate reviews, newest first, with filters and per-status counts',
        security,
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async (req) => listReviewQueue(ctx, req.query),
  );

  app.get(
    '/api/console/certificate-reviews/:reviewId',
    {
      schema: {
        tags: ['console'],
        summary: 'One annual review with its materials and the certificate',
        security,
        params: reviewIdParams,
        response: { 200: reviewDetailResponse },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async (req) => getReviewDetail(ctx, req.params.reviewId),
  );

  app.post(
    '/api/console/certificate-reviews/:reviewId/approve',
    {
      schema: {
        tags: ['console'],
        summary: 'Approve a submitted review: validity extends to 31 January of the next year (reviewers)',
        security,
        params: reviewIdParams,
        response: { 200: reviewSchema },
      },
      preValidation: async (req) => {
        requireOperator(req, DECIDE_ROLES);
      },
    },
    async (req) => approveReview(ctx, actorOf(req), req.params.reviewId),
  );

  app.post(
    '/api/console/certificate-reviews/:reviewId/reject',
    {
      schema: {
        tags: ['console'],
        summary:
          'Reject a submitted review with a reason; the partner may resubmit before the deadline (reviewers)',
        security,
        params: reviewIdParams,
        body: rejectBody,
        response: { 200: reviewSchema },
      },
      preValidation: async (req) => {
        requireOperator(req, DECIDE_ROLES);
      },
    },
    async (req) => rejectReview(ctx, actorOf(req), req.params.reviewId, req.body.reason),
  );

  app.post(
    '/api/console/certificate-reviews/bulk-approve',
    {
      schema: {
        tags: ['console'],
        summary: 'Approve several submitted reviews; each succeeds or fails on its own (reviewers)',
        security,
        body: bulkApproveBody,
        response: { 200: bulkResultResponse },
      },
      preValidation: async (req) => {
        requireOperator(req, DECIDE_ROLES);
      },
    },
    async (req) => bulkApprove(ctx, actorOf(req), req.body.ids),
  );

  app.get(
    '/api/console/partners/:partnerId/certificate',
    {
      schema: {
        tags: ['console'],
        summary: 'A partner’s certificate and reviews (partner detail)',
        security,
        params: partnerIdParams,
        response: { 200: partnerCertificateResponse },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async (req) => getPartnerCertificate(ctx, req.params.partnerId),
  );
};
