import { Collapse, Empty, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../platform/components/query-state.tsx';
import type { PartnerTabProps } from '../../platform/feature.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import {
  type Invitation,
  type InvitationStatus,
  type Member,
  usePartnerOrganization,
  usePartnerQualifications,
} from './organization-api.ts';
import {
  InvitationStatusTag,
  PartnerRoleTags,
  QualificationTable,
  UserStatusTag,
} from './organization-parts.tsx';

/** Partner detail > Organization: members with roles, invitations and everyone's qualifications (read only). */
export function PartnerOrganizationTab({ partnerId }: PartnerTabProps) {
  const { t, i18n } = useTranslation();
  const org = usePartnerOrganization(partnerId);
  const quals = usePartnerQualifications(partnerId);
  return (
    <QueryState isLoading={org.isLoading} error={org.error} onRetry={() => org.refetch()}>
      <Typography.Title level={5}>{t('organization.console.members')}</Typography.Title>
      <Table<Member>
        rowKey="id"
        size="small"
        dataSource={org.data?.members ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        onRow={(r) =>
          ({
            'data-testid': 'console-member-row',
            'data-email': r.email,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { title: t('organization.field.name'), dataIndex: 'name' },
          { title: t('organization.field.email'), dataIndex: 'email' },
          {
            title: t('organization.field.roles'),
            dataIndex: 'roles',
            render: (r: string[]) => <PartnerRoleTags roles={r} />,
          },
          {
            title: t('organization.field.status'),
            dataIndex: 'status',
            render: (s: string) => <UserStatusTag status={s} />,
          },
          {
            title: t('organization.field.qualifications'),
            key: 'c',
            render: (_, r) => t('organization.counts', r.counts),
          },
          {
            title: t('organization.field.joined'),
            dataIndex: 'createdAt',
            render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('organization.console.invitations')}
      </Typography.Title>
      <Table<Invitation>
        rowKey="id"
        size="small"
        dataSource={org.data?.invitations ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('organization.invitations.empty') }}
        columns={[
          { title: t('organization.field.email'), dataIndex: 'email' },
          {
            title: t('organization.field.roles'),
            dataIndex: 'roles',
            render: (r: string[]) => <PartnerRoleTags roles={r} />,
          },
          {
            title: t('organization.field.status'),
            dataIndex: 'status',
            render: (s: InvitationStatus) => <InvitationStatusTag status={s} />,
          },
          {
            title: t('organization.field.invitedBy'),
            dataIndex: 'invitedBy',
            render: (p: Invitation['invitedBy']) => p?.name ?? '—',
          },
          {
            title: t('organization.field.sentAt'),
            dataIndex: 'createdAt',
            render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('organization.console.qualifications')}
      </Typography.Title>
      <QueryState isLoading={quals.isLoading} error={quals.error} onRetry={() => quals.refetch()}>
        {(quals.data?.items ?? []).some((m) => m.items.length > 0) ? (
          <Collapse
            items={(quals.data?.items ?? [])
              .filter((m) => m.items.length > 0)
              .map((m) => ({
                key: m.member.id,
                label: (
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{m.member.name}</Typography.Text>
                    <Typography.Text type="secondary">{m.member.email}</Typography.Text>
                  </Flex>
                ),
                children: <QualificationTable rows={m.items} />,
              }))}
          />
        ) : (
          <Empty description={t('organization.overview.noRecords')} />
        )}
      </QueryState>
    </QueryState>
  );
}
