import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { getPartner } from '../partners/index.ts';
import { PROGRAMS } from '../programs/index.ts';
import { type ApplicationView, viewApplications } from './applications.service.ts';
import { currentDistributor, type ResellerView, resellersOf } from './hierarchy.service.ts';
import { type ManagerContact, managerContact } from './managers.service.ts';
import { FIT_REASON_TEXT, type FitReason, kindsOf, type ProgramFit, programFits } from './memberships.fit.ts';
import {
  activeProgramsOf,
  listApplicationsOf,
  listMemberships,
  listPerformance,
} from './memberships.repository.ts';
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

export interface ProgramFitView {
  code: string;
  name: string;
  summary: string;
  fit: ProgramFit;
  reasonCode: FitReason | null;
  reason: string | null;
}

/** Issue 14: every program, and how it stands for this partner's kind (fits first, in program order). */
export async function programsForPartner(
  ctx: AppContext,
  partnerId: string,
  locale: Locale,
): Promise<{ kinds: string[]; items: ProgramFitView[] }> {
  const held = (await activeProgramsOf(ctx.db, [partnerId])).get(partnerId) ?? [];
  const items = programFits(held).map((f) => {
    const p = PROGRAMS.find((x) => x.code === f.program);
    return {
      code: f.program,
      name: p?.name[locale] ?? f.program,
      summary: p?.summary[locale] ?? '',
      fit: f.fit,
      reasonCode: f.reason,
      reason: f.reason ? FIT_REASON_TEXT[f.reason][locale] : null,
    };
  });
  const rank = (v: ProgramFitView) => (v.fit === 'not_for_kind' ? 1 : 0);
  return { kinds: kindsOf(held), items: [...items].sort((a, b) => rank(a) - rank(b)) };
}
