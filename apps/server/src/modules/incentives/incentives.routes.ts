import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import { POLICY_ROLES, SETTLE_ROLES, VIEW_ROLES } from './incentives.policy.ts';
import {
  adjustBody,
  bulkIdsBody,
  consoleNoticeQuery,
  countResponse,
  disputeBody,
  exportQuery,
  idParams,
  lineRecordsResponse,
  noticeDetail,
  noticeList,
  noticeListQuery,
  noticeView,
  pageQuery,
  performanceResponse,
  programQuery,
  runList,
  runQuery,
  runView,
  startRunBody,
} from './incentives.schemas.ts';
import {
  adjustNotice,
  confirmNotice,
  disputeNotice,
  exportNotice,
  getNoticeDetail,
  lineRecords,
  listNotices,
  partnerExclusions,
  remindNotices,
} from './notices.service.ts';
import { performanceView } from './performance.service.ts';
import {
  addVersionBody,
  createPolicyBody,
  policyIdParams,
  policyList,
  policyView,
} from './policies.schemas.ts';
import { addPolicyVersion, createPolicy, listPolicyViews, policiesForPartner } from './policies.service.ts';
import { listRunViews } from './runs.views.ts';
import { cancelRun, startSettlement } from './settlement.service.ts';

const security = [{ session: [] }];
const portal = { tags: ['incentives'], security };
const consoleTags = { tags: ['console'], security };

