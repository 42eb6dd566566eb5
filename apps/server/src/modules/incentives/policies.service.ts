import './incentives.errors.ts';
import type { DbOrTx } from '@pc/db';
import { businessDate } from '../../platform/clock/working-days.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { activeProgramsOf } from '../memberships/index.ts';
import { shanghaiDayStart } from '../tax/index.ts';
import { isPeriodStart, type PeriodKind } from './incentives.periods.ts';
import { findSettledAfter } from './periods.repository.ts';
import {
  endVersion,
  findPolicy,
  insertPolicy,
  insertVersion,
  listPolicies,
  listVersions,
  lockProgramPolicies,
  type PolicyRow,
  type VersionRow,
} from './policies.repository.ts';
import type { AddVersionBody, CreatePolicyBody, PolicyRules } from './policies.schemas.ts';

const DAY = 24 * 3600_000;

/** Inclusive last day `YYYY-MM-DD` → the exclusive instant after it. */
const endOfDay = (date: string) => new Date(shanghaiDayStart(date).getTime() + DAY);

function versionView(v: VersionRow) {
  return {
    id: v.id,
    version: v.version,
    validFrom: businessDate(v.validFrom),
    validTo: v.validTo ? businessDate(new Date(v.validTo.getTime() - 1)) : null,
    rules: v.rules as PolicyRules,
    note: v.note,
    createdAt: v.createdAt.toISOString(),
  };
}

export type PolicyView = ReturnType<typeof policyView>;

function policyView(p: PolicyRow, versions: readonly VersionRow[], now: Date) {
  const own = versions.filter((v) => v.policyId === p.id);
  const current = own.find((v) => v.validFrom <= now && (!v.validTo || v.validTo > now));
  return {
    id: p.id,
    code: p.code,
    name: { 'zh-CN': p.nameZh, 'en-US': p.nameEn },
    program: p.program,
    periodKind: p.periodKind as PeriodKind,
    versions: own.map(versionView),
    current: current ? versionView(current) : null,
  };
}

const intersects = <T>(a: readonly T[] | null, b: readonly T[] | null) =>
  a === null || b === null || a.some((x) => b.includes(x));

/** Two rule sets count some of the same spend. */
function countSameSpend(a: PolicyRules, b: PolicyRules): boolean {
  return (
    intersects(a.serviceTypes, b.serviceTypes) &&
    intersects(a.paymentKinds, b.paymentKinds) &&
    intersects(a.associationTypes, b.associationTypes)
  );
}

interface Window {
  from: Date;
  to: Date | null;
  kind: PeriodKind;
}

async function checkWindow(tx: DbOrTx, w: Window): Promise<void> {
  if (!isPeriodStart(w.kind, w.from))
    throw new AppError('incentives.valid_from_not_period_start', { kind: w.kind });
  if (w.to) {
    if (w.to <= w.from) throw new AppError('incentives.valid_to_before_from');
    if (!isPeriodStart(w.kind, w.to))
      throw new AppError('incentives.valid_from_not_period_start', { kind: w.kind });
  }
  const settled = await findSettledAfter(tx, w.kind, w.from);
  if (settled) throw new AppError('incentives.period_closed', { period: settled.key });
}

/** Refuses a window and rules that count spend another policy of the program already counts then. */
async function checkOverlap(
  tx: DbOrTx,
  program: string,
  code: string,
  w: Window,
  rules: PolicyRules,
  policyId: string | null,
): Promise<void> {
  const others = (await listPolicies(tx, program)).filter((p) => p.id !== policyId);
  const versions = await listVersions(
    tx,
    others.map((p) => p.id),
  );
  for (const v of versions) {
    const overlapsTime = (!w.to || v.validFrom < w.to) && (!v.validTo || v.validTo > w.from);
    if (overlapsTime && countSameSpend(rules, v.rules as PolicyRules)) {
      const other = others.find((p) => p.id === v.policyId);
      throw new AppError('incentives.policy_overlap', {
        policy: code,
        other: other ? `${other.code} (${other.nameZh} / ${other.nameEn}, v${v.version})` : v.policyId,
        otherId: v.policyId,
      });
    }
  }
}

