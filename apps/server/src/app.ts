import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { Database } from '@pc/db';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { createAuditLog } from './modules/audit/index.ts';
import { MODULES } from './modules/index.ts';
import { createInvalidations } from './platform/cache/invalidations.ts';
import { type Clock, systemClock } from './platform/clock/clock.ts';
import type { AppContext, JobQueue, Notifier } from './platform/context.ts';
import { createErrorCatalogue } from './platform/errors/errors.ts';
import { createDomainEvents } from './platform/events/domain-events.ts';
import auth from './platform/http/auth.ts';
import { registerCompression } from './platform/http/compression.ts';
import csrf from './platform/http/csrf.ts';
import errors, { frameworkError } from './platform/http/errors.ts';
import inputGuard from './platform/http/input-guard.ts';
import metrics from './platform/http/metrics.ts';
import openapi from './platform/http/openapi.ts';
import { partnerTabsRoutes } from './platform/http/partner-tabs.ts';
import requestContext, { requestIdFor } from './platform/http/request-context.ts';
import { serveWeb } from './platform/http/web.ts';
import { BossJobQueue, createJobQueue } from './platform/jobs/queue.ts';
import { jobsOf } from './platform/jobs/registry.ts';
import { loggerOptions } from './platform/logger/logger.ts';
import { hooksOf, registerModuleRoutes } from './platform/module.ts';
import { createNotifier } from './platform/notifications/notifier.ts';
import { templateRegistryOf } from './platform/notifications/registry.ts';
import type { SmsProvider } from './platform/notifications/sms.ts';
import { CbcErrors } from './platform/partner-api/cbc.errors.ts';
import { registerPartnerApi } from './platform/partner-api/index.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  clock?: Clock;
  notifier?: Notifier;
  jobs?: JobQueue;
  /** The SMS provider; the recording one by default (`config.smsProvider`). */
  sms?: SmsProvider;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
}

/** Builds the whole HTTP app without listening: used by main, tests and the OpenAPI export. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: loggerOptions(config),
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.bodyLimit,
    genReqId: (req) => requestIdFor(req.headers['x-request-id']),
    requestIdHeader: false,
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkError,
    // Our own onRequest hook answers during a stop, in the documented error shape.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const hooks = hooksOf(MODULES);
  let jobs = deps.jobs;
  if (!jobs) {
    const queue = await createJobQueue(database, {
      defs: jobsOf(MODULES),
      onError: (err) => app.log.error({ err }, 'job queue'),
    });
    app.addHook('onClose', () => queue.stop());
    jobs = queue;
  }
  const invalidations = await createInvalidations(database, (err) =>
    app.log.warn({ err }, 'cache invalidation listener'),
  );
  app.addHook('onClose', () => invalidations.close());
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock,
    log: app.log,
    audit: createAuditLog(clock),
    notifier:
      deps.notifier ??
      createNotifier({
        config,
        clock,
        jobs,
        db: database.db,
        sms: deps.sms,
        templates: templateRegistryOf(MODULES),
        recordInAppMessages: hooks.recordInAppMessages,
      }),
    jobs,
    errors: createErrorCatalogue([CbcErrors, ...MODULES.map((m) => m.errors)]),
    events: createDomainEvents(
      MODULES.flatMap((m) => m.listeners ?? []),
      () => ctx,
    ),
    invalidations,
  };
  app.decorate('ctx', ctx);
  if (config.env === 'production' && config.smsProvider === 'record' && !deps.sms) {
    app.log.warn('SMS_PROVIDER=record: text messages are not sent (set aliyun or webhook, see README "SMS")');
  }
  const queue = jobs;
  if (queue instanceof BossJobQueue) app.addHook('onResponse', async () => queue.wakeIfSent());

  await app.register(cookie, { secret: config.secretKey });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The built web app and the API reference load scripts from files only; no inline script runs.
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await registerCompression(app);
  await app.register(requestContext);
  await app.register(errors);
  await app.register(inputGuard);
  await app.register(metrics);
  await app.register(openapi);
  // CSRF refusal first, then the session: both global hooks for every /api request.
  await app.register(csrf);
  await app.register(auth, { resolveSession: hooks.resolveSession });
  await registerModuleRoutes(app, ctx, MODULES);
  await app.register(partnerTabsRoutes, { modules: MODULES });
  await registerPartnerApi(app, ctx, MODULES, hooks.findPartnerApiKey);
  await serveWeb(app, config);
  return app;
}
