import type { UserRow } from '../identity/index.ts';
import type { InvitationRow, ProfileRow, QualificationRow } from './organization.repository.ts';
import { effectiveStatus, expiryState } from './organization.rules.ts';
import type { QualificationKind } from './organization.schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function invitationView(row: InvitationRow, now: Date, inviter: { id: string; name: string } | null) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    status: effectiveStatus(row, now),
    invitedBy: inviter,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedAt: iso(row.acceptedAt),
    revokedAt: iso(row.revokedAt),
  };
}

export function employmentView(p: ProfileRow | undefined) {
  return {
    jobTitle: p?.jobTitle ?? null,
    department: p?.department ?? null,
    employeeNo: p?.employeeNo ?? null,
    employedSince: p?.employedSince ?? null,
    qualificationsUpdatedAt: iso(p?.qualificationsUpdatedAt ?? null),
  };
}

export function qualificationView(q: QualificationRow, today: string) {
  return {
    id: q.id,
    kind: q.kind as QualificationKind,
    name: q.name,
    organization: q.organization,
    reference: q.reference,
    startsOn: q.startsOn,
    endsOn: q.endsOn,
    description: q.description,
    expiryState: q.kind === 'certificate' && q.endsOn ? expiryState(q.endsOn, today) : null,
    updatedAt: q.updatedAt.toISOString(),
  };
}

export function memberView(
  u: UserRow,
  p: ProfileRow | undefined,
  records: QualificationRow[],
  today: string,
) {
  const certs = records.filter((r) => r.kind === 'certificate');
  const states = certs.map((c) => (c.endsOn ? expiryState(c.endsOn, today) : 'valid'));
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    phone: u.phone,
    roles: u.roles,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
    employment: employmentView(p),
    counts: {
      certificates: certs.length,
      trainings: records.filter((r) => r.kind === 'training').length,
      projects: records.filter((r) => r.kind === 'project').length,
      expiringCertificates: states.filter((s) => s === 'expiring').length,
      expiredCertificates: states.filter((s) => s === 'expired').length,
    },
  };
}
