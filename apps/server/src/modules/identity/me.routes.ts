import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireUser } from '../../platform/http/auth.ts';
import {
  contactChangeBody,
  contactChangeParams,
  contactChangeResponse,
  contactConfirmBody,
  meSchema,
  okResponse,
  passwordBody,
  preferencesBody,
  profileBody,
} from './identity.schemas.ts';
import { dismissSiteBanner, getMe, setPreferences, updateProfile } from './me.service.ts';
import { changePassword, confirmContactChange, startContactChange } from './security.service.ts';

const tags = ['identity'];
const security = [{ session: [] }];

/** The signed-in person: profile (R8), contacts and password (R9), site banner (R1), language. */
export const meRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Who asks comes before what they sent: 401 rather than a validation error.
  app.addHook('preValidation', async (req) => {
    requireUser(req);
  });
  app.get(
    '/api/me',
    { schema: { tags, summary: 'The signed-in user', security, response: { 200: meSchema } } },
    async (req) => getMe(ctx, requireUser(req)),
  );

  app.patch(
    '/api/me/preferences',
    {
      schema: {
        tags,
        summary: 'Save the language and/or time-zone preference',
        security,
        body: preferencesBody,
        response: { 200: meSchema },
      },
    },
    async (req) => setPreferences(ctx, actorOf(req), requireUser(req), req.body),
  );

  app.post(
    '/api/me/site-banner/dismiss',
    {
      schema: {
        tags,
        summary: 'Don’t show the other-site banner again',
        security,
        response: { 200: okResponse },
      },
    },
    async (req) => dismissSiteBanner(ctx, actorOf(req), requireUser(req)),
  );

  app.patch(
    '/api/me/profile',
    {
      schema: {
        tags,
        summary: 'Edit the profile (local accounts only)',
        security,
        body: profileBody,
        response: { 200: meSchema },
      },
    },
    async (req) => updateProfile(ctx, actorOf(req), requireUser(req), req.body),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change the password (needs the current one; signs out other sessions)',
        security,
        body: passwordBody,
        response: { 200: okResponse },
      },
    },
    async (req) => changePassword(ctx, actorOf(req), requireUser(req), req.body),
  );

  app.post(
    '/api/me/contact-change',
    {
      schema: {
        tags,
        summary: 'Start a phone or email change: codes go to the old and the new contact',
        security,
        body: contactChangeBody,
        response: { 200: contactChangeResponse },
      },
    },
    async (req) => startContactChange(ctx, actorOf(req), requireUser(req), req.body, { ip: req.ip ?? null }),
  );

  app.post(
    '/api/me/contact-change/:changeId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a contact change with both codes',
        security,
        params: contactChangeParams,
        body: contactConfirmBody,
        response: { 200: meSchema },
      },
    },
    async (req) => confirmContactChange(ctx, actorOf(req), requireUser(req), req.params.changeId, req.body),
  );
};
