import type { AppContext } from '../../platform/context.ts';
import { listRecentPartners } from '../partners/partners.service.ts';
import { partnerAdminEmails } from './users.service.ts';

export interface RegistrationItem {
  id: string;
  name: string;
  domainId: string;
  createdAt: string;
  adminEmail: string | null;
}

/** The console's list of recent registrations, newest first. */
export async function listRegistrations(
  ctx: AppContext,
  q: { limit: number; before?: string },
): Promise<{ items: RegistrationItem[]; nextBefore: string | null }> {
  const rows = await listRecentPartners(ctx, q.limit, q.before);
  const emails = await partnerAdminEmails(
    ctx,
    rows.map((r) => r.id),
  );
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    domainId: r.domainId,
    createdAt: r.createdAt.toISOString(),
    adminEmail: emails.get(r.id) ?? null,
  }));
  const last = rows.at(-1);
  return { items, nextBefore: rows.length === q.limit && last ? last.id : null };
}
