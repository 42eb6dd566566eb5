import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { listPartnerUsers } from '../identity/partner-users.service.ts';
import './organization.errors.ts';
import { memberOf } from './members.service.ts';
import {
  deleteQualification as deleteRow,
  findProfile,
  findQualification,
  insertQualification,
  listProfiles,
  listQualificationsOfPartner,
  listQualificationsOfUser,
  type QualificationRow,
  updateQualification as updateRow,
  upsertProfile,
} from './organization.repository.ts';
import { addDays, businessDate, checkQualificationDates } from './organization.rules.ts';
import type { QualificationKind } from './organization.schemas.ts';
import { employmentView, qualificationView } from './organization.views.ts';

type PartnerActor = Actor & { id: string; partnerId: string };

export interface QualificationInput {
  kind: QualificationKind;
  name: string;
  organization?: string | null;
  reference?: string | null;
  startsOn?: string | null;
  endsOn?: string | null;
  description?: string | null;
}

export interface EmploymentInput {
  jobTitle?: string | null;
  department?: string | null;
  employeeNo?: string | null;
  employedSince?: string | null;
}

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function audited(q: QualificationRow) {
  return {
    kind: q.kind,
    name: q.name,
    organization: q.organization,
    reference: q.reference,
    startsOn: q.startsOn,
    endsOn: q.endsOn,
  };
}

/** One member's employment and records, as the member and the administrator see them. */
export async function qualificationsOf(ctx: AppContext, userId: string) {
  const [profile, items] = await Promise.all([
    findProfile(ctx.db, userId),
    listQualificationsOfUser(ctx.db, userId),
  ]);
  const today = businessDate(ctx.clock.now());
  return { employment: employmentView(profile), items: items.map((q) => qualificationView(q, today)) };
}

/** The administrator reads one member's qualifications. */
export async function memberQualifications(ctx: AppContext, partnerId: string, userId: string) {
  const u = await memberOf(ctx, partnerId, userId);
  return {
    member: { id: u.id, name: u.name, email: u.email, roles: u.roles, status: u.status },
    ...(await qualificationsOf(ctx, u.id)),
  };
}

async function touch(ctx: AppContext, tx: DbOrTx, actor: PartnerActor) {
  await upsertProfile(tx, actor.id, actor.partnerId, ctx.clock.now(), {
    qualificationsUpdatedAt: ctx.clock.now(),
  });
}

export async function saveEmployment(ctx: AppContext, actor: PartnerActor, input: EmploymentInput) {
  await ctx.db.transaction(async (tx) => {
    const before = await findProfile(tx, actor.id);
    const now = ctx.clock.now();
    const after = await upsertProfile(tx, actor.id, actor.partnerId, now, {
      jobTitle: blankToNull(input.jobTitle),
      department: blankToNull(input.department),
      employeeNo: blankToNull(input.employeeNo),
      employedSince: input.employedSince ?? null,
      qualificationsUpdatedAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'member_employment.updated',
      entityType: 'user',
      entityId: actor.id,
      partnerId: actor.partnerId,
      before: before ? employmentView(before) : null,
      after: employmentView(after),
    });
  });
  return qualificationsOf(ctx, actor.id);
}

function rowFields(input: QualificationInput) {
  checkQualificationDates(input);
  return {
    kind: input.kind,
    name: input.name.trim(),
    organization: blankToNull(input.organization),
    reference: blankToNull(input.reference),
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    description: blankToNull(input.description),
  };
}

export async function addQualification(ctx: AppContext, actor: PartnerActor, input: QualificationInput) {
  const fields = rowFields(input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const q = await insertQualification(tx, {
      id: newId('mql', now.getTime()),
      userId: actor.id,
      partnerId: actor.partnerId,
      ...fields,
      createdAt: now,
      updatedAt: now,
    });
    await touch(ctx, tx, actor);
    await ctx.audit.record(tx, actor, {
      action: 'member_qualification.added',
      entityType: 'member_qualification',
      entityId: q.id,
      partnerId: q.partnerId,
      after: audited(q),
    });
    return q;
  });
  return qualificationView(row, businessDate(now));
}

async function ownRecord(db: DbOrTx, actor: PartnerActor, id: string): Promise<QualificationRow> {
  const q = await findQualification(db, id);
  if (!q || q.userId !== actor.id) throw new AppError('organization.qualification_not_found');
  return q;
}

/** A member changes their own record; a new certificate expiry date earns a new 30-day warning. */
export async function changeQualification(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
  input: QualificationInput,
) {
  const fields = rowFields(input);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const before = await ownRecord(tx, actor, id);
    const q = await updateRow(tx, id, { ...fields, updatedAt: now });
    await touch(ctx, tx, actor);
    await ctx.audit.record(tx, actor, {
      action: 'member_qualification.updated',
      entityType: 'member_qualification',
      entityId: q.id,
      partnerId: q.partnerId,
      before: audited(before),
      after: audited(q),
    });
    return q;
  });
  return qualificationView(row, businessDate(now));
}

export async function removeQualification(ctx: AppContext, actor: PartnerActor, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const before = await ownRecord(tx, actor, id);
    await deleteRow(tx, id);
    await touch(ctx, tx, actor);
    await ctx.audit.record(tx, actor, {
      action: 'member_qualification.deleted',
      entityType: 'member_qualification',
      entityId: id,
      partnerId: before.partnerId,
      before: audited(before),
    });
  });
}

/** The administrator's view of the whole organization, filterable by kind and by coming expiry. */
export async function organizationQualifications(
  ctx: AppContext,
  partnerId: string,
  filter: { kind?: QualificationKind; expiringWithinDays?: number },
) {
  const [users, profiles, records] = await Promise.all([
    listPartnerUsers(ctx, partnerId),
    listProfiles(ctx.db, partnerId),
    listQualificationsOfPartner(ctx.db, partnerId),
  ]);
  const today = businessDate(ctx.clock.now());
  const horizon = filter.expiringWithinDays === undefined ? null : addDays(today, filter.expiringWithinDays);
  const keep = (q: QualificationRow) =>
    (!filter.kind || q.kind === filter.kind) &&
    (!horizon || (q.kind === 'certificate' && q.endsOn !== null && q.endsOn <= horizon));
  const byUser = new Map(profiles.map((p) => [p.userId, p]));
  const filtering = filter.kind !== undefined || horizon !== null;
  const items = users
    .map((u) => ({
      member: { id: u.id, name: u.name, email: u.email, roles: u.roles, status: u.status },
      employment: employmentView(byUser.get(u.id)),
      items: records.filter((q) => q.userId === u.id && keep(q)).map((q) => qualificationView(q, today)),
    }))
    .filter((m) => !filtering || m.items.length > 0);
  return { items };
}
