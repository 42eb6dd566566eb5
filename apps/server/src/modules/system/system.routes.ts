import { migrationStatus } from '@pc/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';

const health = z.object({ status: z.literal('ok') });
const ready = z.object({
  status: z.enum(['ready', 'not_ready']),
  database: z.enum(['up', 'down']),
  migrations: z.object({ applied: z.number(), expected: z.number() }),
});

/** Liveness and readiness for orchestrators and load balancers. */
export const systemRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/health',
    {
      schema: { tags: ['system'], summary: 'Liveness', response: { 200: health } },
      config: { api: 'system' },
    },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Readiness: database reachable, migrations applied',
        response: { 200: ready, 503: ready },
      },
      config: { api: 'system' },
    },
    async (_req, reply) => {
      try {
        await ctx.database.query('select 1');
        const migrations = await migrationStatus(ctx.database);
        const ok = migrations.applied >= migrations.expected;
        return reply
          .status(ok ? 200 : 503)
          .send({ status: ok ? 'ready' : 'not_ready', database: 'up', migrations });
      } catch {
        return reply
          .status(503)
          .send({ status: 'not_ready', database: 'down', migrations: { applied: 0, expected: 0 } });
      }
    },
  );
};
