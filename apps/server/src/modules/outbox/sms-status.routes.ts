import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { recordDeliveryReport } from '../../platform/notifications/notifications.repository.ts';
import { parseSmsReports } from '../../platform/notifications/sms-provider.ts';
import { safeEqual } from '../../platform/seal/digest.ts';

/**
 * The SMS gateway's delivery reports: `POST /api/notifications/sms-status/<SMS_CALLBACK_TOKEN>` in
 * the configured provider's format (Alibaba Cloud's HTTP push of `SmsReport`, or the webhook
 * gateway's `{ id, messageId, status }`). Unknown without the token; answers as the gateway expects.
 */
export const smsStatusRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/notifications/sms-status/:token',
    {
      schema: {
        tags: ['integration'],
        summary: 'SMS gateway delivery reports (provider callback, authenticated by the path token)',
        params: z.strictObject({ token: z.string().max(200) }),
        body: z.unknown(),
        response: { 200: z.object({ code: z.number().int(), msg: z.string(), updated: z.number().int() }) },
      },
    },
    async (req) => {
      const expected = ctx.config.smsCallbackToken;
      if (!expected || !safeEqual(req.params.token, expected)) throw new AppError('common.not_found');
      let updated = 0;
      for (const report of parseSmsReports(ctx.config.smsProvider, req.body)) {
        if (await recordDeliveryReport(ctx.db, ctx.config.smsProvider, report)) updated++;
      }
      // Alibaba Cloud's push wants `{ code: 0 }` back, or it sends the reports again.
      return { code: 0, msg: '接收成功', updated };
    },
  );
};
