import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { usersByIds } from '../identity/index.ts';
import { partnersByIds } from '../partners/index.ts';
import type { ProgramCode } from '../programs/index.ts';
import { programFit } from './memberships.fit.ts';
import { notifyOperator, notifyPartnerAdmins, programName } from './memberships.notify.ts';
import {
  type ApplicationFilter,
  type ApplicationRow,
  activeProgramsOf,
  decideApplication,
  endLink,
  endMembership,
  findActiveLinkOfReseller,
  findActiveMembership,
  findApplication,
  findManager,
  findOpenApplication,
  insertApplication,
  insertMembership,
  listPerformance,
  type MembershipRow,
  queryApplications,
} from './memberships.repository.ts';
import { applicationKindOf, bestRecentFen, qualifyingPerformance } from './memberships.rules.ts';

/** Makes the partner a member of the program (no-op when it already is) and audits it. */
export async function grantMembership(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: { partnerId: string; program: string; source: string; sourceId?: string | null },
): Promise<MembershipRow> {
  const existing = await findActiveMembership(tx, input.partnerId, input.program);
  if (existing) return existing;
  const now = ctx.clock.now();
  const m = await insertMembership(tx, {
    id: newId('mbr', now.getTime()),
    partnerId: input.partnerId,
    program: input.program,
    status: 'active',
    source: input.source,
    sourceId: input.sourceId ?? null,
    startedAt: now,
  });
  await ctx.audit.record(tx, actor, {
    action: 'membership.granted',
    entityType: 'membership',
    entityId: m.id,
    partnerId: m.partnerId,
    after: { program: m.program, source: m.source, sourceId: m.sourceId },
  });
  return m;
}

/** Ends an active membership (exit, upgrade) and audits it. */
export async function endMembershipOf(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  partnerId: string,
  program: string,
  reason: string,
): Promise<void> {
  const m = await findActiveMembership(tx, partnerId, program);
  if (!m) return;
  await endMembership(tx, m.id, ctx.clock.now());
  await ctx.audit.record(tx, actor, {
    action: 'membership.ended',
    entityType: 'membership',
    entityId: m.id,
    partnerId,
    before: { program, status: 'active' },
    after: { program, status: 'ended', reason },
  });
}

