import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { partnerAdmins } from '../identity/users.service.ts';
import { partnersByIds } from '../partners/partners.service.ts';
import { assertIsDistributor, resellersOf } from './hierarchy.service.ts';
import { managerContact } from './managers.service.ts';
import '../../platform/partner-api/cbc.errors.ts';

export interface IndirectPartner {
  indirect_partner_id: string;
  name: string;
  account_name: string;
  mobile_phone: string | null;
  email: string | null;
  associated_on: string;
  account_manager_id: string | null;
  account_manager_name: string | null;
}

export interface IndirectPartnerFilter {
  account_name?: string;
  associated_on_begin?: Date;
  associated_on_end?: Date;
  indirect_partner_id?: string;
  offset: number;
  limit: number;
}

/** `yyyy-MM-ddTHH:mm:ssZ`, as the contract writes times. */
export const apiUtc = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

/**
 * R2 over the partner API: the calling distributor's active cloud resellers, newest association
 * first. `account_name` is the reseller's sign-in account (its first administrator's email), with
 * that administrator's contact details; a caller that is not a distributor is refused (CBC.0155).
 */
export async function queryIndirectPartners(
  ctx: AppContext,
  distributorId: string,
  f: IndirectPartnerFilter,
): Promise<{ count: number; indirect_partners: IndirectPartner[] }> {
  try {
    await assertIsDistributor(ctx, distributorId);
  } catch (e) {
    if (e instanceof AppError && e.code === 'memberships.not_distributor') throw new AppError('CBC.0155');
    throw e;
  }
  const links = (await resellersOf(ctx, distributorId)).filter((l) => l.status === 'active');
  const partners = await partnersByIds(
    ctx,
    links.map((l) => l.resellerId),
  );
  const rows: IndirectPartner[] = [];
  for (const link of links) {
    const partner = partners.get(link.resellerId);
    if (!partner) continue;
    const [admin] = (await partnerAdmins(ctx, partner.id)).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
    const manager = await managerContact(ctx, partner.id);
    rows.push({
      indirect_partner_id: partner.domainId,
      name: partner.name,
      account_name: admin?.email ?? partner.name,
      mobile_phone: admin?.phone ?? null,
      email: admin?.email ?? null,
      associated_on: apiUtc(new Date(link.startedAt)),
      account_manager_id: manager?.id ?? null,
      account_manager_name: manager?.name ?? null,
    });
  }
  const needle = f.account_name?.trim().toLowerCase();
  const begin = f.associated_on_begin?.getTime();
  const end = f.associated_on_end?.getTime();
  const matching = rows
    .filter((r) => {
      const at = Date.parse(r.associated_on);
      if (f.indirect_partner_id && r.indirect_partner_id !== f.indirect_partner_id) return false;
      if (needle && !r.account_name.toLowerCase().includes(needle)) return false;
      if (begin !== undefined && at < begin) return false;
      if (end !== undefined && at > end) return false;
      return true;
    })
    .sort(
      (a, b) =>
        b.associated_on.localeCompare(a.associated_on) ||
        a.indirect_partner_id.localeCompare(b.indirect_partner_id),
    );
  return { count: matching.length, indirect_partners: matching.slice(f.offset, f.offset + f.limit) };
}
