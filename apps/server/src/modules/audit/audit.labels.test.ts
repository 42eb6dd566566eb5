import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionLabel } from './audit.labels.ts';

const SRC = join(import.meta.dirname, '..', '..');

/** Actions built from a template: what each can become. A new template fails until it is listed. */
const EXPANSIONS: Record<string, string[]> = {
  'reseller_invitation.${status}': ['accepted', 'declined', 'revoked', 'expired'].map(
    (s) => `reseller_invitation.${s}`,
  ),
  'certification.${decision.decision}': ['certification.approved', 'certification.rejected'],
  'membership_application.${done.status}': [
    'membership_application.approved',
    'membership_application.rejected',
  ],
  'customer_${req.direction}.${status}': ['application', 'invitation'].flatMap((d) =>
    ['accepted', 'declined', 'revoked'].map((s) => `customer_${d}.${s}`),
  ),
  'invoices.invoice_${TO[action]}': ['received', 'accepted', 'returned'].map((s) => `invoices.invoice_${s}`),
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Every action code the server writes: `action: …` literals and templates, and countersign's helper. */
function writtenActions(): { codes: Set<string>; templates: Set<string> } {
  const codes = new Set<string>();
  const templates = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\baction:\s*([^,\n]+)/g)) {
      const expr = m[1] ?? '';
      for (const l of expr.matchAll(/'([a-z_]+\.[a-z_]+)'/g)) codes.add(l[1] ?? '');
      for (const l of expr.matchAll(/`([^`]*\$\{[^`]*)`/g)) templates.add(l[1] ?? '');
    }
    for (const m of text.matchAll(/audit\(ctx, tx, actor, \w+, '([a-z_.]+)'/g)) codes.add(m[1] ?? '');
  }
  return { codes, templates };
}

describe('audit action labels', () => {
  const { codes, templates } = writtenActions();

  it('finds the actions the server writes', () => {
    expect(codes.size).toBeGreaterThan(100);
    expect(codes).toContain('partner.suspended');
    expect(codes).toContain('countersign.completed');
  });

  it('knows every templated action', () => {
    expect([...templates].filter((t) => !EXPANSIONS[t])).toEqual([]);
  });

  it('has a label in both languages for every action written anywhere', () => {
    const all = [...codes, ...[...templates].flatMap((t) => EXPANSIONS[t] ?? [])];
    expect(all.filter((c) => !AUDIT_ACTIONS.includes(c))).toEqual([]);
    for (const c of all) {
      expect(actionLabel(c, 'zh-CN')).not.toBe(c);
      expect(actionLabel(c, 'en-US')).not.toBe(c);
      expect(actionLabel(c, 'zh-CN')).not.toBe(actionLabel(c, 'en-US'));
    }
  });
});
