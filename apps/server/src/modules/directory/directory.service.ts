import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import {
  activeProgramsOf,
  inProgramSql,
  notifyPartnerAdmins,
  ofKindSql,
  ofTierSql,
  tierOf,
} from '../memberships/index.ts';
import {
  type DirectoryQuery,
  getPartner,
  type PartnerRow,
  type PartnerStatus,
  searchPartnerDirectory,
  setPartnerStatus,
} from '../partners/index.ts';
import type { DirectoryPage, DirectoryQueryInput, StandingView } from './directory.schemas.ts';

function standingOf(p: PartnerRow): StandingView {
  return {
    id: p.id,
    name: p.name,
    status: p.status === 'suspended' ? 'suspended' : 'active',
    suspendedAt: p.status === 'suspended' ? (p.suspendedAt?.toISOString() ?? null) : null,
    suspensionReason: p.status === 'suspended' ? p.suspensionReason : null,
  };
}

/** The console's partner directory: search, filters, one sorted page and the total. */
export async function searchDirectory(ctx: AppContext, q: DirectoryQueryInput): Promise<DirectoryPage> {
  const where: DirectoryQuery['where'] = [];
  const { program, tier, kind } = q;
  if (program) where.push((id) => inProgramSql(id, program));
  if (tier) where.push((id) => ofTierSql(id, tier));
  if (kind) where.push((id) => ofKindSql(id, kind));
  const { rows, total } = await searchPartnerDirectory(ctx, {
    text: q.q ? q.q.toLowerCase() : undefined,
    status: q.status,
    where,
    sort: q.sort,
    desc: q.order === 'desc',
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  const programs = await activeProgramsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((p) => {
      const held = (programs.get(p.id) ?? []).sort();
      return {
        ...standingOf(p),
        domainId: p.domainId,
        site: p.site,
        programs: held,
        tier: tierOf(held),
        createdAt: p.createdAt.toISOString(),
      };
    }),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function partnerStanding(ctx: AppContext, partnerId: string): Promise<StandingView> {
  const p = await getPartner(ctx, partnerId);
  if (!p) throw new AppError('partners.not_found');
  return standingOf(p);
}

/**
 * Suspends or resumes a partner: the change, its audit record, the cache announcement and the
 * notice to each of the partner's administrators (email and in-app, in their language) commit
 * together or not at all.
 */
export async function changePartnerStatus(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  status: PartnerStatus,
  reason: string,
): Promise<StandingView> {
  return ctx.db.transaction(async (tx) => {
    const { after } = await setPartnerStatus(ctx, tx, actor, partnerId, status, reason);
    const at = after.updatedAt.getTime();
    await notifyPartnerAdmins(
      ctx,
      tx,
      partnerId,
      status === 'suspended' ? 'directory.partner_suspended' : 'directory.partner_resumed',
      `partner-${status}:${partnerId}:${at}`,
      () => ({ partnerName: after.name, reason }),
    );
    return standingOf(after);
  });
}
