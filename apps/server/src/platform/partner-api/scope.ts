import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors/errors.ts';
import { createFlowControl } from './flow-control.ts';
import { partnerApiDocs } from './openapi-docs.ts';
import { claimSignature, isReplayableWrite, recordAnswer } from './replay-cache.ts';
import { partnerApiSerializerCompiler } from './serializer.ts';
import { parseAuthorization, type VerifyInput, verifySignature } from './signing.ts';

const REPLAY_POLL_MS = 100;
const REPLAY_WAIT_MS = 3_000;

/** An access key as the developer module finds it for verification. */
export interface PartnerApiKey {
  keyId: string;
  partnerId: string;
  partnerDomainId: string;
  /** The partner's site (`cn` | `intl`): the partner API answers in that site's SDK dialect. */
  partnerSite: string;
  /** The current secret first, then the one replaced by a rotation while it is still valid. */
  secrets: string[];
  /** `active`, or `suspended` by an operator: then signed writes are refused (CBC.0151). */
  partnerStatus: string;
}

/** The key lookup (developer provides it): the access key a request is signed with, or undefined. */
export type FindPartnerApiKey = (ctx: AppContext, accessKey: string) => Promise<PartnerApiKey | undefined>;

/** Who is calling the partner API: resolved from the verified access key. */
export interface ApiCaller {
  keyId: string;
  accessKey: string;
  partnerId: string;
  partnerDomainId: string;
  /** Which SDK dialect to answer in: the China site's or the international one's. */
  site: 'cn' | 'intl';
}

declare module 'fastify' {
  interface FastifyRequest {
    apiCaller?: ApiCaller;
    /** The exact request body bytes: the signature covers them, never a re-serialisation. */
    rawBody?: Buffer;
    bodyParseError?: boolean;
    /** Set when this request is the first with its signature: its answer is kept for replays. */
    replaySignature?: string;
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
export async function partnerApiScope(app: FastifyInstance, findKey: FindPartnerApiKey): Promise<void> {
  const ctx = app.ctx;
  const flow = createFlowControl(ctx.clock, ctx.config.apiFlowLimit, ctx.database, (err) =>
    ctx.log.warn({ err }, 'flow control prune'),
  );
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
  app.setSerializerCompiler(partnerApiSerializerCompiler(ctx.config.env !== 'production'));
  // Set once per route, not per request: the CBC error dialect, and no browser-security headers
  // (helmet's CSP and friends mean nothing to an API client and cost time on every call).
  const docs = partnerApiDocs(ctx.errors);
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
  app.addHook('preValidation', async (req, reply) => {
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
    // An unknown access key and a wrong signature read alike, so the answer does not tell a caller
    // whether an access key exists.
    if (!verified || !key) {
      const reason = result.ok || result.reason === 'unknown_key' ? 'signature_mismatch' : result.reason;
      throw new AppError('APIGW.0301', { reason });
    }
    const caller: ApiCaller = {
      keyId: key.keyId,
      accessKey,
      partnerId: key.partnerId,
      partnerDomainId: key.partnerDomainId,
      site: key.partnerSite === 'intl' ? 'intl' : 'cn',
    };
    req.apiCaller = caller;
    const domainHeader = req.headers['x-domain-id'];
    if (typeof domainHeader === 'string' && domainHeader !== '' && domainHeader !== caller.partnerDomainId) {
      throw new AppError('CBC.0151');
    }
    if (!(await flow.take(`${caller.accessKey} ${req.method} ${req.routeOptions.url}`)))
      throw new AppError('CBC.0250');
    if (req.bodyParseError) throw new AppError('common.malformed_json');
    // A suspended partner may still read; any write (new customers, freezes, orders…) is refused.
    if (key.partnerStatus !== 'active' && isReplayableWrite(req.method, req.routeOptions.url)) {
      throw new AppError('CBC.0151', { reason: 'partner_suspended' });
    }
    return replayOrClaim(ctx, req, reply);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    const signature = req.replaySignature;
    if (!signature) return payload;
    req.replaySignature = undefined;
    const body =
      typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : '';
    const type = reply.getHeader('content-type');
    await recordAnswer(ctx.db, signature, {
      status: reply.statusCode,
      contentType: typeof type === 'string' ? type : null,
      body,
    });
    return payload;
  });
}

/**
 * A signed write seen again with the same signature (inside the window the signature is valid)
 * gets the first answer back and does not run again; while the first is still running, the copy
 * waits for it a moment, then is told to retry. Reads are not cached.
 */
async function replayOrClaim(ctx: AppContext, req: FastifyRequest, reply: FastifyReply) {
  if (!isReplayableWrite(req.method, req.routeOptions.url)) return;
  const header = req.headers.authorization;
  const signature = typeof header === 'string' ? parseAuthorization(header)?.signature : undefined;
  if (!signature || !req.apiCaller) return;
  for (let waited = 0; ; waited += REPLAY_POLL_MS) {
    const claim = await claimSignature(ctx.db, signature, req.apiCaller.accessKey, ctx.clock.now());
    if (claim.state === 'first') {
      req.replaySignature = signature;
      return;
    }
    if (claim.state === 'answered') {
      reply.code(claim.status).header('x-replayed', 'true');
      if (claim.contentType) reply.header('content-type', claim.contentType);
      return reply.send(claim.body);
    }
    if (waited >= REPLAY_WAIT_MS) throw new AppError('CBC.0250', { retryAfter: 1 });
    await new Promise((r) => setTimeout(r, REPLAY_POLL_MS));
  }
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
