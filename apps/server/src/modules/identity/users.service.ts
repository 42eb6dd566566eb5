import { type DbOrTx, schema } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  adminEmailsOf,
  findAdminsOfPartners,
  findPartnerAdmins,
  findUserByEmail,
  findUserByPhone,
  findUsersByIds,
  insertUser,
  listOperatorsWithRoles,
  type UserRow,
} from './identity.repository.ts';
import { hashPassword } from './passwords.ts';
import { normalizeEmail, normalizePhone } from './secrets.ts';

export type { UserRow };

export interface NewUser {
  userType: 'partner' | 'operator' | 'customer';
  partnerId: string | null;
  /** Customer users: their customer account (customers.id). */
  customerId?: string | null;
  roles: string[];
  email: string;
  name: string;
  phone?: string | null;
  password: string;
  /** When the caller hashed `password` already (outside its transaction, to keep that short). */
  passwordHash?: string;
  locale?: Locale;
  accountKind?: 'local' | 'federated';
  site?: 'cn' | 'intl';
  /** Accounts made by operators, seeds and tests start confirmed; self sign-ups confirm by code. */
  verified: boolean;
  id?: string;
}

/** Creates a user in the caller's transaction and audits it; refuses a taken email or phone. */
export async function createUser(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: NewUser,
): Promise<UserRow> {
  const now = ctx.clock.now();
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(tx, email)) throw new AppError('identity.email_taken');
  // Phones are stored in E.164 whatever path brought them (the schemas normalise them already).
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone && (await findUserByPhone(tx, phone))) throw new AppError('identity.contact_taken');
  const user = await insertUser(tx, {
    id: input.id ?? newId('usr', now.getTime()),
    userType: input.userType,
    partnerId: input.partnerId,
    customerId: input.customerId ?? null,
    roles: input.roles,
    email,
    phone,
    name: input.name,
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    accountKind: input.accountKind ?? 'local',
    site: input.site ?? 'cn',
    locale: input.locale ?? 'zh-CN',
    status: 'active',
    emailVerifiedAt: input.verified ? now : null,
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record(tx, actor, {
    action: 'user.created',
    entityType: 'user',
    entityId: user.id,
    partnerId: user.partnerId,
    after: publicFields(user),
  });
  return user;
}

/** What the audit log may keep of a user: never the password hash. */
export function publicFields(u: UserRow) {
  return {
    userType: u.userType,
    roles: u.roles,
    email: u.email,
    phone: u.phone,
    name: u.name,
    accountKind: u.accountKind,
    site: u.site,
    locale: u.locale,
  };
}

export function sessionUserOf(u: UserRow, sessionId: string): SessionUser {
  return {
    id: u.id,
    sessionId,
    userType: u.userType === 'operator' || u.userType === 'customer' ? u.userType : 'partner',
    partnerId: u.partnerId,
    customerId: u.customerId,
    roles: u.roles,
    email: u.email,
    name: u.name,
  };
}

/** The first administrator's email of each partner. */
export function partnerAdminEmails(ctx: AppContext, partnerIds: string[]): Promise<Map<string, string>> {
  return adminEmailsOf(ctx.db, partnerIds);
}

/** The partner's active administrators (with contacts and language), e.g. to notify them. */
export function partnerAdmins(ctx: AppContext, partnerId: string, db: DbOrTx = ctx.db): Promise<UserRow[]> {
  return findPartnerAdmins(db, partnerId);
}

/** The active administrators of many partners at once, by partner (set-based notifying). */
export function adminsOfPartners(
  ctx: AppContext,
  partnerIds: readonly string[],
  db: DbOrTx = ctx.db,
): Promise<Map<string, UserRow[]>> {
  return findAdminsOfPartners(db, [...new Set(partnerIds)]);
}

/** Active operators with any of the roles (assignee pickers, escalation recipients). */
export function operatorsWithRoles(
  ctx: AppContext,
  roles: readonly string[],
  db: DbOrTx = ctx.db,
): Promise<UserRow[]> {
  return listOperatorsWithRoles(db, roles);
}

/** Users by id, for other modules that show or notify them. */
export function usersByIds(ctx: AppContext, ids: readonly string[], db: DbOrTx = ctx.db): Promise<UserRow[]> {
  return findUsersByIds(db, [...new Set(ids)]);
}

/**
 * Ids of the users (operators, partner and customer users) whose name or email contains the text,
 * case-insensitive, as a subquery other modules filter on (the console audit log's actor search).
 */
export function userIdsMatchingSql(text: string): SQL {
  const pattern = `%${text
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const u = schema.users;
  return sql`(select ${u.id} from ${u} where lower(${u.name}) like ${pattern} or lower(${u.email}) like ${pattern})`;
}
