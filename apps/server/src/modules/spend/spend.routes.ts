import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { actorOf, requireOperator } from '../../platform/http/auth.ts';
import { safeEqual } from '../identity/index.ts';
import {
  getImport,
  IMPORT_LEASE_MS,
  type ImportFormat,
  interruptStaleImports,
  receiveImport,
  recentImports,
} from './spend.import.ts';
import { SPEND_ROLES } from './spend.policy.ts';
import type { SpendImportRow } from './spend.repository.ts';
import {
  type ImportView,
  importList,
  importParams,
  importQuery,
  importView,
  ingestBody,
  ingestResponse,
} from './spend.schemas.ts';
import { ingestSpendBatch } from './spend.service.ts';

/** A batch of 5,000 records is about 1 MB of JSON; leave room. */
const INGEST_BODY_LIMIT = 8 * 1024 * 1024;
const STREAM_TYPES = ['application/x-ndjson', 'application/ndjson', 'text/csv', 'application/octet-stream'];

function viewOf(r: SpendImportRow): ImportView {
  return {
    id: r.id,
    fileName: r.fileName,
    format: r.format,
    skipBadLines: r.skipBadLines === 1,
    status: r.status as ImportView['status'],
    totalLines: r.totalLines,
    processedLines: r.processedLines,
    insertedCount: r.insertedCount,
    duplicateCount: r.duplicateCount,
    errorCount: r.errorCount,
    errors: (r.errors as ImportView['errors'] | null) ?? [],
    createdAt: r.createdAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Spend ingestion: the billing system's bulk endpoint (bearer token, or an operator of finance or
 * admin) and the console's streaming import with its progress.
 */
export const spendRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Imports a stopped process left running can never finish: say so (the file can be sent again).
  // At start, and on PostgreSQL (several processes) every half lease, for a node killed meanwhile.
  // (Tools such as the OpenAPI export build the app on an unmigrated database: nothing to mark.)
  const sweep = async (atStart: boolean) => {
    try {
      const n = await interruptStaleImports(ctx, { atStart });
      if (n) ctx.log.warn({ interrupted: n }, 'spend imports interrupted: their process stopped');
    } catch (err) {
      ctx.log.warn({ err }, 'could not check for interrupted spend imports');
    }
  };
  let sweeper: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    await sweep(true);
    if (ctx.database.kind === 'postgres') {
      sweeper = setInterval(() => void sweep(false), IMPORT_LEASE_MS / 2);
      sweeper.unref();
    }
  });
  app.addHook('onClose', async () => clearInterval(sweeper));
  // The upload is handed over as a stream: a file of millions of lines is never held in memory.
  app.addContentTypeParser(STREAM_TYPES, (_req, payload, done) => done(null, payload));

  /** A valid bearer token wins; a request carrying one is never taken on its session instead. */
  function ingestActor(req: FastifyRequest): Actor {
    const h = req.headers.authorization;
    if (h?.startsWith('Bearer ')) {
      const token = ctx.config.ingestToken;
      if (!token || !safeEqual(h.slice(7).trim(), token)) throw new AppError('spend.invalid_token');
      return { ...actorOf(req), type: 'system', id: 'ingest_token', partnerId: null, roles: [] };
    }
    const op = requireOperator(req, SPEND_ROLES);
    return { ...actorOf(req), id: op.id };
  }

  app.post(
    '/api/ingest/spend',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags: ['ingest'],
        summary:
          'Bulk spend records (≤ 5,000): stored once by record id; bad items listed by index, the rest accepted',
        description:
          'Authorization: Bearer <INGEST_TOKEN> (the billing system), or an operator session (finance, admin).',
        security: [{ session: [], csrf: [] }],
        body: ingestBody,
        response: { 200: ingestResponse },
      },
      preValidation: async (req) => {
        ingestActor(req);
      },
    },
    async (req) => ingestSpendBatch(ctx, req.body.records, { actor: ingestActor(req) }),
  );

  const base = { tags: ['console'], security: [{ session: [] }] };
  const only = {
    preValidation: async (req: FastifyRequest) => {
      requireOperator(req, SPEND_ROLES);
    },
  };

  app.post(
    '/api/console/spend/imports',
    {
      schema: {
        tags: ['console'],
        security: [{ session: [], csrf: [] }],
        summary:
          'Upload an NDJSON or CSV spend file (streamed). Validated first: bad lines fail the import with line numbers unless skipBadLines',
        querystring: importQuery,
        response: { 200: importView },
      },
      ...only,
    },
    async (req) => {
      const op = requireOperator(req, SPEND_ROLES);
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      if (!STREAM_TYPES.includes(type)) throw new AppError('spend.unsupported_format');
      const format: ImportFormat =
        req.query.format ??
        (type === 'text/csv' || req.query.fileName?.toLowerCase().endsWith('.csv') ? 'csv' : 'ndjson');
      const row = await receiveImport(
        ctx,
        { ...actorOf(req), id: op.id },
        {
          stream: req.body as AsyncIterable<Buffer>,
          format,
          fileName: req.query.fileName ?? null,
          skipBadLines: req.query.skipBadLines === 'true',
        },
      );
      return viewOf(row);
    },
  );

  app.get(
    '/api/console/spend/imports',
    {
      schema: { ...base, summary: 'Recent spend imports, newest first', response: { 200: importList } },
      ...only,
    },
    async () => ({ items: (await recentImports(ctx)).map(viewOf) }),
  );

  app.get(
    '/api/console/spend/imports/:id',
    {
      schema: {
        ...base,
        summary: 'One spend import with its progress',
        params: importParams,
        response: { 200: importView },
      },
      ...only,
    },
    async (req) => {
      const row = await getImport(ctx, req.params.id);
      if (!row) throw new AppError('spend.import_not_found');
      return viewOf(row);
    },
  );
};
