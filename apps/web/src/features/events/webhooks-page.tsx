import { Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { AdminOnly } from '../../platform/components/admin-only.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { CodeTabs } from './code-tabs.tsx';
import { EndpointSecretModal } from './endpoint-secret-modal.tsx';
import { useEventTypeLabel } from './event-type-label.ts';
import {
  type Endpoint,
  type EndpointWithSecret,
  type EventTypeName,
  useChangeEndpoint,
  useCreateEndpoint,
  useDeleteEndpoint,
  useEndpoints,
  useRotateEndpointSecret,
} from './events-api.ts';
import { WEBHOOK_JAVA, WEBHOOK_NODE } from './snippets.ts';

interface CreateValues {
  url: string;
  description?: string;
  eventTypes?: EventTypeName[];
}

function CreateEndpointModal({
  open,
  eventTypes,
  onClose,
  onCreated,
}: {
  open: boolean;
  eventTypes: string[];
  onClose: () => void;
  onCreated: (e: EndpointWithSecret) => void;
}) {
  const { t } = useTranslation();
  const typeLabel = useEventTypeLabel();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateEndpoint();
  const { error, onError, clear } = useFormError(form, { 'events.invalid_url': 'url' });
  const close = () => {
    clear();
    form.resetFields();
    onClose();
  };
  return (
    <Modal
      open={open}
      title={t('events.webhooks.create')}
      onCancel={close}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'webhook-create-submit' }}
      okText={t('events.webhooks.create')}
      cancelText={t('common.cancel')}
      width={640}
      destroyOnHidden
    >
      <ErrorAlert error={error} testId="webhook-create-error" />
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => {
          clear();
          create.mutate(
            { url: v.url.trim(), description: v.description?.trim() || null, eventTypes: v.eventTypes ?? [] },
            {
              onSuccess: (e) => {
                form.resetFields();
                onCreated(e);
              },
              onError: (e) => onError(e, t('common.networkError')),
            },
          );
        }}
      >
        <Form.Item
          name="url"
          label={t('events.webhooks.field.url')}
          extra={t('events.webhooks.urlHelp')}
          rules={[{ required: true, whitespace: true, message: t('events.webhooks.urlRequired') }]}
        >
          <Input
            placeholder="https://example.com/partner-center/webhook"
            maxLength={2000}
            data-testid="webhook-url"
          />
        </Form.Item>
        <Form.Item name="description" label={t('events.webhooks.field.description')}>
          <Input placeholder={t('events.webhooks.descriptionPlaceholder')} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="eventTypes"
          label={t('events.webhooks.field.eventTypes')}
          extra={t('events.webhooks.typesHelp')}
        >
          <Select
            mode="multiple"
            allowClear
            placeholder={t('events.webhooks.allTypes')}
            aria-label={t('events.webhooks.allTypes')}
            data-testid="webhook-types"
            options={eventTypes.map((type) => ({ value: type, label: `${typeLabel(type)} (${type})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Developer > Webhooks: administrators add endpoints, disable, enable, rotate secrets, delete. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const list = useEndpoints(isAdmin);
  const change = useChangeEndpoint();
  const rotate = useRotateEndpointSecret();
  const remove = useDeleteEndpoint();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<EndpointWithSecret | null>(null);
  const fail = (e: unknown) => message.error(toShownError(e, t('common.networkError')).message);
  const items = list.data?.items ?? [];
  const limit = list.data?.maxEndpoints ?? 0;
  const typeLabel = useEventTypeLabel();

  const verify = (
    <Card title={t('events.webhooks.verifyTitle')} style={{ marginTop: 16 }}>
      <Typography.Paragraph>{t('events.webhooks.verifyIntro')}</Typography.Paragraph>
      <ul>
        <li>
          <Typography.Text code>X-PC-Event-Id</Typography.Text> {t('events.webhooks.headerEventId')}
        </li>
        <li>
          <Typography.Text code>X-PC-Event-Type</Typography.Text> {t('events.webhooks.headerEventType')}
        </li>
        <li>
          <Typography.Text code>X-PC-Timestamp</Typography.Text> {t('events.webhooks.headerTimestamp')}
        </li>
        <li>
          <Typography.Text code>X-PC-Signature</Typography.Text> {t('events.webhooks.headerSignature')}
        </li>
      </ul>
      <Typography.Paragraph>{t('events.webhooks.orderNote')}</Typography.Paragraph>
      <Typography.Paragraph>{t('events.webhooks.retryNote')}</Typography.Paragraph>
      <CodeTabs
        samples={[
          { key: 'node', label: 'Node.js', code: WEBHOOK_NODE },
          { key: 'java', label: 'Java', code: WEBHOOK_JAVA },
        ]}
      />
    </Card>
  );

  if (!isAdmin) {
    return (
      <AdminOnly
        title={t('events.webhooks.title')}
        subtitle={t('events.webhooks.subtitle')}
        message={t('events.adminOnly')}
        testId="webhooks-admin-only"
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('events.webhooks.title')}
        subtitle={t('events.webhooks.subtitle')}
        extra={
          <Button
            type="primary"
            onClick={() => setCreating(true)}
            disabled={list.isLoading || items.length >= limit}
            data-testid="webhook-create"
          >
            {t('events.webhooks.create')}
          </Button>
        }
      />
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            <Typography.Text type="secondary">
              {t('events.webhooks.count', { count: items.length, limit })}
            </Typography.Text>
            <Table<Endpoint>
              rowKey="id"
              loading={list.isLoading}
              dataSource={items}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t('events.webhooks.empty') }}
              onRow={(r) =>
                ({ 'data-testid': 'webhook-row', 'data-url': r.url }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('events.webhooks.field.url'),
                  dataIndex: 'url',
                  render: (v: string, r) => (
                    <Space direction="vertical" size={0}>
                      <Typography.Text style={{ wordBreak: 'break-all' }}>{v}</Typography.Text>
                      {r.description ? (
                        <Typography.Text type="secondary">{r.description}</Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('events.webhooks.field.eventTypes'),
                  dataIndex: 'eventTypes',
                  render: (types: string[]) =>
                    types.length ? (
                      <Space size={[0, 4]} wrap>
                        {types.map((type) => (
                          <Tag key={type} title={type}>
                            {typeLabel(type)}
                          </Tag>
                        ))}
                      </Space>
                    ) : (
                      <Tag color="blue">{t('events.webhooks.allTypes')}</Tag>
                    ),
                },
                {
                  title: t('events.webhooks.field.status'),
                  dataIndex: 'status',
                  render: (s: Endpoint['status']) => (
                    <Tag color={s === 'active' ? 'green' : 'default'}>{t(`events.webhooks.status.${s}`)}</Tag>
                  ),
                },
                {
                  title: t('events.webhooks.field.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                {
                  title: t('events.webhooks.field.actions'),
                  key: 'actions',
                  render: (_: unknown, r) => (
                    <Space wrap>
                      <Link to={`/developer/deliveries?endpointId=${encodeURIComponent(r.id)}`}>
                        {t('events.webhooks.deliveries')}
                      </Link>
                      {r.status === 'active' ? (
                        <Popconfirm
                          title={t('events.webhooks.disableConfirm')}
                          onConfirm={() => change.mutate({ id: r.id, status: 'disabled' }, { onError: fail })}
                        >
                          <Button size="small" data-testid="webhook-disable">
                            {t('events.webhooks.disable')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button
                          size="small"
                          data-testid="webhook-enable"
                          onClick={() => change.mutate({ id: r.id, status: 'active' }, { onError: fail })}
                        >
                          {t('events.webhooks.enable')}
                        </Button>
                      )}
                      <Popconfirm
                        title={t('events.webhooks.rotateConfirm')}
                        onConfirm={() => rotate.mutate(r.id, { onSuccess: setShown, onError: fail })}
                      >
                        <Button size="small" data-testid="webhook-rotate">
                          {t('events.webhooks.rotate')}
                        </Button>
                      </Popconfirm>
                      <Popconfirm
                        title={t('events.webhooks.deleteConfirm')}
                        onConfirm={() => remove.mutate(r.id, { onError: fail })}
                      >
                        <Button size="small" danger data-testid="webhook-delete">
                          {t('events.webhooks.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
          </Space>
        </QueryState>
      </Card>
      {verify}
      <CreateEndpointModal
        open={creating}
        eventTypes={list.data?.eventTypes ?? []}
        onClose={() => setCreating(false)}
        onCreated={(e) => {
          setCreating(false);
          setShown(e);
        }}
      />
      <EndpointSecretModal shown={shown} onClose={() => setShown(null)} />
    </>
  );
}
