import type { Localized } from '../../platform/i18n/i18n.ts';
import { PROGRAM_CODES, type ProgramCode } from '../programs/index.ts';
import { PARTNER_KINDS, type PartnerKind, tierOf } from './memberships.directory.ts';

/**
 * How a program stands for a partner of its kind (issue 14, "programs show what fits the partner's
 * kind"): `member` (held), `apply` (an administrator may apply), `invitation` (joined by a
 * distributor's invitation), `next_step` (fits the kind, after another program first) or
 * `not_for_kind` (does not fit this kind; `reason` says why).
 */
export type ProgramFit = 'member' | 'apply' | 'invitation' | 'next_step' | 'not_for_kind';

export const FIT_REASONS = [
  'by_invitation',
  'assc_first',
  'only_cloud_resellers',
  'distributor_is_tier1',
  'reseller_under_distributor',
  'distributor_develops_resellers',
  'channel_path',
] as const;
export type FitReason = (typeof FIT_REASONS)[number];

export interface ProgramFitOf {
  program: ProgramCode;
  fit: ProgramFit;
  reason: FitReason | null;
}

/** The kinds (DOMAIN.md) a partner's active programs make it; `unassigned` when none. */
export function kindsOf(held: readonly string[]): PartnerKind[] {
  const kinds = PARTNER_KINDS.filter((k) => held.includes(k));
  return kinds.length ? kinds : ['unassigned'];
}

/**
 * R2/R5 as rules of fit. Distributors are tier 1 (they develop cloud resellers), cloud resellers tier 2
 * (they sell under a distributor), the rest sell to customers directly. Service Partner fits every kind.
 */
export function programFit(program: ProgramCode, held: readonly string[]): ProgramFitOf {
  const out = (fit: ProgramFit, reason: FitReason | null = null): ProgramFitOf => ({ program, fit, reason });
  if (held.includes(program)) return out('member');
  const tier = tierOf(held);
  switch (program) {
    case 'solution_provider':
      if (tier === 'tier1') return out('not_for_kind', 'distributor_develops_resellers');
      if (tier === 'tier2') return out('not_for_kind', 'reseller_under_distributor');
      return out('apply');
    case 'cloud_reseller':
      if (tier === 'tier1') return out('not_for_kind', 'distributor_is_tier1');
      return out('invitation', 'by_invitation');
    case 'authorized_sales_support_center':
      if (tier === 'tier2') return out('apply');
      return out('not_for_kind', 'only_cloud_resellers');
    case 'distributor':
      if (held.includes('authorized_sales_support_center')) return out('apply');
      if (tier === 'tier2') return out('next_step', 'assc_first');
      return out('not_for_kind', 'channel_path');
    case 'service_partner':
      return out('apply');
  }
}

/** Every program's fit, in the programs' order. */
export function programFits(held: readonly string[]): ProgramFitOf[] {
  return PROGRAM_CODES.map((p) => programFit(p, held));
}

const t = (zh: string, en: string): Localized => ({ 'zh-CN': zh, 'en-US': en });

/** Why a program stands as it does for the partner's kind, in both languages. */
export const FIT_REASON_TEXT: Record<FitReason, Localized> = {
  by_invitation: t(
    '云经销商须由总经销商邀请加入，请联系您的总经销商',
    'Cloud resellers join by a distributor’s invitation; ask your distributor to invite you',
  ),
  assc_first: t(
    '云经销商须先加入授权销售支持中心计划，才能申请升级为总经销商',
    'A cloud reseller first joins the Authorized Sales Support Center program, then applies to upgrade to distributor',
  ),
  only_cloud_resellers: t(
    '授权销售支持中心计划仅面向云经销商（年度业绩达到门槛后申请）',
    'The Authorized Sales Support Center program is for cloud resellers only (apply once the annual performance reaches the threshold)',
  ),
  distributor_is_tier1: t(
    '总经销商是一级渠道，不能再作为其他总经销商下的云经销商',
    'A distributor is tier 1 of the channel and cannot be a cloud reseller under another distributor',
  ),
  reseller_under_distributor: t(
    '云经销商通过总经销商向最终客户销售；解决方案提供商计划面向直接服务最终客户的伙伴',
    'Cloud resellers sell to end customers under their distributor; the Solution Provider program is for partners who serve end customers directly',
  ),
  distributor_develops_resellers: t(
    '总经销商专注发展和支持云经销商；解决方案提供商计划面向直接服务最终客户的伙伴',
    'Distributors develop and support cloud resellers; the Solution Provider program is for partners who serve end customers directly',
  ),
  channel_path: t(
    '总经销商由云经销商经授权销售支持中心计划升级而来，不能直接申请',
    'Distributors are cloud resellers who went through the Authorized Sales Support Center program; it cannot be applied for directly',
  ),
};
