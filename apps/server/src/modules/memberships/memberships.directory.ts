import { schema } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

// Conditions the console's partner directory puts on `partners.id`, over this module's table, so
// the partners module can page and count in one statement without reading memberships itself.

const { memberships } = schema;

/** The partner kinds of DOMAIN.md, each the program that makes a partner one. */
export const PARTNER_KINDS = [
  'solution_provider',
  'distributor',
  'cloud_reseller',
  'service_partner',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number] | 'unassigned';

/** Channel tier: 1 = distributor, 2 = cloud reseller, direct = neither (sells to customers itself). */
export const CHANNEL_TIERS = ['tier1', 'tier2', 'direct'] as const;
export type ChannelTier = (typeof CHANNEL_TIERS)[number];

const holdsAny = (partnerId: AnyPgColumn, programs: readonly string[]): SQL =>
  sql`exists (select 1 from ${memberships} m where m.partner_id = ${partnerId} and m.status = 'active' and m.program in (${sql.join(
    programs.map((p) => sql`${p}`),
    sql`, `,
  )}))`;

/** Partners holding an active membership of the program. */
export function inProgramSql(partnerId: AnyPgColumn, program: string): SQL {
  return holdsAny(partnerId, [program]);
}

/** Partners of a kind; `unassigned`: holding none of the four kinds' programs. */
export function ofKindSql(partnerId: AnyPgColumn, kind: PartnerKind): SQL {
  return kind === 'unassigned' ? sql`not ${holdsAny(partnerId, PARTNER_KINDS)}` : holdsAny(partnerId, [kind]);
}

/** Partners of a channel tier. */
export function ofTierSql(partnerId: AnyPgColumn, tier: ChannelTier): SQL {
  if (tier === 'tier1') return holdsAny(partnerId, ['distributor']);
  if (tier === 'tier2')
    return sql`(${holdsAny(partnerId, ['cloud_reseller'])} and not ${holdsAny(partnerId, ['distributor'])})`;
  return sql`not ${holdsAny(partnerId, ['distributor', 'cloud_reseller'])}`;
}

/** The tier a partner's active programs put it in. */
export function tierOf(programs: readonly string[]): ChannelTier {
  if (programs.includes('distributor')) return 'tier1';
  if (programs.includes('cloud_reseller')) return 'tier2';
  return 'direct';
}
