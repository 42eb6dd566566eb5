import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../errors/errors.ts';

/** Fastify's own codes for malformed requests, mapped to ours. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'common.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'common.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'common.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'common.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'common.malformed_json',
};

/** The partner API's codes for our generic ones. */
const CBC_CODES: Record<string, string> = {
  'common.validation': 'CBC.0100',
  'common.malformed_json': 'CBC.0100',
  'common.body_too_large': 'CBC.0100',
  'common.unsupported_media_type': 'CBC.0100',
  'common.not_found': 'CBC.99003012',
  'common.unauthenticated': 'CBC.0154',
  'common.forbidden': 'CBC.0151',
  'common.rate_limited': 'CBC.0250',
  'common.internal': 'CBC.0999',
};

interface ValidationIssue {
  /** The zod issue code (fastify-type-provider-zod puts the rest of the issue in `params`). */
  keyword?: string;
  instancePath?: string;
  message?: string;
  params?: {
    keys?: string[];
    issue?: { path?: PropertyKey[]; message?: string; code?: string; keys?: string[] };
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
    return new AppError('common.validation', {
      field: field || where,
      reason: issue?.message ?? first?.message ?? '',
      in: where,
    });
  }
  const fe = err as FastifyError;
  const mapped = fe?.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new AppError(mapped);
  if (fe?.statusCode === 429) return new AppError('common.rate_limited');
  if (fe?.statusCode === 404) return new AppError('common.not_found');
  return new AppError('common.internal', {}, { cause: err });
}

export function sendError(req: FastifyRequest, reply: FastifyReply, error: AppError) {
  const message = error.messageIn(req.locale);
  if (req.routeOptions.config?.api === 'cbc' || req.url.startsWith('/v2/')) {
    const code =
      error.code.startsWith('CBC.') || error.code.startsWith('APIGW.')
        ? error.code
        : (CBC_CODES[error.code] ?? 'CBC.0999');
    return reply.status(error.status).send({ error_code: code, error_msg: message, request_id: req.id });
  }
  const details = error.code === 'common.internal' ? undefined : error.details;
  return reply.status(error.status).send({ code: error.code, message, details, requestId: req.id });
}

async function errors(app: FastifyInstance) {
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err);
    if (error.status >= 500) req.log.error({ err }, 'request failed');
    return sendError(req, reply, error);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, new AppError('common.not_found')));
}

export default fp(errors, { name: 'errors' });
