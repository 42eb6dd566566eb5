import {
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Segmented,
  Select,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { currentLanguage } from '../../platform/i18n/index.ts';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import {
  INVITATION_STATUSES,
  type Invitation,
  type InvitationStatus,
  useInvitations,
  useInvite,
  useRevokeInvitation,
} from './organization-api.ts';
import { InvitationStatusTag, PartnerRoleTags } from './organization-parts.tsx';

interface InviteForm {
  email: string;
  name?: string;
  base: 'admin' | 'member';
  specialist: boolean;
  locale: 'zh-CN' | 'en-US';
}

function InviteModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<InviteForm>();
  const invite = useInvite();
  const { error, onError, clear } = useFormError(form, {
    'organization.email_registered': 'email',
    'organization.invitation_pending': 'email',
  });
  const submit = (v: InviteForm) => {
    clear();
    const roles: Array<'admin' | 'member' | 'project_specialist'> = [v.base];
    if (v.specialist) roles.push('project_specialist');
    invite.mutate(
      { email: v.email, name: v.name || undefined, roles, locale: v.locale },
      {
        onSuccess: (inv) => {
          message.success(t('organization.invitations.sent', { email: inv.email }));
          form.resetFields();
          onClose();
        },
        onError: (e) => onError(e, t('common.networkError')),
      },
    );
  };
  return (
    <Modal
      open={open}
      title={t('organization.invitations.formTitle')}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={invite.isPending}
          data-testid="invite-submit"
          onClick={() => form.submit()}
        >
          {t('organization.invitations.send')}
        </Button>,
      ]}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('organization.invitations.formHint')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="invite-error" />
      <Form<InviteForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ base: 'member', specialist: false, locale: currentLanguage() }}
      >
        <Form.Item
          name="email"
          label={t('organization.field.email')}
          rules={[{ required: true, type: 'email' }]}
        >
          <Input data-testid="invite-email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('organization.field.name')}>
          <Input data-testid="invite-name" maxLength={64} />
        </Form.Item>
        <Form.Item name="base" label={t('organization.members.baseRole')}>
          <Radio.Group data-testid="invite-role">
            <Radio value="member">{t('organization.role.member')}</Radio>
            <Radio value="admin">{t('organization.role.admin')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="specialist" valuePropName="checked">
          <SpecialistCheckbox testId="invite-specialist" />
        </Form.Item>
        <Form.Item name="locale" label={t('organization.field.language')}>
          <Select
            data-testid="invite-locale"
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en-US', label: 'English' },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Checkbox } from 'antd';
import { useFeedback } from '../../platform/components/feedback.tsx';

function SpecialistCheckbox({
  checked,
  onChange,
  testId,
}: {
  checked?: boolean;
  onChange?: (v: boolean) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox checked={checked} onChange={(e) => onChange?.(e.target.checked)} data-testid={testId}>
      {t('organization.role.project_specialist')}
    </Checkbox>
  );
}

export { SpecialistCheckbox };

/** Organization > Invitations: who was invited and what became of it. */
export function InvitationsTab() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [status, setStatus] = useState<InvitationStatus | 'all'>('all');
  const [inviting, setInviting] = useState(false);
  const list = useInvitations(status === 'all' ? undefined : status);
  const revoke = useRevokeInvitation();
  return (
    <Card>
      <Flex justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
        <Segmented
          data-testid="invitation-filter"
          value={status}
          onChange={(v) => setStatus(v as InvitationStatus | 'all')}
          options={[
            { value: 'all', label: t('organization.invitations.all') },
            ...INVITATION_STATUSES.map((s) => ({ value: s, label: t(`organization.invitationStatus.${s}`) })),
          ]}
        />
        <Button type="primary" data-testid="invite-open" onClick={() => setInviting(true)}>
          {t('organization.invitations.new')}
        </Button>
      </Flex>
      <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
        <Table<Invitation>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          scroll={{ x: 860 }}
          locale={{ emptyText: t('organization.invitations.empty') }}
          onRow={(r) =>
            ({
              'data-testid': 'invitation-row',
              'data-email': r.email,
              'data-id': r.id,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('organization.field.email'),
              dataIndex: 'email',
              render: (v: string, r) => (
                <div>
                  {v}
                  {r.name ? (
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.name}
                    </Typography.Text>
                  ) : null}
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
            {
              title: t('organization.field.expiresAt'),
              dataIndex: 'expiresAt',
              render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
            },
            {
              title: t('organization.field.actions'),
              key: 'actions',
              render: (_, r) =>
                r.status === 'pending' ? (
                  <Popconfirm
                    title={t('organization.invitations.revokeConfirm', { email: r.email })}
                    onConfirm={() =>
                      revoke.mutateAsync(r.id).catch((e: unknown) => {
                        message.error(toShownError(e, t('common.networkError')).message);
                      })
                    }
                  >
                    <Button size="small" danger data-testid="invitation-revoke">
                      {t('organization.invitations.revoke')}
                    </Button>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      </QueryState>
      <InviteModal open={inviting} onClose={() => setInviting(false)} />
    </Card>
  );
}
