import { Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { AdminOnly } from '../../platform/components/admin-only.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import {
  type ApiKey,
  type ApiKeyWithSecret,
  useApiKeys,
  useCreateKey,
  usePartnerApiInfo,
  useRotateKey,
  useSetKeyEnabled,
} from './developer-api.ts';
import { SecretModal } from './secret-modal.tsx';

function CreateKeyModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (k: ApiKeyWithSecret) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name: string }>();
  const create = useCreateKey();
  const { error, onError, clear } = useFormError(form);
  const close = () => {
    clear();
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('developer.keys.create')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'key-create-submit' }}
      okText={t('developer.keys.create')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="key-create-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          clear();
          create.mutate(v.name, {
            onSuccess: (k) => {
              form.resetFields();
              onCreated(k);
            },
            onError: (e) => onError(e, t('common.networkError')),
          });
        }}
      >
        <Form.Item
          name="name"
          label={t('developer.keys.field.name')}
          rules={[
            { required: true, whitespace: true, message: t('developer.keys.nameRequired') },
            { max: 64, message: t('developer.keys.nameTooLong') },
          ]}
        >
          <Input placeholder={t('developer.keys.namePlaceholder')} maxLength={64} data-testid="key-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Developer > API keys (R16): administrators create, disable, enable and rotate AK/SK pairs. */
export function KeysPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const list = useApiKeys(isAdmin);
  const rotate = useRotateKey();
  const setEnabled = useSetKeyEnabled();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<ApiKeyWithSecret | null>(null);
  const fail = (e: unknown) => message.error(toShownError(e, t('common.networkError')).message);
  const items = list.data?.items ?? [];
  const limit = list.data?.limit ?? 0;
  const info = usePartnerApiInfo();
  const domainId = info.data?.domainId ?? items[0]?.partnerDomainId;

  if (!isAdmin) {
    return (
      <AdminOnly
        title={t('developer.keys.title')}
        subtitle={t('developer.keys.subtitle')}
        message={t('developer.keys.adminOnly')}
        testId="keys-admin-only"
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('developer.keys.title')}
        subtitle={t('developer.keys.subtitle')}
        extra={
          <Button
            type="primary"
            onClick={() => setCreating(true)}
            disabled={list.isLoading || items.length >= limit}
            data-testid="key-create"
          >
            {t('developer.keys.create')}
          </Button>
        }
      />
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Space wrap size="large">
              {domainId ? (
                <span>
                  <Typography.Text type="secondary">{t('developer.keys.domainId')}: </Typography.Text>
                  <Typography.Text code copyable data-testid="keys-domain-id">
                    {domainId}
                  </Typography.Text>
                </span>
              ) : null}
              <Typography.Text type="secondary" data-testid="keys-count">
                {t('developer.keys.count', { count: items.length, limit })}
              </Typography.Text>
            </Space>
            <Table<ApiKey>
              rowKey="id"
              loading={list.isLoading}
              dataSource={items}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t('developer.keys.empty') }}
              onRow={(r) =>
                ({ 'data-testid': 'key-row', 'data-ak': r.accessKey }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                { title: t('developer.keys.field.name'), dataIndex: 'name' },
                {
                  title: t('developer.keys.field.accessKey'),
                  dataIndex: 'accessKey',
                  render: (v: string) => (
                    <Typography.Text code copyable style={nowrap}>
                      {v}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('developer.keys.field.status'),
                  dataIndex: 'status',
                  render: (s: ApiKey['status']) => (
                    <Tag color={s === 'active' ? 'green' : 'default'}>{t(`developer.keys.status.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('developer.keys.field.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                {
                  title: t('developer.keys.field.lastUsedAt'),
                  dataIndex: 'lastUsedAt',
                  render: (v: string | null) => (
                    <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>
                  ),
                },
                {
                  title: t('developer.keys.field.previousValidUntil'),
                  dataIndex: 'previousSecretValidUntil',
                  render: (v: string | null) => (
                    <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>
                  ),
                },
                {
                  title: t('developer.keys.field.actions'),
                  key: 'actions',
                  fixed: 'right',
                  render: (_, r) => (
                    <Space size={0} style={nowrap}>
                      {r.status === 'active' ? (
                        <>
                          <Popconfirm
                            title={t('developer.keys.rotateConfirm')}
                            okText={t('developer.keys.rotate')}
                            cancelText={t('common.cancel')}
                            onConfirm={() => rotate.mutateAsync(r.id).then((k) => setShown(k), fail)}
                          >
                            <Button type="link" data-testid="key-rotate">
                              {t('developer.keys.rotate')}
                            </Button>
                          </Popconfirm>
                          <Popconfirm
                            title={t('developer.keys.disableConfirm')}
                            okText={t('developer.keys.disable')}
                            okButtonProps={{ danger: true }}
                            cancelText={t('common.cancel')}
                            onConfirm={() =>
                              setEnabled
                                .mutateAsync({ id: r.id, enabled: false })
                                .then(() => message.success(t('developer.keys.disabled')), fail)
                            }
                          >
                            <Button type="link" danger data-testid="key-disable">
                              {t('developer.keys.disable')}
                            </Button>
                          </Popconfirm>
                        </>
                      ) : (
                        <Button
                          type="link"
                          data-testid="key-enable"
                          onClick={() =>
                            setEnabled
                              .mutateAsync({ id: r.id, enabled: true })
                              .then(() => message.success(t('developer.keys.enabled')), fail)
                          }
                        >
                          {t('developer.keys.enable')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          </Space>
        </QueryState>
      </Card>
      <CreateKeyModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(k) => {
          setCreating(false);
          setShown(k);
        }}
      />
      <SecretModal created={shown} onClose={() => setShown(null)} />
    </>
  );
}
