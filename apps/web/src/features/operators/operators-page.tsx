import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { RoleTags } from '../../platform/components/role-tags.tsx';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { rulesFor } from '../../platform/lib/rules.ts';
import {
  OPERATOR_ROLES,
  type Operator,
  type OperatorInvitation,
  type OperatorRole,
  useInvitationAction,
  useInviteOperator,
  useOperators,
  useSetOperatorActive,
  useSetOperatorRoles,
} from './operators-api.ts';

type Row = ({ kind: 'operator' } & Operator) | ({ kind: 'invitation' } & OperatorInvitation);

/** The role checkboxes; Form.Item hands it `value` and `onChange`. */
function RoleChoices({
  testId,
  value,
  onChange,
}: {
  testId: string;
  value?: OperatorRole[];
  onChange?: (roles: OperatorRole[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox.Group<OperatorRole>
      value={value}
      onChange={onChange}
      data-testid={testId}
      style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
    >
      {OPERATOR_ROLES.map((r) => (
        <Checkbox key={r} value={r} data-testid={`${testId}-${r}`}>
          {t(`roles.${r}`)}
          <Typography.Text type="secondary"> — {t(`operators.roleHelp.${r}`)}</Typography.Text>
        </Checkbox>
      ))}
    </Checkbox.Group>
  );
}

interface InviteForm {
  email: string;
  name?: string;
  roles: OperatorRole[];
  locale: 'zh-CN' | 'en-US';
}

function InviteModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<InviteForm>();
  const invite = useInviteOperator();
  const { error, onError, clear } = useFormError(form, { 'operators.email_registered': 'email' });
  const rules = rulesFor(t);
  const submit = (v: InviteForm) => {
    clear();
    invite.mutate(
      { email: v.email.trim(), name: v.name?.trim() || undefined, roles: v.roles, locale: v.locale },
      {
        onSuccess: (r) => {
          message.success(t(r.resent ? 'operators.reinvited' : 'operators.invited', { email: r.email }));
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
      title={t('operators.inviteTitle')}
      onCancel={onClose}
      destroyOnHidden
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
          {t('operators.send')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t('operators.inviteHint')}</Typography.Paragraph>
      <ErrorAlert error={error} testId="invite-error" />
      <Form<InviteForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ roles: [], locale: i18n.language === 'en-US' ? 'en-US' : 'zh-CN' }}
      >
        <Form.Item name="email" label={t('operators.field.email')} rules={[rules.required, rules.email]}>
          <Input data-testid="invite-email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t('operators.field.name')} rules={[rules.max(100)]}>
          <Input data-testid="invite-name" autoComplete="off" />
        </Form.Item>
        <Form.Item name="roles" label={t('operators.field.roles')} rules={[rules.required]}>
          <RoleChoices testId="invite-roles" />
        </Form.Item>
        <Form.Item name="locale" label={t('operators.field.locale')}>
          <Radio.Group data-testid="invite-locale">
            <Radio value="zh-CN">简体中文</Radio>
            <Radio value="en-US">English</Radio>
          </Radio.Group>
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RolesModal({ operator, onClose }: { operator: Operator | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ roles: OperatorRole[] }>();
  const setRoles = useSetOperatorRoles();
  const { error, onError, clear } = useFormError(form);
  const rules = rulesFor(t);
  if (!operator) return null;
  return (
    <Modal
      open
      title={t('operators.rolesTitle', { name: operator.name })}
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
      <ErrorAlert error={error} testId="roles-error" />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ roles: operator.roles }}
        onFinish={(v) => {
          clear();
          setRoles.mutate(
            { id: operator.id, roles: v.roles },
            {
              onSuccess: () => {
                message.success(t('operators.rolesSaved'));
                onClose();
              },
              onError: (e) => onError(e, t('common.networkError')),
            },
          );
        }}
      >
        <Form.Item name="roles" label={t('operators.field.roles')} rules={[rules.required]}>
          <RoleChoices testId="roles-choice" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Console > Operators (admin only): operators and pending invitations in one list. */
export function OperatorsPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const list = useOperators();
  const setActive = useSetOperatorActive();
  const invitation = useInvitationAction();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<Operator | null>(null);
  const fail = (e: unknown) => message.error(toShownError(e, t('common.networkError')).message);
  const rows: Row[] = [
    ...(list.data?.invitations ?? []).map((i) => ({ kind: 'invitation' as const, ...i })),
    ...(list.data?.operators ?? []).map((o) => ({ kind: 'operator' as const, ...o })),
  ];

  const statusTag = (r: Row) => {
    if (r.kind === 'invitation') {
      return r.status === 'expired' ? (
        <Tag color="orange">{t('operators.status.expired')}</Tag>
      ) : (
        <Tag color="blue">{t('operators.status.invited')}</Tag>
      );
    }
    return r.status === 'active' ? (
      <Tag color="green">{t('operators.status.active')}</Tag>
    ) : (
      <Tag>{t('operators.status.disabled')}</Tag>
    );
  };

  const actions = (r: Row) => {
    if (r.kind === 'invitation') {
      return (
        <Space size={4} wrap>
          <Button
            size="small"
            data-testid="invitation-resend"
            onClick={() =>
              invitation
                .mutateAsync({ id: r.id, action: 'resend' })
                .then(() => message.success(t('operators.resent', { email: r.email })), fail)
            }
          >
            {t('operators.resend')}
          </Button>
          <Popconfirm
            title={t('operators.revokeConfirm', { email: r.email })}
            onConfirm={() =>
              invitation
                .mutateAsync({ id: r.id, action: 'revoke' })
                .then(() => message.success(t('operators.revoked')), fail)
            }
          >
            <Button size="small" danger data-testid="invitation-revoke">
              {t('operators.revoke')}
            </Button>
          </Popconfirm>
        </Space>
      );
    }
    return (
      <Space size={4} wrap>
        <Button size="small" data-testid="operator-roles" onClick={() => setEditing(r)}>
          {t('operators.editRoles')}
        </Button>
        {r.status === 'active' ? (
          <Popconfirm
            title={t('operators.disableConfirm', { name: r.name })}
            onConfirm={() =>
              setActive
                .mutateAsync({ id: r.id, active: false })
                .then(() => message.success(t('operators.disabled', { name: r.name })), fail)
            }
          >
            <Button size="small" danger data-testid="operator-disable">
              {t('operators.disable')}
            </Button>
          </Popconfirm>
        ) : (
          <Button
            size="small"
            data-testid="operator-enable"
            onClick={() =>
              setActive
                .mutateAsync({ id: r.id, active: true })
                .then(() => message.success(t('operators.enabled', { name: r.name })), fail)
            }
          >
            {t('operators.enable')}
          </Button>
        )}
      </Space>
    );
  };

  return (
    <>
      <PageHeader
        title={t('operators.title')}
        subtitle={t('operators.subtitle')}
        extra={
          <Button type="primary" data-testid="operators-invite" onClick={() => setInviting(true)}>
            {t('operators.invite')}
          </Button>
        }
      />
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <Table<Row>
            rowKey={(r) => `${r.kind}:${r.id}`}
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 900 }}
            onRow={(r) =>
              ({
                'data-testid': r.kind === 'operator' ? 'operator-row' : 'invitation-row',
                'data-email': r.email,
              }) as React.HTMLAttributes<HTMLElement>
            }
            columns={[
              {
                title: t('operators.field.name'),
                key: 'name',
                render: (_, r) => (
                  <div>
                    <Typography.Text strong>{r.name ?? '—'}</Typography.Text>
                    {r.id === me.data?.id ? (
                      <Typography.Text type="secondary"> ({t('operators.you')})</Typography.Text>
                    ) : null}
                    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                      {r.email}
                    </Typography.Text>
                  </div>
                ),
              },
              {
                title: t('operators.field.roles'),
                key: 'roles',
                render: (_, r) => <RoleTags roles={r.roles} />,
              },
              {
                title: t('operators.field.status'),
                key: 'status',
                render: (_, r) => <span data-testid="operator-status">{statusTag(r)}</span>,
              },
              {
                title: t('operators.field.lastSignIn'),
                key: 'last',
                render: (_, r) =>
                  r.kind === 'invitation' ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('operators.invitedUntil', {
                        at: formatDateTime(r.expiresAt, i18n.language),
                        count: r.sendCount,
                      })}
                    </Typography.Text>
                  ) : (
                    <span style={nowrap}>
                      {r.lastSignInAt ? formatDateTime(r.lastSignInAt, i18n.language) : t('operators.never')}
                    </span>
                  ),
              },
              { title: t('operators.field.actions'), key: 'actions', render: (_, r) => actions(r) },
            ]}
          />
        </QueryState>
      </Card>
      <InviteModal open={inviting} onClose={() => setInviting(false)} />
      <RolesModal key={editing?.id ?? 'none'} operator={editing} onClose={() => setEditing(null)} />
    </>
  );
}
