import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { SpecialistCheckbox } from './invitations-tab.tsx';
import {
  type Member,
  useMemberQualifications,
  useMembers,
  useSetActive,
  useSetRoles,
} from './organization-api.ts';
import { PartnerRoleTags, QualificationTable, UserStatusTag } from './organization-parts.tsx';

interface RolesForm {
  base: 'admin' | 'member';
  specialist: boolean;
}

function RolesModal({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<RolesForm>();
  const setRoles = useSetRoles();
  const { error, onError, clear } = useFormError(form);
  if (!member) return null;
  const submit = (v: RolesForm) => {
    clear();
    const roles: Array<'admin' | 'member' | 'project_specialist'> = [v.base];
    if (v.specialist) roles.push('project_specialist');
    setRoles.mutate(
      { id: member.id, roles },
      {
        onSuccess: () => {
          message.success(t('organization.members.saved'));
          onClose();
        },
        onError: (e) => onError(e, t('common.networkError')),
      },
    );
  };
  return (
    <Modal
      open
      title={t('organization.members.rolesTitle', { name: member.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={setRoles.isPending}
          data-testid="roles-submit"
          onClick={() => form.submit()}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('organization.members.rolesHint')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="roles-error" />
      <Form<RolesForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          base: member.roles.includes('admin') ? 'admin' : 'member',
          specialist: member.roles.includes('project_specialist'),
        }}
      >
        <Form.Item name="base" label={t('organization.members.baseRole')}>
          <Radio.Group data-testid="roles-base">
            <Radio value="member">{t('organization.role.member')}</Radio>
            <Radio value="admin">{t('organization.role.admin')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="specialist" valuePropName="checked">
          <SpecialistCheckbox testId="roles-specialist" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MemberDrawer({ member, onClose }: { member: Member | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const q = useMemberQualifications(member?.id ?? null);
  const e = member?.employment;
  return (
    <Drawer
      open={member !== null}
      onClose={onClose}
      width={860}
      title={member?.name}
      data-testid="member-drawer"
    >
      {member && e ? (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('organization.field.email')}>{member.email}</Descriptions.Item>
            <Descriptions.Item label={t('organization.field.roles')}>
              <PartnerRoleTags roles={member.roles} />
            </Descriptions.Item>
            <Descriptions.Item label={t('organization.field.jobTitle')}>
              {e.jobTitle ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('organization.field.department')}>
              {e.department ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('organization.field.employeeNo')}>
              {e.employeeNo ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('organization.field.employedSince')}>
              {e.employedSince ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('organization.field.updatedAt')} span={2}>
              {e.qualificationsUpdatedAt
                ? formatDateTime(e.qualificationsUpdatedAt, i18n.language)
                : t('organization.mine.never')}
            </Descriptions.Item>
          </Descriptions>
          <QueryState isLoading={false} error={q.error} onRetry={() => q.refetch()}>
            <QualificationTable rows={q.data?.items ?? []} loading={q.isLoading} />
          </QueryState>
        </>
      ) : null}
    </Drawer>
  );
}

/** Organization > Members (or Project specialists): roles, status, employment and qualification counts. */
export function MembersTab({ specialistsOnly = false }: { specialistsOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const list = useMembers(specialistsOnly ? 'project_specialist' : undefined);
  const setActive = useSetActive();
  const [editing, setEditing] = useState<Member | null>(null);
  const [viewing, setViewing] = useState<Member | null>(null);
  const toggle = (m: Member, active: boolean) =>
    setActive.mutateAsync({ id: m.id, active }).catch((e: unknown) => {
      message.error(toShownError(e, t('common.networkError')).message);
    });
  return (
    <Card>
      <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
        <Table<Member>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 980 }}
          locale={{
            emptyText: specialistsOnly
              ? t('organization.specialists.empty')
              : t('organization.members.empty'),
          }}
          onRow={(r) =>
            ({
              'data-testid': 'member-row',
              'data-email': r.email,
              'data-id': r.id,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('organization.field.name'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <div>
                  <Typography.Text strong>{v}</Typography.Text>
                  {r.id === me.data?.id ? (
                    <Typography.Text type="secondary"> ({t('organization.members.you')})</Typography.Text>
                  ) : null}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.email}
                  </Typography.Text>
                </div>
              ),
            },
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
              title: `${t('organization.field.jobTitle')} / ${t('organization.field.department')}`,
              key: 'employment',
              render: (_, r) =>
                [r.employment.jobTitle, r.employment.department].filter(Boolean).join(' · ') || '—',
            },
            {
              title: t('organization.field.qualifications'),
              key: 'counts',
              render: (_, r) => (
                <div style={nowrap}>
                  {t('organization.counts', r.counts)}
                  {r.counts.expiringCertificates + r.counts.expiredCertificates > 0 ? (
                    <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                      {r.counts.expiringCertificates > 0
                        ? `${t('organization.expiry.expiring')}: ${r.counts.expiringCertificates} `
                        : ''}
                      {r.counts.expiredCertificates > 0
                        ? `${t('organization.expiry.expired')}: ${r.counts.expiredCertificates}`
                        : ''}
                    </Typography.Text>
                  ) : null}
                </div>
              ),
            },
            {
              title: t('organization.field.joined'),
              dataIndex: 'createdAt',
              render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
            },
            {
              title: t('organization.field.actions'),
              key: 'actions',
              render: (_, r) => (
                <Space size={4} wrap>
                  <Button size="small" data-testid="member-view" onClick={() => setViewing(r)}>
                    {t('organization.members.view')}
                  </Button>
                  <Button size="small" data-testid="member-roles" onClick={() => setEditing(r)}>
                    {t('organization.members.editRoles')}
                  </Button>
                  {r.id === me.data?.id ? null : r.status === 'active' ? (
                    <Popconfirm
                      title={t('organization.members.deactivateConfirm', { name: r.name })}
                      onConfirm={() => toggle(r, false)}
                    >
                      <Button size="small" danger data-testid="member-deactivate">
                        {t('organization.members.deactivate')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button size="small" data-testid="member-reactivate" onClick={() => toggle(r, true)}>
                      {t('organization.members.reactivate')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </QueryState>
      <RolesModal key={editing?.id ?? 'none'} member={editing} onClose={() => setEditing(null)} />
      <MemberDrawer member={viewing} onClose={() => setViewing(null)} />
    </Card>
  );
}
