import { randomInt } from 'node:crypto';
import { announce } from '../../platform/cache/invalidations.ts';
import { createMemoryCache, perContext } from '../../platform/cache/memory-cache.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { openSecret, sealSecret } from '../../platform/seal/seal.ts';
import { assertPartnerActive, getPartner, PARTNER_TOPIC } from '../partners/index.ts';
import { LAST_USED_RESOLUTION_MS, MAX_KEYS_PER_PARTNER, PREVIOUS_SECRET_TTL_MS } from './developer.policy.ts';
import {
  type ApiKeyRow,
  countPartnerKeys,
  findKeyByAccessKey,
  findPartnerKey,
  insertKey,
  listPartnerKeys,
  lockPartnerKeys,
  touchKey,
  updateKey,
} from './keys.repository.ts';

const SEAL_PURPOSE = 'api-key';
/** Announced when a key is disabled, enabled or rotated. */
const KEY_TOPIC = 'api_key';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** AK: 20 upper-case alphanumerics, like the provider's own access keys. */
export const newAccessKey = (): string => randomString(UPPER_ALNUM, 20);
/** SK: 40 alphanumerics. */
export const newSecretKey = (): string => randomString(ALNUM, 40);

export interface KeyForVerification {
  keyId: string;
  partnerId: string;
  partnerDomainId: string;
  /** The partner's site (`cn` | `intl`): the partner API answers in that site's SDK dialect. */
  partnerSite: string;
  /** The current secret first, then the one replaced by a rotation while it is still valid. */
  secrets: string[];
  /** When the second secret stops verifying (cached lookups must not outlive it). */
  previousExpiresAt: Date | null;
  /** The partner's status: a suspended partner's signed writes are refused. */
  partnerStatus: string;
}

/**
 * The /v2 plugin's key lookup: the secrets that may have signed a request with this access key.
 * Disabled and unknown keys give undefined. Stamps `last_used_at`, at most once a minute.
 */
export async function findKeyForVerification(
  ctx: AppContext,
  accessKey: string,
): Promise<KeyForVerification | undefined> {
  return cacheOf(ctx).through(
    accessKey,
    ctx.clock.now(),
    () => loadKeyForVerification(ctx, accessKey),
    (key) => key.previousExpiresAt,
  );
}

/**
 * Verified keys stay in memory so a busy partner's calls pay neither the key and partner reads nor
 * the decryption; disabling or rotating a key announces it, and every server process forgets it
 * when that commits.
 */
const cacheOf = perContext((ctx: AppContext) => {
  const cache = createMemoryCache<KeyForVerification>(ctx.invalidations);
  ctx.invalidations.on(KEY_TOPIC, (accessKey) =>
    accessKey === '*' ? cache.clear() : cache.forget(accessKey),
  );
  // A suspension or resumption changes `partnerStatus` of every key of the partner.
  ctx.invalidations.on(PARTNER_TOPIC, (partnerId) =>
    partnerId === '*' ? cache.clear() : cache.forgetWhere((k) => k.partnerId === partnerId),
  );
  return cache;
});

async function loadKeyForVerification(
  ctx: AppContext,
  accessKey: string,
): Promise<KeyForVerification | undefined> {
  const row = await findKeyByAccessKey(ctx.db, accessKey);
  if (row?.status !== 'active') return undefined;
  const partner = await getPartner(ctx, row.partnerId);
  if (!partner) return undefined;
  const now = ctx.clock.now();
  const secrets = [openSecret(ctx.config.secretKey, SEAL_PURPOSE, row.id, row.secretSealed)];
  if (row.previousSecretSealed && row.previousExpiresAt && row.previousExpiresAt > now) {
    secrets.push(openSecret(ctx.config.secretKey, SEAL_PURPOSE, row.id, row.previousSecretSealed));
  }
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  if (!row.lastUsedAt || row.lastUsedAt < staleBefore) await touchKey(ctx.db, row.id, now, staleBefore);
  return {
    keyId: row.id,
    partnerId: row.partnerId,
    partnerDomainId: partner.domainId,
    partnerSite: partner.site,
    partnerStatus: partner.status,
    secrets,
    previousExpiresAt: secrets.length > 1 ? row.previousExpiresAt : null,
  };
}

export interface KeyView {
  id: string;
  name: string;
  accessKey: string;
  status: 'active' | 'disabled';
  partnerDomainId: string;
  createdAt: string;
  rotatedAt: string | null;
  disabledAt: string | null;
  lastUsedAt: string | null;
  /** Until when the secret replaced by the last rotation still verifies; null when none does. */
  previousSecretValidUntil: string | null;
}

function viewOf(row: ApiKeyRow, domainId: string, now: Date): KeyView {
  const previousValid = row.previousExpiresAt && row.previousExpiresAt > now ? row.previousExpiresAt : null;
  return {
    id: row.id,
    name: row.name,
    accessKey: row.accessKey,
    status: row.status === 'active' ? 'active' : 'disabled',
    partnerDomainId: domainId,
    createdAt: row.createdAt.toISOString(),
    rotatedAt: row.rotatedAt?.toISOString() ?? null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    previousSecretValidUntil: previousValid?.toISOString() ?? null,
  };
}

async function domainIdOf(ctx: AppContext, partnerId: string): Promise<string> {
  const partner = await getPartner(ctx, partnerId);
  if (!partner) throw new AppError('common.not_found');
  return partner.domainId;
}

