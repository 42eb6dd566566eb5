import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { nowrap } from '../../platform/lib/format.ts';
import type { InvitationStatus, Qualification } from './organization-api.ts';

type PartnerRole = 'admin' | 'member' | 'project_specialist';
const isPartnerRole = (r: string): r is PartnerRole => ['admin', 'member', 'project_specialist'].includes(r);

export function PartnerRoleTags({ roles }: { roles: string[] }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {roles.filter(isPartnerRole).map((r) => (
        <Tag key={r} color={r === 'admin' ? 'gold' : r === 'project_specialist' ? 'purple' : 'blue'}>
          {t(`organization.role.${r}`)}
        </Tag>
      ))}
    </Space>
  );
}

/** The invited roles as words, e.g. "Member / Project specialist". */
export function useRolesText(): (roles: string[]) => string {
  const { t } = useTranslation();
  return (roles) =>
    roles
      .filter(isPartnerRole)
      .map((r) => t(`organization.role.${r}`))
      .join(' / ');
}

const INVITATION_COLORS: Record<InvitationStatus, string> = {
  pending: 'processing',
  accepted: 'success',
  expired: 'default',
  revoked: 'error',
};

export function InvitationStatusTag({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={INVITATION_COLORS[status]} data-testid="invitation-status" data-status={status}>
      {t(`organization.invitationStatus.${status}`)}
    </Tag>
  );
}

export function UserStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return status === 'active' ? (
    <Tag color="green">{t('organization.userStatus.active')}</Tag>
  ) : (
    <Tag>{t('organization.userStatus.inactive')}</Tag>
  );
}

const EXPIRY_COLORS = { valid: 'green', expiring: 'orange', expired: 'red' } as const;

export function ExpiryTag({ state }: { state: Qualification['expiryState'] }) {
  const { t } = useTranslation();
  if (!state) return null;
  return (
    <Tag color={EXPIRY_COLORS[state]} data-testid="qualification-expiry" data-state={state}>
      {t(`organization.expiry.${state}`)}
    </Tag>
  );
}

/** A member's records; `actions` adds the owner's edit/delete column. */
export function QualificationTable({
  rows,
  loading,
  actions,
}: {
  rows: Qualification[];
  loading?: boolean;
  actions?: (q: Qualification) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Table<Qualification>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: t('organization.mine.empty') }}
      onRow={(r) =>
        ({
          'data-testid': 'qualification-row',
          'data-id': r.id,
          'data-kind': r.kind,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          title: t('organization.field.kind'),
          dataIndex: 'kind',
          render: (k: Qualification['kind']) => <span style={nowrap}>{t(`organization.kind.${k}`)}</span>,
        },
        {
          title: t('organization.field.recordName'),
          dataIndex: 'name',
          render: (v: string, r) => (
            <div>
              <Typography.Text strong>{v}</Typography.Text>
              {r.reference ? (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t(`organization.record.${r.kind}.reference`)}: {r.reference}
                </Typography.Text>
              ) : null}
            </div>
          ),
        },
        {
          title: `${t('organization.record.certificate.organization')} / ${t('organization.record.project.organization')}`,
          dataIndex: 'organization',
          render: (v: string | null) => v ?? '—',
        },
        {
          title: `${t('organization.record.project.startsOn')} – ${t('organization.record.project.endsOn')}`,
          key: 'dates',
          render: (_, r) => (
            <span style={nowrap}>
              {r.startsOn ?? '…'} – {r.endsOn ?? '…'}
            </span>
          ),
        },
        {
          title: t('organization.field.status'),
          key: 'expiry',
          render: (_, r) => <ExpiryTag state={r.expiryState} />,
        },
        ...(actions
          ? [
              {
                title: t('organization.field.actions'),
                key: 'actions',
                render: (_: unknown, r: Qualification) => actions(r),
              },
            ]
          : []),
      ]}
    />
  );
}