/** R2/R5: a partner administrator applies to join a program. */
export async function applyToProgram(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  input: { program: ProgramCode; note?: string },
): Promise<ApplicationRow> {
  const kind = applicationKindOf(input.program);
  if (kind === 'invitation') throw new AppError('memberships.reseller_by_invitation');
  const partnerId = actor.partnerId;
  return ctx.db.transaction(async (tx) => {
    if (await findActiveMembership(tx, partnerId, input.program))
      throw new AppError('memberships.already_member');
    if (await findOpenApplication(tx, partnerId, input.program))
      throw new AppError('memberships.application_open');
    const now = ctx.clock.now();
    let performance: { year: number; amountFen: number } | undefined;
    if (kind === 'assc') {
      if (!(await findActiveMembership(tx, partnerId, 'cloud_reseller'))) {
        throw new AppError('memberships.not_cloud_reseller');
      }
      const rows = await listPerformance(tx, [partnerId]);
      performance = qualifyingPerformance(rows, now, ctx.config.asscThresholdFen);
      if (!performance) {
        throw new AppError('memberships.below_threshold', {
          threshold: fenToYuan(ctx.config.asscThresholdFen),
          best: fenToYuan(bestRecentFen(rows, now)),
        });
      }
    }
    if (
      kind === 'upgrade' &&
      !(await findActiveMembership(tx, partnerId, 'authorized_sales_support_center'))
    ) {
      throw new AppError('memberships.not_assc_member');
    }
    // The specific refusals above come first; what is left of "not for this kind" is the Solution
    // Provider program for the two channel tiers (issue 14: the server refuses what the page hides).
    const held = (await activeProgramsOf(tx, [partnerId])).get(partnerId) ?? [];
    const fit = programFit(input.program, held);
    if (fit.reason === 'distributor_develops_resellers')
      throw new AppError('memberships.not_for_distributors');
    if (fit.reason === 'reseller_under_distributor') throw new AppError('memberships.not_for_resellers');
    let app: ApplicationRow;
    try {
      app = await insertApplication(tx, {
        id: newId('mba', now.getTime()),
        partnerId,
        program: input.program,
        kind,
        status: 'submitted',
        note: input.note?.trim() ?? '',
        submittedBy: actor.id,
        performanceYear: performance?.year ?? null,
        performanceFen: performance?.amountFen ?? null,
        createdAt: now,
        updatedAt: now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('memberships.application_open');
      throw e;
    }
    await ctx.audit.record(tx, actor, {
      action: 'membership_application.submitted',
      entityType: 'membership_application',
      entityId: app.id,
      partnerId,
      after: { program: app.program, kind, note: app.note, performance: performance ?? null },
    });
    if (kind !== 'join') {
      const mgr = await findManager(tx, partnerId);
      const [op] = mgr ? await usersByIds(ctx, [mgr.managerId], tx) : [];
      const partner = (await partnersByIds(ctx, [partnerId], tx)).get(partnerId);
      if (op && partner) {
        await notifyOperator(
          ctx,
          tx,
          op,
          'memberships.application_to_review',
          `mba-review:${app.id}`,
          (l) => ({
            partnerName: partner.name,
            program: programName(app.program, l),
          }),
        );
      }
    }
    return app;
  });
}

/** The administrator takes back an application still waiting for review. */
export async function withdrawApplication(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  id: string,
): Promise<ApplicationRow> {
  return ctx.db.transaction(async (tx) => {
    const app = await findApplication(tx, id);
    if (!app || app.partnerId !== actor.partnerId) throw new AppError('common.not_found');
    const done = await decideApplication(tx, id, {
      status: 'withdrawn',
      reviewerId: null,
      reason: null,
      at: ctx.clock.now(),
    });
    if (!done) throw new AppError('memberships.application_not_pending', { status: app.status });
    await ctx.audit.record(tx, actor, {
      action: 'membership_application.withdrawn',
      entityType: 'membership_application',
      entityId: id,
      partnerId: app.partnerId,
      before: { status: 'submitted' },
      after: { status: 'withdrawn' },
    });
    return done;
  });
}

/**
 * R5: the two-step path is reviewed by the partner's own ecosystem manager (or an operator
 * admin); ordinary joins by any reviewer or ecosystem manager.
 */
async function assertMayReview(tx: DbOrTx, actor: Actor, app: ApplicationRow): Promise<void> {
  if (app.kind === 'join' || actor.roles.includes('admin')) return;
  const mgr = await findManager(tx, app.partnerId);
  if (!mgr) throw new AppError('memberships.no_manager');
  if (mgr.managerId !== actor.id) throw new AppError('memberships.not_your_partner');
}

export type Decision = 'approve' | 'reject';

/** Approves or rejects one submitted application; of two concurrent decisions exactly one wins. */
export async function reviewApplication(
  ctx: AppContext,
  actor: Actor,
  id: string,
  decision: Decision,
  reason?: string,
): Promise<ApplicationRow> {
  const why = reason?.trim() ?? '';
  if (decision === 'reject' && !why) throw new AppError('memberships.reason_required');
  return ctx.db.transaction(async (tx) => {
    const app = await findApplication(tx, id);
    if (!app) throw new AppError('common.not_found');
    if (app.status !== 'submitted')
      throw new AppError('memberships.application_not_pending', { status: app.status });
    await assertMayReview(tx, actor, app);
    const now = ctx.clock.now();
    const done = await decideApplication(tx, id, {
      status: decision === 'approve' ? 'approved' : 'rejected',
      reviewerId: actor.id,
      reason: why || null,
      at: now,
    });
    if (!done) {
      const current = await findApplication(tx, id);
      throw new AppError('memberships.application_not_pending', { status: current?.status ?? 'unknown' });
    }
    await ctx.audit.record(tx, actor, {
      action: `membership_application.${done.status}`,
      entityType: 'membership_application',
      entityId: id,
      partnerId: app.partnerId,
      before: { status: 'submitted' },
      after: { status: done.status, reason: done.reviewReason },
    });
    if (decision === 'approve') {
      await grantMembership(ctx, tx, actor, {
        partnerId: app.partnerId,
        program: app.program,
        source: 'application',
        sourceId: app.id,
      });
      // A distributor is tier 1: it leaves its own distributor and the cloud reseller program.
      if (app.kind === 'upgrade') {
        const link = await findActiveLinkOfReseller(tx, app.partnerId);
        if (link) {
          await endLink(tx, link.id, now, 'upgrade');
          await ctx.audit.record(tx, actor, {
            action: 'reseller_link.ended',
            entityType: 'reseller_link',
            entityId: link.id,
            partnerId: app.partnerId,
            after: { distributorId: link.distributorId, reason: 'upgrade' },
          });
        }
        await endMembershipOf(ctx, tx, actor, app.partnerId, 'cloud_reseller', 'upgrade');
      }
    }
    await notifyPartnerAdmins(
      ctx,
      tx,
      app.partnerId,
      decision === 'approve' ? 'memberships.application_approved' : 'memberships.application_rejected',
      `mba-${done.status}:${id}`,
      (l) => ({ program: programName(app.program, l), reason: why || (l === 'zh-CN' ? '无' : 'none') }),
      { sms: true },
    );
    return done;
  });
}

export interface BulkResult {
  id: string;
  ok: boolean;
  code?: string;
  message?: string;
}

/** Each application in its own transaction: one refusal does not undo the others. */
export async function reviewApplications(
  ctx: AppContext,
  actor: Actor,
  ids: readonly string[],
  decision: Decision,
  reason?: string,
): Promise<{ results: BulkResult[] }> {
  if (decision === 'reject' && !reason?.trim()) throw new AppError('memberships.reason_required');
  const results: BulkResult[] = [];
  for (const id of new Set(ids)) {
    try {
      await reviewApplication(ctx, actor, id, decision, reason);
      results.push({ id, ok: true });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      results.push({ id, ok: false, code: e.code, message: ctx.errors.message(e, actor.locale) });
    }
  }
  return { results };
}

export interface ApplicationView {
  id: string;
  partnerId: string;
  partnerName: string;
  program: string;
  kind: string;
  status: string;
  note: string;
  performanceYear: number | null;
  performanceFen: number | null;
  reviewerId: string | null;
  reviewerName: string | null;
  reviewReason: string | null;
  reviewedAt: string | null;
  createdAt: string;
}

export async function viewApplications(
  ctx: AppContext,
  rows: readonly ApplicationRow[],
  db: DbOrTx = ctx.db,
): Promise<ApplicationView[]> {
  const partners = await partnersByIds(
    ctx,
    rows.map((r) => r.partnerId),
    db,
  );
  const reviewers = new Map(
    (
      await usersByIds(
        ctx,
        rows.map((r) => r.reviewerId).filter((x): x is string => !!x),
        db,
      )
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partnerId,
    partnerName: partners.get(r.partnerId)?.name ?? r.partnerId,
    program: r.program,
    kind: r.kind,
    status: r.status,
    note: r.note,
    performanceYear: r.performanceYear,
    performanceFen: r.performanceFen,
    reviewerId: r.reviewerId,
    reviewerName: r.reviewerId ? (reviewers.get(r.reviewerId) ?? null) : null,
    reviewReason: r.reviewReason,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** The console queue with filters; `mine` limits it to partners the operator manages. */
export async function listApplicationQueue(
  ctx: AppContext,
  actor: Actor,
  q: Omit<ApplicationFilter, 'managerId'> & { mine?: boolean },
): Promise<{ items: ApplicationView[]; nextBefore: string | null }> {
  const rows = await queryApplications(ctx.db, {
    ...q,
    managerId: q.mine && actor.id ? actor.id : undefined,
  });
  const last = rows.at(-1);
  return {
    items: await viewApplications(ctx, rows),
    nextBefore: rows.length === q.limit && last ? last.id : null,
  };
}