/** An operator defines a policy with its first version (audited). */
export async function createPolicy(ctx: AppContext, actor: Actor, body: CreatePolicyBody) {
  const w: Window = {
    from: shanghaiDayStart(body.validFrom),
    to: body.validTo ? endOfDay(body.validTo) : null,
    kind: body.periodKind,
  };
  return ctx.db.transaction(async (tx) => {
    await lockProgramPolicies(tx, body.program);
    await checkWindow(tx, w);
    await checkOverlap(tx, body.program, body.code, w, body.rules, null);
    const now = ctx.clock.now();
    const policy = await insertPolicy(tx, {
      id: newId('ipl'),
      code: body.code,
      nameZh: body.nameZh,
      nameEn: body.nameEn,
      program: body.program,
      periodKind: body.periodKind,
      createdBy: actor.id,
      createdAt: now,
    });
    if (!policy) throw new AppError('incentives.policy_code_taken', { code: body.code });
    const version = await insertVersion(tx, {
      id: newId('ipv'),
      policyId: policy.id,
      version: 1,
      validFrom: w.from,
      validTo: w.to,
      rules: body.rules,
      note: body.note,
      createdBy: actor.id,
      createdAt: now,
    });
    const view = policyView(policy, [version], now);
    await ctx.audit.record(tx, actor, {
      action: 'incentives.policy_created',
      entityType: 'incentive_policy',
      entityId: policy.id,
      after: view,
    });
    return view;
  });
}

/**
 * A new version from the start of a period that is not settled yet; the previous version ends
 * there. History is never edited: settled periods keep the version they were computed with.
 */
export async function addPolicyVersion(
  ctx: AppContext,
  actor: Actor,
  policyId: string,
  body: AddVersionBody,
) {
  return ctx.db.transaction(async (tx) => {
    const policy = await findPolicy(tx, policyId);
    if (!policy) throw new AppError('incentives.policy_not_found');
    await lockProgramPolicies(tx, policy.program);
    const w: Window = {
      from: shanghaiDayStart(body.validFrom),
      to: body.validTo ? endOfDay(body.validTo) : null,
      kind: policy.periodKind as PeriodKind,
    };
    await checkWindow(tx, w);
    await checkOverlap(tx, policy.program, policy.code, w, body.rules, policy.id);
    const versions = await listVersions(tx, [policy.id]);
    const latest = versions.at(-1);
    if (latest && latest.validFrom >= w.from) {
      throw new AppError('incentives.period_closed', { period: businessDate(latest.validFrom) });
    }
    if (latest && (!latest.validTo || latest.validTo > w.from)) await endVersion(tx, latest.id, w.from);
    const now = ctx.clock.now();
    const version = await insertVersion(tx, {
      id: newId('ipv'),
      policyId: policy.id,
      version: (latest?.version ?? 0) + 1,
      validFrom: w.from,
      validTo: w.to,
      rules: body.rules,
      note: body.note,
      createdBy: actor.id,
      createdAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'incentives.policy_version_added',
      entityType: 'incentive_policy',
      entityId: policy.id,
      before: latest ? versionView(latest) : null,
      after: versionView(version),
    });
    return policyView(policy, await listVersions(tx, [policy.id]), now);
  });
}

export async function listPolicyViews(ctx: AppContext, program?: string) {
  const policies = await listPolicies(ctx.db, program);
  const versions = await listVersions(
    ctx.db,
    policies.map((p) => p.id),
  );
  const now = ctx.clock.now();
  return { items: policies.map((p) => policyView(p, versions, now)) };
}

/** The policies of the programs a partner holds (portal). */
export async function policiesForPartner(ctx: AppContext, partnerId: string) {
  const programs = (await activeProgramsOf(ctx.db, [partnerId])).get(partnerId) ?? [];
  const all = await listPolicyViews(ctx);
  return { items: all.items.filter((p) => programs.includes(p.program)) };
}

/** The version of each policy in force at an instant (settlement picks the one at period start). */
export async function versionsInForce(
  db: DbOrTx,
  kind: PeriodKind,
  at: Date,
): Promise<{ policy: PolicyRow; version: VersionRow; rules: PolicyRules }[]> {
  const policies = (await listPolicies(db)).filter((p) => p.periodKind === kind);
  const versions = await listVersions(
    db,
    policies.map((p) => p.id),
  );
  const out = [];
  for (const v of versions) {
    if (v.validFrom > at || (v.validTo && v.validTo <= at)) continue;
    const policy = policies.find((p) => p.id === v.policyId);
    if (policy) out.push({ policy, version: v, rules: v.rules as PolicyRules });
  }
  return out;
}
