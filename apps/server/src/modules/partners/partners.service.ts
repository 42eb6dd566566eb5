import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '@pc/db';
import { announce } from '../../platform/cache/invalidations.ts';
import { createMemoryCache, perContext } from '../../platform/cache/memory-cache.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  type DirectoryQuery,
  findPartner,
  findPartnerByDomainId,
  findPartnersByIds,
  insertPartner,
  listPartners,
  lockPartner,
  type PartnerRow,
  partnerStatusForWrite,
  searchPartnersByName as searchByName,
  searchDirectory,
  updatePartner,
} from './partners.repository.ts';

export type { DirectoryQuery, DirectorySort } from './partners.repository.ts';
export type { PartnerRow };

export interface NewPartner {
  name: string;
  site?: 'cn' | 'intl';
  /** Fixed ids for demo data; generated otherwise. */
  id?: string;
  domainId?: string;
}

/** The provider-side account id: 32 hex characters, like the cloud's own domain ids. */
export function newDomainId(): string {
  return randomBytes(16).toString('hex');
}

/** Creates the partner company inside the caller's transaction and audits it. */
export async function createPartner(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: NewPartner,
): Promise<PartnerRow> {
  const now = ctx.clock.now();
  const partner = await insertPartner(tx, {
    id: input.id ?? newId('prt', now.getTime()),
    name: input.name,
    domainId: input.domainId ?? newDomainId(),
    site: input.site ?? 'cn',
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record(tx, actor, {
    action: 'partner.registered',
    entityType: 'partner',
    entityId: partner.id,
    partnerId: partner.id,
    after: { name: partner.name, domainId: partner.domainId, site: partner.site },
  });
  return partner;
}

export function getPartner(
  ctx: AppContext,
  id: string,
  db: DbOrTx = ctx.db,
): Promise<PartnerRow | undefined> {
  return findPartner(db, id);
}

/**
 * Partners kept in memory for hot reads (`GET /api/me`). Whatever changes a partner row must
 * `announce(tx, PARTNER_TOPIC, id)` in its transaction (`setPartnerStatus` does).
 */
export const PARTNER_TOPIC = 'partner';
const partnerCache = perContext((ctx: AppContext) => {
  const cache = createMemoryCache<PartnerRow>(ctx.invalidations);
  ctx.invalidations.on(PARTNER_TOPIC, (id) => (id === '*' ? cache.clear() : cache.forget(id)));
  return cache;
});

/** `getPartner` from memory when this process has it (reads outside any transaction only). */
export function getPartnerCached(ctx: AppContext, id: string): Promise<PartnerRow | undefined> {
  return partnerCache(ctx).through(id, ctx.clock.now(), () => findPartner(ctx.db, id));
}

/** A partner by its provider-side account id (partner API `indirect_partner_id`, sign-up links). */
export function getPartnerByDomainId(db: DbOrTx, domainId: string): Promise<PartnerRow | undefined> {
  return findPartnerByDomainId(db, domainId);
}

/** Active partners by name fragment (a customer choosing the partner to apply to). */
export function searchPartnersByName(db: DbOrTx, text: string, limit = 10): Promise<PartnerRow[]> {
  return searchByName(db, text, limit);
}

/** Partners by id (other modules' lists show their names). */
export async function partnersByIds(
  ctx: AppContext,
  ids: readonly string[],
  db: DbOrTx = ctx.db,
): Promise<Map<string, PartnerRow>> {
  return new Map((await findPartnersByIds(db, ids)).map((p) => [p.id, p]));
}

/** Partners newest first, a page of `limit` before the id `before` (the console's registrations). */
export function listRecentPartners(ctx: AppContext, limit: number, before?: string): Promise<PartnerRow[]> {
  return listPartners(ctx.db, limit, before);
}

/** A page of the console's partner directory and the number of matches. */
export function searchPartnerDirectory(
  ctx: AppContext,
  q: DirectoryQuery,
): Promise<{ rows: PartnerRow[]; total: number }> {
  return searchDirectory(ctx.db, q);
}

export type PartnerStatus = 'active' | 'suspended';

/**
 * Suspends or resumes a partner inside the caller's transaction: the row is locked, so of two
 * concurrent suspensions one acts and the other finds it suspended (`partners.already_suspended`).
 * Audited, and announced so every process forgets its cached copy when this commits.
 */
export async function setPartnerStatus(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  id: string,
  status: PartnerStatus,
  reason: string,
): Promise<{ before: PartnerRow; after: PartnerRow }> {
  const before = await lockPartner(tx, id);
  if (!before) throw new AppError('partners.not_found');
  if (before.status === status) {
    throw new AppError(status === 'suspended' ? 'partners.already_suspended' : 'partners.not_suspended');
  }
  const now = ctx.clock.now();
  const after = await updatePartner(
    tx,
    id,
    status === 'suspended'
      ? { status, suspendedAt: now, suspensionReason: reason, updatedAt: now }
      : { status, updatedAt: now },
  );
  await ctx.audit.record(tx, actor, {
    action: status === 'suspended' ? 'partner.suspended' : 'partner.resumed',
    entityType: 'partner',
    entityId: id,
    partnerId: id,
    before: { status: before.status },
    after: { status: after.status, reason },
  });
  await announce(tx, PARTNER_TOPIC, id);
  return { before, after };
}

/**
 * Refuses a new commitment (customer association, invitation, API key) of a suspended partner
 * with `partners.suspended`. In a transaction the row is share-locked, so a suspension committing
 * meanwhile waits for this write (or this write sees it).
 */
export async function assertPartnerActive(tx: DbOrTx, partnerId: string): Promise<void> {
  const status = await partnerStatusForWrite(tx, partnerId);
  if (status !== undefined && status !== 'active') throw new AppError('partners.suspended');
}
