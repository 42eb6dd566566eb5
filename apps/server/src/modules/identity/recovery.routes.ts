import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, setSessionCookie } from '../../platform/http/auth.ts';
import { meOf } from './me.service.ts';
import {
  enrolConfirmBody,
  enrolConfirmResponse,
  enrolResponse,
  resetConfirmBody,
  resetConfirmResponse,
  resetRequestBody,
  resetRequestResponse,
  secondFactorBody,
  secondFactorResponse,
  ticketBody,
} from './recovery.schemas.ts';
import { requestPasswordReset, resetPassword } from './recovery.service.ts';
import { finishSignInEnrolment, signInWithSecondFactor, startSignInEnrolment } from './totp.service.ts';

const tags = ['identity'];

export function metaOf(req: FastifyRequest) {
  const ua = req.headers['user-agent'];
  return { ip: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** Forgotten passwords and the second step of sign-in (authenticator code, recovery code, enrolment). */
export const recoveryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.post(
    '/api/auth/password-reset/request',
    {
      schema: {
        tags,
        summary:
          'Forgot password: emails a reset code and link valid 15 minutes. The same answer for every address; 429 with Retry-After over the limits',
        body: resetRequestBody,
        response: { 200: resetRequestResponse },
      },
    },
    async (req) => requestPasswordReset(ctx, req.body, metaOf(req)),
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with the emailed code; signs out every session of the account',
        body: resetConfirmBody,
        response: { 200: resetConfirmResponse },
      },
    },
    async (req) => resetPassword(ctx, actorOf(req), req.body, metaOf(req)),
  );

  app.post(
    '/api/auth/sign-in/second-factor',
    {
      schema: {
        tags,
        summary: 'Second sign-in step: an authenticator code or a one-time recovery code; sets pc_session',
        body: secondFactorBody,
        response: { 200: secondFactorResponse },
      },
    },
    async (req, reply) => {
      const out = await signInWithSecondFactor(ctx, actorOf(req), req.body, metaOf(req));
      setSessionCookie(req, reply, out.session.token, out.session.expiresAt);
      return { user: await meOf(ctx, out.user), recoveryCodesLeft: out.recoveryCodesLeft };
    },
  );

  app.post(
    '/api/auth/sign-in/enrol',
    {
      schema: {
        tags,
        summary: 'An operator without a second factor: a new authenticator secret and its otpauth URI',
        body: ticketBody,
        response: { 200: enrolResponse },
      },
    },
    async (req) => startSignInEnrolment(ctx, req.body),
  );

  app.post(
    '/api/auth/sign-in/enrol/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the new authenticator with a code; signs in and returns the recovery codes once',
        body: enrolConfirmBody,
        response: { 200: enrolConfirmResponse },
      },
    },
    async (req, reply) => {
      const out = await finishSignInEnrolment(ctx, actorOf(req), req.body, metaOf(req));
      setSessionCookie(req, reply, out.session.token, out.session.expiresAt);
      return { user: await meOf(ctx, out.user), recoveryCodes: out.recoveryCodes };
    },
  );
};
