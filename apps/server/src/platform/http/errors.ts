import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../errors/errors.ts';
import { toCbcError } from '../partner-api/cbc.errors.ts';
import { localeOf, routedPath } from './request-context.ts';

/** Fastify's own codes for malformed requests, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'common.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'common.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'common.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'common.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'common.malformed_json',
  FST_ERR_BAD_URL: 'common.bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'common.uri_too_long',
};

interface ValidationIssue {
  /** The zod issue code (fastify-type-provider-zod puts the rest of the issue in `params`). */
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: {
    keys?: string[];
    /** A schema's own error code for the field (`ctx.addIssue({ params: { error } })`). */
    params?: { error?: ErrorCode };
    issue?: {
      path?: PropertyKey[];
      message?: string;
      code?: string;
      keys?: string[];
      /** A schema's own error code for the field (`ctx.addIssue({ params: { error } })`). */
      params?: { error?: ErrorCode };
    };
  };
}

/** Turns whatever was thrown into an AppError; anything unknown becomes `common.internal`. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0] as ValidationIssue | undefined;
    const issue = first?.params?.issue;
    const path = issue?.path?.length
      ? issue.path.join('.')
      : (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const code = issue?.code ?? first?.keyword;
    const keys = issue?.keys ?? first?.params?.keys;
    const field = code === 'unrecognized_keys' && keys?.length ? keys.join(',') : path;
    const where = (err as FastifyError & { validationContext?: string }).validationContext ?? 'body';
    const own = first?.params?.params?.error ?? issue?.params?.error;
    if (own) return new AppError(own, { field: field || where });
    return new AppError('common.validation', {
      field: field || where,
      reason: issue?.message ?? first?.message ?? '',
      in: where,
    });
  }
  const fe = err as FastifyError;
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (fe?.statusCode === 429) return new AppError('common.rate_limited', { retryAfter: 60 });
  if (fe?.statusCode === 404) return new AppError('common.not_found');
  return new AppError('common.internal', {}, { cause: err });
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const catalogue = req.server.ctx.errors;
  const status = catalogue.def(error.code).status;
  // Every throttling error carries its wait; clients and proxies read it from the standard header.
  const wait = error.details.retryAfter;
  if (status === 429 && typeof wait === 'number' && wait > 0)
    reply.header('retry-after', String(Math.ceil(wait)));
  if (req.routeOptions.config?.api === 'cbc' || routedPath(req).startsWith('/v2/')) {
    const { status, error_code, error_msg } = toCbcError(catalogue, error, req.locale);
    return reply.status(status).send({ error_code, error_msg, request_id: req.id });
  }
  const message = catalogue.message(error, req.locale);
  const details = error.code === 'common.internal' ? undefined : error.details;
  return reply.status(status).send({ code: error.code, message, details, requestId: req.id });
}

/**
 * Fastify's `frameworkErrors` option: a URL the router cannot take (`%ff`, a path id longer than
 * the router allows) is answered in our shape with a request id like every other error; the
 * request hooks that would set them never run for these.
 */
export function frameworkError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  req.locale = localeOf(req);
  reply.header('x-request-id', req.id);
  return sendError(req, reply, toAppError(err));
}

async function errors(app: FastifyInstance) {
  // While the server stops, requests arriving on open keep-alive connections are refused in our
  // shape (Fastify's own 503 body is not), and the connection is closed after the answer.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_req, reply) => {
    if (!closing) return;
    reply.header('connection', 'close');
    throw new AppError('common.unavailable');
  });
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (app.ctx.errors.def(error.code).status >= 500) req.log.error({ err }, 'request failed');
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('common.not_found')));
}

export default fp(errors, { name: 'errors' });