type PartnerActor = Actor & { id: string; partnerId: string };

/** Audit snapshot: never the secret, sealed or not. */
const auditOf = (row: ApiKeyRow) => ({
  name: row.name,
  accessKey: row.accessKey,
  status: row.status,
  rotatedAt: row.rotatedAt?.toISOString() ?? null,
  disabledAt: row.disabledAt?.toISOString() ?? null,
});

export async function listKeys(
  ctx: AppContext,
  partnerId: string,
): Promise<{ items: KeyView[]; limit: number }> {
  const [rows, domainId] = await Promise.all([
    listPartnerKeys(ctx.db, partnerId),
    domainIdOf(ctx, partnerId),
  ]);
  const now = ctx.clock.now();
  return { items: rows.map((r) => viewOf(r, domainId, now)), limit: MAX_KEYS_PER_PARTNER };
}

/** Creates a key; the secret is in this answer only. */
export async function createKey(
  ctx: AppContext,
  actor: PartnerActor,
  input: { name: string },
): Promise<KeyView & { secretKey: string }> {
  const domainId = await domainIdOf(ctx, actor.partnerId);
  return ctx.db.transaction(async (tx) => {
    await assertPartnerActive(tx, actor.partnerId);
    // Serialise creations per partner so two concurrent requests cannot both pass the limit.
    await lockPartnerKeys(tx, actor.partnerId);
    const n = await countPartnerKeys(tx, actor.partnerId);
    if (n >= MAX_KEYS_PER_PARTNER) throw new AppError('developer.key_limit', { limit: MAX_KEYS_PER_PARTNER });
    const now = ctx.clock.now();
    const id = newId('key', now.getTime());
    const secretKey = newSecretKey();
    const row = await insertKey(tx, {
      id,
      partnerId: actor.partnerId,
      name: input.name,
      accessKey: newAccessKey(),
      secretSealed: sealSecret(ctx.config.secretKey, SEAL_PURPOSE, id, secretKey),
      status: 'active',
      createdBy: actor.id,
      createdAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'api_key.created',
      entityType: 'api_key',
      entityId: id,
      partnerId: actor.partnerId,
      after: auditOf(row),
    });
    return { ...viewOf(row, domainId, now), secretKey };
  });
}

export async function setKeyEnabled(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
  enabled: boolean,
): Promise<KeyView> {
  const domainId = await domainIdOf(ctx, actor.partnerId);
  const view = await ctx.db.transaction(async (tx) => {
    const before = await findPartnerKey(tx, actor.partnerId, id, { forUpdate: true });
    if (!before) throw new AppError('developer.key_not_found');
    const now = ctx.clock.now();
    const status = enabled ? 'active' : 'disabled';
    if (before.status === status) return viewOf(before, domainId, now);
    const row = await updateKey(tx, id, { status, disabledAt: enabled ? null : now });
    if (!row) throw new AppError('developer.key_not_found');
    await ctx.audit.record(tx, actor, {
      action: enabled ? 'api_key.enabled' : 'api_key.disabled',
      entityType: 'api_key',
      entityId: id,
      partnerId: actor.partnerId,
      before: auditOf(before),
      after: auditOf(row),
    });
    await announce(tx, KEY_TOPIC, row.accessKey);
    return viewOf(row, domainId, now);
  });
  return view;
}

/** New secret; the replaced one keeps verifying for 24 hours so callers can switch over. */
export async function rotateKey(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
): Promise<KeyView & { secretKey: string }> {
  const domainId = await domainIdOf(ctx, actor.partnerId);
  const view = await ctx.db.transaction(async (tx) => {
    await assertPartnerActive(tx, actor.partnerId);
    const before = await findPartnerKey(tx, actor.partnerId, id, { forUpdate: true });
    if (!before) throw new AppError('developer.key_not_found');
    if (before.status !== 'active') throw new AppError('developer.key_disabled');
    const now = ctx.clock.now();
    const secretKey = newSecretKey();
    const row = await updateKey(tx, id, {
      secretSealed: sealSecret(ctx.config.secretKey, SEAL_PURPOSE, id, secretKey),
      previousSecretSealed: before.secretSealed,
      previousExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_TTL_MS),
      rotatedAt: now,
    });
    if (!row) throw new AppError('developer.key_not_found');
    await ctx.audit.record(tx, actor, {
      action: 'api_key.rotated',
      entityType: 'api_key',
      entityId: id,
      partnerId: actor.partnerId,
      before: auditOf(before),
      after: { ...auditOf(row), previousSecretValidUntil: row.previousExpiresAt?.toISOString() ?? null },
    });
    await announce(tx, KEY_TOPIC, row.accessKey);
    return { ...viewOf(row, domainId, now), secretKey };
  });
  return view;
}

/** What the SDK centre shows: where to point the SDKs and with which domain id. */
export async function partnerApiInfoOf(
  ctx: AppContext,
  partnerId: string,
  operations: { method: string; path: string; operationId: string; summary: string }[],
) {
  const endpoint = ctx.config.publicUrl.replace(/\/+$/, '');
  return {
    endpoint,
    domainId: await domainIdOf(ctx, partnerId),
    docsUrl: `${endpoint}/docs`,
    openapiUrl: `${endpoint}/openapi.json`,
    operations,
  };
}
