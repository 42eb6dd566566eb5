import { z } from 'zod';
import { PROGRAM_CODES } from '../programs/index.ts';

const serviceType = z.string().trim().min(1).max(64);

export const policyRules = z.strictObject({
  /** The service types whose spend counts; null: every service. */
  serviceTypes: z.array(serviceType).min(1).max(200).nullable().default(null),
  paymentKinds: z
    .array(z.enum(['cash', 'voucher']))
    .min(1)
    .default(['cash']),
  associationTypes: z
    .array(z.enum(['resale', 'referral']))
    .min(1)
    .default(['resale', 'referral']),
  /** Rate per product category (a service type, or `*` for every other one), basis points (600 = 6 %). */
  rates: z
    .array(
      z.strictObject({
        category: z.union([serviceType, z.literal('*')]),
        basisPoints: z.number().int().min(0).max(10_000),
      }),
    )
    .min(1)
    .max(200),
  /** Volume tiers: the partner's matched spend in the period at or above `minFen` adds the bonus. */
  tiers: z
    .array(
      z.strictObject({
        minFen: z.number().int().min(0),
        bonusBasisPoints: z.number().int().min(0).max(10_000),
      }),
    )
    .max(20)
    .default([]),
  /** Whether partners may grant their own discounts on these products (the partner API's `allow_discount`). */
  allowDiscount: z.boolean().default(true),
});
export type PolicyRules = z.infer<typeof policyRules>;

const localizedName = z.string().trim().min(1).max(200);

export const createPolicyBody = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'upper-case letters, digits and dashes'),
  nameZh: localizedName,
  nameEn: localizedName,
  program: z.enum(PROGRAM_CODES),
  periodKind: z.enum(['monthly', 'quarterly']).default('monthly'),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable().default(null),
  rules: policyRules,
  note: z.string().trim().max(500).default(''),
});
export type CreatePolicyBody = z.infer<typeof createPolicyBody>;

export const addVersionBody = z.strictObject({
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable().default(null),
  rules: policyRules,
  note: z.string().trim().max(500).default(''),
});
export type AddVersionBody = z.infer<typeof addVersionBody>;

export const policyIdParams = z.strictObject({ id: z.string().min(1).max(64) });

export const policyVersionView = z.object({
  id: z.string(),
  version: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  rules: z.object({
    serviceTypes: z.array(z.string()).nullable(),
    paymentKinds: z.array(z.string()),
    associationTypes: z.array(z.string()),
    rates: z.array(z.object({ category: z.string(), basisPoints: z.number().int() })),
    tiers: z.array(z.object({ minFen: z.number().int(), bonusBasisPoints: z.number().int() })),
    allowDiscount: z.boolean(),
  }),
  note: z.string(),
  createdAt: z.string(),
});

export const policyView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
  program: z.string(),
  periodKind: z.enum(['monthly', 'quarterly']),
  versions: z.array(policyVersionView),
  current: policyVersionView.nullable(),
});
export const policyList = z.object({ items: z.array(policyView) });
