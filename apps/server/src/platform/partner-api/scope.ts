import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors/errors.ts';
import type { PlatformHooks } from '../module.ts';
import './cbc.errors.ts';
import { createFlowControl } from './flow-control.ts';
import { partnerApiDocs } from './openapi-docs.ts';
import { type VerifyInput, verifySignature } from './signing.ts';

/** An access key as the developer module finds it for verification. */
export interface PartnerApiKey {
  keyId: string;
  partnerId: string;
  partnerDomainId: string;
  /** The current secret first, then the one replaced by a rotation while it is still valid. */
  secrets: string[];
}

/** Who is calling the partner API: resolved from the verified access key. */
export interface ApiCaller {
  keyId: string;
  accessKey: string;
  partnerId: string;
  partnerDomainId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    apiCaller?: ApiCaller;
    /** The exact request body bytes: the signature covers them, never a re-serialisation. */
    rawBody?: Buffer;
    bodyParseError?: boolean;
  }
}

export function callerOf(req: FastifyRequest): ApiCaller {
  if (!req.apiCaller) throw new AppError('CBC.0154');
  return req.apiCaller;
}

/**
 * The /v2 scope: keeps the raw body, verifies SDK-HMAC-SHA256 before anything else looks at the
 * request (a bad signature answers 401 even when the body is malformed), checks X-Domain-Id, then
 * flow control per (access key, operation).
 */
export async function partnerApiScope(
  app: FastifyInstance,
  findKey: PlatformHooks['findPartnerApiKey'],
): Promise<void> {
  const ctx = app.ctx;
  const flow = createFlowControl(ctx.clock, ctx.config.apiFlowLimit);
  app.addContentTypeParser(
    ['application/json', 'application/json;charset=utf-8'],
    { parseAs: 'buffer' },
    (req, body, done) => {
      const raw = body as Buffer;
      req.rawBody = raw;
      if (raw.length === 0) return done(null, undefined);
      try {
        done(null, JSON.parse(raw.toString('utf8')));
      } catch {
        req.bodyParseError = true;
        done(null, undefined);
      }
    },
  );
  // Set once per route, not per request: the CBC error dialect, and no browser-security headers
  // (helmet's CSP and friends mean nothing to an API client and cost time on every call).
  const docs = partnerApiDocs();
  app.addHook('onRoute', (route) => {
    if (route.schema) {
      route.schema.security ??= docs.security;
      route.schema.response = { ...docs.responses, ...(route.schema.response as object | undefined) };
    }
    route.config = {
      ...(route.config ?? {}),
      api: 'cbc',
      helmet: { skipRoute: true },
    } as typeof route.config;
  });
  app.addHook('preValidation', async (req) => {
    const request = requestToVerify(req, ctx.clock.now());
    let key: PartnerApiKey | undefined;
    let accessKey = '';
    const result = await verifySignature({
      ...request,
      secretFor: async (ak) => {
        accessKey = ak;
        key = await findKey(ctx, ak);
        return key?.secrets[0];
      },
    });
    // After a rotation the previous secret stays valid for a while; it is tried only on a mismatch.
    const previous = !result.ok && result.reason === 'signature_mismatch' ? key?.secrets[1] : undefined;
    const verified =
      result.ok ||
      (previous !== undefined && (await verifySignature({ ...request, secretFor: () => previous })).ok);
    if (!verified || !key)
      throw new AppError('APIGW.0301', { reason: result.ok ? 'unknown_key' : result.reason });
    const caller: ApiCaller = {
      keyId: key.keyId,
      accessKey,
      partnerId: key.partnerId,
      partnerDomainId: key.partnerDomainId,
    };
    req.apiCaller = caller;
    const domainHeader = req.headers['x-domain-id'];
    if (typeof domainHeader === 'string' && domainHeader !== '' && domainHeader !== caller.partnerDomainId) {
      throw new AppError('CBC.0151');
    }
    if (!flow.take(`${caller.accessKey} ${req.method} ${req.routeOptions.url}`))
      throw new AppError('CBC.0250');
    if (req.bodyParseError) throw new AppError('common.malformed_json');
  });
}

function requestToVerify(req: FastifyRequest, now: Date): Omit<VerifyInput, 'secretFor'> {
  const url = req.raw.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method,
    path: q < 0 ? url : url.slice(0, q),
    query: q < 0 ? '' : url.slice(q + 1),
    headers: req.headers,
    rawBody: req.rawBody ?? Buffer.alloc(0),
    now,
  };
}
