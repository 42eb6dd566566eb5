import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors/errors.ts';
import './cbc.errors.ts';

/** Paths of the provider's API versions: whatever no operation serves there is an API 404. */
const API_PATH = /^\/(v1\.0|v2|v3|v4)(\/|$)/;

export function isApiPath(url: string): boolean {
  const q = url.indexOf('?');
  return API_PATH.test(q < 0 ? url : url.slice(0, q));
}

/**
 * An API path (`/v1.0`, `/v2`, `/v3`, `/v4`) that no operation serves — any method, with or
 * without a body — answers 404 `APIG.0101` like the provider's gateway, on the first hook, so
 * neither the body (malformed, oversized) nor the signature is looked at, and never the web app.
 * Register on the root instance.
 */
export function answerUnknownApiPaths(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (req, reply) => {
    // The web app's catch-all route is no operation either.
    if (!req.is404 && req.routeOptions.url !== '/*') return;
    if (!isApiPath(req.url)) return;
    const error = new AppError('APIG.0101');
    // A body is never read here: close rather than drain a possibly large one.
    if (req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined)
      reply.header('connection', 'close');
    return reply
      .status(ctx.errors.def(error.code).status)
      .send({ error_code: error.code, error_msg: ctx.errors.message(error, req.locale), request_id: req.id });
  });
}
