import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { getPartner } from '../partners/partners.service.ts';
import { type ApplicationView, viewApplications } from './applications.service.ts';
import { currentDistributor, type ResellerView, resellersOf } from './hierarchy.service.ts';
import { type ManagerContact, managerContact } from './managers.service.ts';
import { listApplicationsOf, listMemberships, listPerformance } from './memberships.repository.ts';
import { businessYear, qualifyingPerformance } from './memberships.rules.ts';

export interface MembershipView {
  id: string;
  program: string;
  status: string;
  source: string;
  startedAt: string;
  endedAt: string | null;
}

export interface Overview {
  memberships: MembershipView[];
  applications: ApplicationView[];
  performance: { year: number; amountFen: number; source: string }[];
  currentYear: number;
  thresholdFen: number;
  /** What the partner may apply for next on the R5 path. */
  eligibility: { assc: boolean; upgrade: boolean };
  manager: ManagerContact | null;
  distributor: { id: string; name: string; since: string } | null;
  isDistributor: boolean;
}

/** Everything the portal's Programs page shows, for one partner. */
export async function membershipOverview(ctx: AppContext, partnerId: string): Promise<Overview> {
  const [ms, apps, perf, manager, distributor] = await Promise.all([
    listMemberships(ctx.db, partnerId),
    listApplicationsOf(ctx.db, partnerId),
    listPerformance(ctx.db, [partnerId]),
    managerContact(ctx, partnerId),
    currentDistributor(ctx, partnerId),
  ]);
  const now = ctx.clock.now();
  const active = new Set(ms.filter((m) => m.status === 'active').map((m) => m.program));
  const open = new Set(apps.filter((a) => a.status === 'submitted').map((a) => a.program));
  const assc = 'authorized_sales_support_center';
  return {
    memberships: ms.map((m) => ({
      id: m.id,
      program: m.program,
      status: m.status,
      source: m.source,
      startedAt: m.startedAt.toISOString(),
      endedAt: m.endedAt?.toISOString() ?? null,
    })),
    applications: await viewApplications(ctx, apps),
    performance: perf.map((p) => ({ year: p.year, amountFen: p.amountFen, source: p.source })),
    currentYear: businessYear(now),
    thresholdFen: ctx.config.asscThresholdFen,
    eligibility: {
      assc:
        active.has('cloud_reseller') &&
        !active.has(assc) &&
        !open.has(assc) &&
        !!qualifyingPerformance(perf, now, ctx.config.asscThresholdFen),
      upgrade: active.has(assc) && !active.has('distributor') && !open.has('distributor'),
    },
    manager,
    distributor,
    isDistributor: active.has('distributor'),
  };
}

export interface PartnerMembershipDetail extends Overview {
  partner: { id: string; name: string; domainId: string; site: string; status: string; createdAt: string };
  resellers: ResellerView[];
}

/** The console's partner detail: the portal overview plus the company and its resellers. */
export async function partnerMembershipDetail(
  ctx: AppContext,
  partnerId: string,
): Promise<PartnerMembershipDetail> {
  const p = await getPartner(ctx, partnerId);
  if (!p) throw new AppError('common.not_found');
  const overview = await membershipOverview(ctx, partnerId);
  return {
    ...overview,
    partner: {
      id: p.id,
      name: p.name,
      domainId: p.domainId,
      site: p.site,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
    },
    resellers: overview.isDistributor ? await resellersOf(ctx, partnerId) : [],
  };
}
