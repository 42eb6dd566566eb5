import { Button, Flex, Form, Input, Modal, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import {
  type AssociationType,
  type RequestItem,
  useAnswerApplication,
  useInvite,
  useRequests,
  useRevokeInvitation,
} from './customers-api.ts';

const STATUS_COLOR: Record<string, string> = {
  pending: 'gold',
  accepted: 'green',
  declined: 'red',
  revoked: 'default',
  expired: 'default',
};

export function RequestStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const key = (['pending', 'accepted', 'declined', 'revoked', 'expired'] as const).find((s) => s === status);
  return <Tag color={STATUS_COLOR[status]}>{key ? t(`customers.requestStatus.${key}`) : status}</Tag>;
}

/** Invite a customer by email (R6 a). */
export function InviteButton() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ email: string; type: AssociationType }>();
  const invite = useInvite();
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="cust-invite">
        {t('customers.invite.button')}
      </Button>
      <Modal
        open={open}
        title={t('customers.invite.title')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={invite.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('customers.invite.hint')}</Typography.Paragraph>
        <ErrorAlert error={invite.error ? toShownError(invite.error, t('common.loadFailed')) : null} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ type: 'referral' }}
          onFinish={(v) =>
            invite.mutate(v, {
              onSuccess: () => {
                message.success(t('customers.invite.sent', { email: v.email }));
                setOpen(false);
                form.resetFields();
              },
            })
          }
        >
          <Form.Item
            name="email"
            label={t('customers.invite.email')}
            rules={[{ required: true, type: 'email' }]}
          >
            <Input data-testid="cust-invite-email" />
          </Form.Item>
          <Form.Item name="type" label={t('customers.field.type')}>
            <Radio.Group
              options={(['referral', 'resale'] as const).map((v) => ({
                value: v,
                label: t(`customers.type.${v}`),
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** Invitations the partner sent and applications customers made to it. */
export function RequestsTab() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const list = useRequests();
  const answer = useAnswerApplication();
  const revoke = useRevokeInvitation();
  const onError = (err: unknown) => message.error(toShownError(err, t('common.loadFailed')).message);
  return (
    <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
      <Table<RequestItem>
        rowKey="id"
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('customers.requests.empty') }}
        columns={[
          {
            title: t('customers.field.direction'),
            dataIndex: 'direction',
            render: (v: RequestItem['direction']) => t(`customers.direction.${v}`),
          },
          {
            title: t('customers.field.name'),
            dataIndex: 'customerName',
            render: (v: string | null, r) => v ?? r.email ?? '—',
          },
          {
            title: t('customers.field.domainName'),
            dataIndex: 'domainName',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('customers.field.type'),
            dataIndex: 'type',
            render: (v: AssociationType) => t(`customers.type.${v}`),
          },
          {
            title: t('customers.field.requestStatus'),
            dataIndex: 'status',
            render: (v: string) => <RequestStatusTag status={v} />,
          },
          {
            title: t('customers.field.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
          },
          {
            title: '',
            key: 'actions',
            render: (_, r) =>
              r.status !== 'pending' ? null : r.direction === 'application' ? (
                <Flex gap={8}>
                  <Button
                    size="small"
                    type="primary"
                    loading={answer.isPending}
                    data-testid="cust-accept"
                    onClick={() =>
                      answer.mutate(
                        { id: r.id, accept: true },
                        { onSuccess: () => message.success(t('customers.requests.accepted')), onError },
                      )
                    }
                  >
                    {t('customers.requests.accept')}
                  </Button>
                  <Button
                    size="small"
                    danger
                    onClick={() =>
                      answer.mutate(
                        { id: r.id, accept: false },
                        { onSuccess: () => message.success(t('customers.requests.declined')), onError },
                      )
                    }
                  >
                    {t('customers.requests.decline')}
                  </Button>
                </Flex>
              ) : (
                <Button
                  size="small"
                  onClick={() =>
                    revoke.mutate(r.id, {
                      onSuccess: () => message.success(t('customers.invite.revoked')),
                      onError,
                    })
                  }
                >
                  {t('customers.invite.revoke')}
                </Button>
              ),
          },
        ]}
      />
    </QueryState>
  );
}