/** R5/R14/R19 portal pages (Benefits) and the console's policies, runs, notices and disputes. */
export const incentivesRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const partner = async (req: Parameters<typeof requirePartnerUser>[0]) => {
    requirePartnerUser(req);
  };
  const admin = async (req: Parameters<typeof requirePartnerUser>[0]) => {
    requirePartnerUser(req, ['admin']);
  };
  const operatorWith = (roles: typeof VIEW_ROLES) => async (req: Parameters<typeof requireOperator>[0]) => {
    requireOperator(req, roles);
  };
  const viewer = operatorWith(VIEW_ROLES);
  const policyMaker = operatorWith(POLICY_ROLES);
  const settler = operatorWith(SETTLE_ROLES);
  /** A notice's export as an attachment (portal and console alike). */
  const sendFile = (reply: FastifyReply, file: Awaited<ReturnType<typeof exportNotice>>) =>
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('cache-control', 'no-store')
      .send(file.body);

  app.get(
    '/api/incentives/performance',
    {
      schema: {
        ...portal,
        summary: 'This year’s performance against the program threshold',
        response: { 200: performanceResponse },
      },
      preValidation: partner,
    },
    async (req) => performanceView(ctx, requirePartnerUser(req).partnerId),
  );
  app.get(
    '/api/incentives/policies',
    {
      schema: { ...portal, summary: 'The incentive policies of my programs', response: { 200: policyList } },
      preValidation: partner,
    },
    async (req) => policiesForPartner(ctx, requirePartnerUser(req).partnerId),
  );
  app.get(
    '/api/incentives/notices',
    {
      schema: {
        ...portal,
        summary: 'My incentive notices with counts by state, and periods without incentive with the reason',
        querystring: noticeListQuery,
        response: { 200: noticeList },
      },
      preValidation: partner,
    },
    async (req) => {
      const partnerId = requirePartnerUser(req).partnerId;
      return {
        ...(await listNotices(ctx, { ...req.query, partnerId })),
        exclusions: await partnerExclusions(ctx, partnerId),
      };
    },
  );
  app.get(
    '/api/incentives/notices/:id',
    {
      schema: {
        ...portal,
        summary: 'A notice with its lines (policy version, service) and adjustments',
        params: idParams,
        response: { 200: noticeDetail },
      },
      preValidation: partner,
    },
    async (req) => getNoticeDetail(ctx, req.params.id, requirePartnerUser(req).partnerId),
  );
  app.get(
    '/api/incentives/notices/:id/export',
    {
      schema: {
        ...portal,
        summary: 'A notice’s lines and spend records as CSV or XLSX',
        params: idParams,
        querystring: exportQuery,
      },
      preValidation: partner,
    },
    async (req, reply) => {
      const file = await exportNotice(
        ctx,
        req.params.id,
        requirePartnerUser(req).partnerId,
        req.query.format,
        req.locale,
      );
      return sendFile(reply, file);
    },
  );
  app.get(
    '/api/incentives/lines/:id/records',
    {
      schema: {
        ...portal,
        summary: 'The spend records behind one incentive line',
        params: idParams,
        querystring: pageQuery,
        response: { 200: lineRecordsResponse },
      },
      preValidation: partner,
    },
    async (req) => lineRecords(ctx, req.params.id, requirePartnerUser(req).partnerId, req.query),
  );
  app.post(
    '/api/incentives/notices/:id/confirm',
    {
      schema: {
        ...portal,
        summary: 'Confirm a notice (administrators)',
        params: idParams,
        response: { 200: noticeView },
      },
      preValidation: admin,
    },
    async (req) => {
      const u = requirePartnerUser(req, ['admin']);
      return confirmNotice(ctx, { ...actorOf(req), partnerId: u.partnerId }, req.params.id);
    },
  );
  app.post(
    '/api/incentives/notices/:id/dispute',
    {
      schema: {
        ...portal,
        summary: 'Dispute a notice with a reason: opens a linked ticket (administrators)',
        params: idParams,
        body: disputeBody,
        response: { 200: noticeView },
      },
      preValidation: admin,
    },
    async (req) => {
      const u = requirePartnerUser(req, ['admin']);
      return disputeNotice(
        ctx,
        { ...actorOf(req), id: u.id, partnerId: u.partnerId },
        req.params.id,
        req.body.reason,
      );
    },
  );

  // Console
  app.get(
    '/api/console/incentives/policies',
    {
      schema: {
        ...consoleTags,
        summary: 'Incentive policies with their versions',
        querystring: programQuery,
        response: { 200: policyList },
      },
      preValidation: viewer,
    },
    async (req) => listPolicyViews(ctx, req.query.program),
  );
  app.post(
    '/api/console/incentives/policies',
    {
      schema: {
        ...consoleTags,
        summary: 'Define a policy (version 1); overlaps are refused naming both policies',
        body: createPolicyBody,
        response: { 200: policyView },
      },
      preValidation: policyMaker,
    },
    async (req) => createPolicy(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/console/incentives/policies/:id/versions',
    {
      schema: {
        ...consoleTags,
        summary: 'A new version from the start of an unsettled period',
        params: policyIdParams,
        body: addVersionBody,
        response: { 200: policyView },
      },
      preValidation: policyMaker,
    },
    async (req) => addPolicyVersion(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/console/incentives/runs',
    {
      schema: {
        ...consoleTags,
        summary: 'Settlement runs with progress and counts by state',
        querystring: runQuery,
        response: { 200: runList },
      },
      preValidation: viewer,
    },
    async (req) => listRunViews(ctx, req.query),
  );
  app.post(
    '/api/console/incentives/runs',
    {
      schema: {
        ...consoleTags,
        summary: 'Settle a period (or rerun a closed one as a verification)',
        body: startRunBody,
        response: { 200: runView },
      },
      preValidation: settler,
    },
    async (req) => {
      const run = await startSettlement(ctx, actorOf(req), req.body.periodKey, 'operator');
      if (!run) throw new Error('an operator start always returns a run');
      return run;
    },
  );
  app.post(
    '/api/console/incentives/runs/:id/cancel',
    {
      schema: {
        ...consoleTags,
        summary: 'Cancel a running settlement: nothing of the period is kept',
        params: idParams,
        response: { 200: runView },
      },
      preValidation: settler,
    },
    async (req) => cancelRun(ctx, actorOf(req), req.params.id),
  );
  app.get(
    '/api/console/incentives/notices',
    {
      schema: {
        ...consoleTags,
        summary: 'Incentive notices by state (disputes: status=disputed) with counts',
        querystring: consoleNoticeQuery,
        response: { 200: noticeList },
      },
      preValidation: viewer,
    },
    async (req) => listNotices(ctx, req.query),
  );
  app.get(
    '/api/console/incentives/notices/:id',
    {
      schema: {
        ...consoleTags,
        summary: 'A notice with lines and adjustments',
        params: idParams,
        response: { 200: noticeDetail },
      },
      preValidation: viewer,
    },
    async (req) => getNoticeDetail(ctx, req.params.id),
  );
  app.get(
    '/api/console/incentives/notices/:id/export',
    {
      schema: {
        ...consoleTags,
        summary: 'A notice’s lines and records as CSV or XLSX',
        params: idParams,
        querystring: exportQuery,
      },
      preValidation: viewer,
    },
    async (req, reply) => {
      const file = await exportNotice(ctx, req.params.id, undefined, req.query.format, req.locale);
      return sendFile(reply, file);
    },
  );
  app.get(
    '/api/console/incentives/lines/:id/records',
    {
      schema: {
        ...consoleTags,
        summary: 'The spend records behind a line',
        params: idParams,
        querystring: pageQuery,
        response: { 200: lineRecordsResponse },
      },
      preValidation: viewer,
    },
    async (req) => lineRecords(ctx, req.params.id, undefined, req.query),
  );
  app.post(
    '/api/console/incentives/notices/:id/adjustments',
    {
      schema: {
        ...consoleTags,
        summary: 'Correct a notice with an adjustment (finance; never an edit)',
        params: idParams,
        body: adjustBody,
        response: { 200: noticeView },
      },
      preValidation: settler,
    },
    async (req) => adjustNotice(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/console/incentives/notices/remind',
    {
      schema: {
        ...consoleTags,
        summary: 'Bulk: remind partners of notices awaiting confirmation',
        body: bulkIdsBody,
        response: { 200: countResponse },
      },
      preValidation: settler,
    },
    async (req) => remindNotices(ctx, actorOf(req), req.body.ids),
  );
};
