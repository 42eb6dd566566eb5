import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import type { Database } from '@pc/db';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { createAuditLog } from './modules/audit/audit.service.ts';
import { registerModules } from './modules/index.ts';
import { type Clock, systemClock } from './platform/clock/clock.ts';
import type { AppContext, JobQueue, Notifier } from './platform/context.ts';
import errors from './platform/http/errors.ts';
import metrics from './platform/http/metrics.ts';
import openapi from './platform/http/openapi.ts';
import requestContext, { requestIdFor } from './platform/http/request-context.ts';
import { serveWeb } from './platform/http/web.ts';
import { BossJobQueue, createJobQueue } from './platform/jobs/queue.ts';
import { loggerOptions } from './platform/logger/logger.ts';
import { createNotifier } from './platform/notifications/notifier.ts';
import type { SmsProvider } from './platform/notifications/sms.ts';

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
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(requestContext);
  await app.register(errors);
  await app.register(metrics);
  await app.register(openapi);
  await registerModules(app, ctx);
  await serveWeb(app, config);
  return app;
}
