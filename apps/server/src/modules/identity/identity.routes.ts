import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../platform/http/auth.ts';
import { issueCsrfToken } from '../../platform/http/csrf.ts';
import { confirmEmail, resendCode, signIn, signOut, signUp } from './auth.service.ts';
import {
  confirmEmailBody,
  confirmEmailResponse,
  csrfResponse,
  okResponse,
  resendCodeBody,
  resendCodeResponse,
  signInBody,
  signInResponse,
  signUpBody,
  signUpResponse,
} from './identity.schemas.ts';
import { meOf } from './me.service.ts';
import { DEVICE_COOKIE, setDeviceCookie } from './sign-in-throttle.ts';

const tags = ['identity'];

/** Sign-up, email confirmation, sign-in and sign-out: the portal's and console's door. */
export const identityRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags,
        summary: 'CSRF token (also set as the pc_csrf cookie)',
        response: { 200: csrfResponse },
      },
    },
    async (req, reply) => ({ token: issueCsrfToken(req, reply) }),
  );

  app.post(
    '/api/auth/sign-up',
    {
      schema: {
        tags,
        summary:
          'Register a company and its administrator; sends an email confirmation code. The same answer for a registered address (its owner gets an email instead); 429 with Retry-After over the limits',
        body: signUpBody,
        response: { 201: signUpResponse },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await signUp(ctx, actorOf(req), req.body, { ip: req.ip ?? null })),
  );

  app.post(
    '/api/auth/confirm-email',
    {
      schema: {
        tags,
        summary: 'Confirm the email with the 6-digit code',
        body: confirmEmailBody,
        response: { 200: confirmEmailResponse },
      },
    },
    async (req) => confirmEmail(ctx, actorOf(req), req.body),
  );

  app.post(
    '/api/auth/resend-code',
    {
      schema: {
        tags,
        summary: 'Send a new confirmation code (same answer whether or not the account exists)',
        body: resendCodeBody,
        response: { 200: resendCodeResponse },
      },
    },
    async (req) => resendCode(ctx, req.body, { ip: req.ip ?? null }),
  );

  app.post(
    '/api/auth/sign-in',
    {
      schema: {
        tags,
        summary:
          'Sign in with email and password; sets the pc_session cookie, or answers `secondFactor` when an authenticator code is needed (always for operators)',
        body: signInBody,
        response: { 200: signInResponse },
      },
    },
    async (req, reply) => {
      const ua = req.headers['user-agent'];
      const { user, session, secondFactor, deviceToken } = await signIn(ctx, actorOf(req), req.body, {
        ip: req.ip ?? null,
        userAgent: typeof ua === 'string' ? ua : null,
        deviceToken: req.cookies[DEVICE_COOKIE],
      });
      setDeviceCookie(reply, deviceToken, ctx.clock.now(), ctx.config.publicUrl.startsWith('https:'));
      if (!session) return { secondFactor: secondFactor ?? undefined };
      setSessionCookie(req, reply, session.token, session.expiresAt);
      return { user: await meOf(ctx, user) };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags, summary: 'Sign out: revokes this session', response: { 200: okResponse } } },
    async (req, reply) => {
      const out = await signOut(ctx, actorOf(req), req.user);
      clearSessionCookie(reply);
      return out;
    },
  );
};
