import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  claimDue,
  type DeliveryRow,
  firstAttemptAt,
  insertAttempt,
  updateDelivery,
} from './deliveries.repository.ts';
import {
  ATTEMPT_TIMEOUT_MS,
  CLAIM_LEASE_MS,
  nextAttemptAfterFailure,
  RESPONSE_KEEP_BYTES,
} from './delivery-schedule.ts';
import { openEndpointSecret } from './endpoints.service.ts';
import { findEndpoint } from './events.repository.ts';
import { DELIVER_JOB } from './events.types.ts';
import { webhookSignature } from './webhook-signature.ts';

const BATCH = 20;
const MAX_ROUNDS = 25;

interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  responseBody: string | null;
}

/** Reads at most RESPONSE_KEEP_BYTES of the body, then stops (a huge answer is not downloaded). */
async function readHead(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_KEEP_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_KEEP_BYTES).toString('utf8');
}

async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<AttemptOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const responseBody = await readHead(res).catch(() => '');
    const ok = res.status >= 200 && res.status < 300;
    return {
      statusCode: res.status,
      error: ok ? null : `HTTP ${res.status}`,
      durationMs: took(),
      responseBody,
    };
  } catch (err) {
    const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
    const error =
      e.name === 'TimeoutError'
        ? `timeout after ${timeoutMs / 1000} s`
        : (e.cause?.code ?? e.cause?.message ?? e.message ?? String(err));
    return { statusCode: null, error: String(error).slice(0, 500), durationMs: took(), responseBody: null };
  }
}

/** The request of one delivery: webhooks are signed at send time with the endpoint's current secret. */
async function requestOf(
  ctx: AppContext,
  d: DeliveryRow,
  now: Date,
): Promise<{ headers: Record<string, string> } | { refused: string }> {
  const headers: Record<string, string> = {
    'content-type': d.contentType,
    'user-agent': 'PartnerCenter-Delivery/1',
    'x-pc-delivery-id': d.id,
  };
  if (d.kind !== 'webhook') return { headers };
  const endpoint = d.endpointId ? await findEndpoint(ctx.db, d.endpointId, d.partnerId) : undefined;
  if (!endpoint) return { refused: 'endpoint deleted' };
  if (endpoint.status !== 'active') return { refused: 'endpoint disabled' };
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const body = JSON.parse(d.payload) as { id?: string; type?: string };
  headers['x-pc-event-id'] = body.id ?? d.eventId ?? '';
  headers['x-pc-event-type'] = body.type ?? '';
  headers['x-pc-timestamp'] = timestamp;
  headers['x-pc-signature'] = webhookSignature(openEndpointSecret(ctx, endpoint), timestamp, d.payload);
  return { headers };
}

/** One attempt of a claimed delivery; records it and moves the delivery on. */
async function attempt(
  ctx: AppContext,
  d: DeliveryRow,
  timeoutMs: number,
): Promise<'succeeded' | 'retry' | 'failed'> {
  const now = ctx.clock.now();
  const req = await requestOf(ctx, d, now);
  const outcome: AttemptOutcome =
    'refused' in req
      ? { statusCode: null, error: req.refused, durationMs: 0, responseBody: null }
      : await post(d.url, d.payload, req.headers, timeoutMs);
  const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
  const failures = d.attempts + 1;
  const first = (await firstAttemptAt(ctx.db, d.id)) ?? now;
  const next = ok || 'refused' in req ? null : nextAttemptAfterFailure(failures, first, now);
  const status = ok ? 'succeeded' : next ? 'pending' : 'failed';
  await ctx.db.transaction(async (tx) => {
    await insertAttempt(tx, {
      id: newId('dla', now.getTime()),
      deliveryId: d.id,
      attemptedAt: now,
      statusCode: outcome.statusCode,
      error: outcome.error,
      durationMs: outcome.durationMs,
      responseBody: outcome.responseBody,
    });
    await updateDelivery(tx, d.id, {
      status,
      attempts: failures,
      nextAttemptAt: next,
      lastStatusCode: outcome.statusCode,
      lastError: outcome.error,
      deliveredAt: ok ? now : null,
    });
    // The cron sweep would find it within a minute; a job keeps the short first delays honest.
    if (next) await ctx.jobs.send(DELIVER_JOB, {}, { tx, startAfter: next });
  });
  return status === 'pending' ? 'retry' : status;
}

export interface SweepResult {
  attempted: number;
  succeeded: number;
  retrying: number;
  failed: number;
}

/**
 * Sends every due delivery whose ordering key is free, round after round (a success frees the next
 * delivery of its key). Safe with several workers: each claims rows with SKIP LOCKED and a lease.
 */
export async function deliverDue(ctx: AppContext, opts: { timeoutMs?: number } = {}): Promise<SweepResult> {
  const timeoutMs = opts.timeoutMs ?? ATTEMPT_TIMEOUT_MS;
  const result: SweepResult = { attempted: 0, succeeded: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const now = ctx.clock.now();
    const claimed = await ctx.db.transaction((tx) =>
      claimDue(tx, now, new Date(now.getTime() + CLAIM_LEASE_MS), BATCH),
    );
    if (!claimed.length) break;
    const outcomes = await Promise.all(claimed.map((d) => attempt(ctx, d, timeoutMs)));
    for (const o of outcomes) {
      result.attempted++;
      if (o === 'succeeded') result.succeeded++;
      else if (o === 'retry') result.retrying++;
      else result.failed++;
    }
  }
  return result;
}
