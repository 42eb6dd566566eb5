import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { Database } from '@pc/db';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { AppContext, JobQueue, Notifier } from './context.ts';
import { BossJobQueue, createJobQueue } from './jobs/queue.ts';
import { type Clock, systemClock } from './lib/clock.ts';
import { loggerOptions } from './lib/logger.ts';
import { createAuditLog } from './modules/audit/audit.service.ts';
import { registerModules } from './modules/index.ts';
import { createNotifier } from './notifications/notifier.ts';
import type { SmsProvider } from './notifications/sms.ts';
import errors, { frameworkError } from './plugins/errors.ts';
import inputGuard from './plugins/input-guard.ts';
import metrics from './plugins/metrics.ts';
import openapi from './plugins/openapi.ts';
import requestContext, { requestIdFor } from './plugins/request-context.ts';
import { serveWeb } from './plugins/web.ts';

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

  let jobs = deps.jobs;
  if (!jobs) {
    const queue = await createJobQueue(database, { onError: (err) => app.log.error({ err }, 'job queue') });
    app.addHook('onClose', () => queue.stop());
    jobs = queue;
  }
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock,
    log: app.log,
    audit: createAuditLog(clock),
    notifier: deps.notifier ?? createNotifier({ config, clock, jobs, db: database.db, sms: deps.sms }),
    jobs,
  };
  app.decorate('ctx', ctx);
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
  await app.register(requestContext);
  await app.register(errors);
  await app.register(inputGuard);
  await app.register(metrics);
  await app.register(openapi);
  await registerModules(app, ctx);
  await serveWeb(app, config);
  return app;
}
