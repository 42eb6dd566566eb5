import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Radio, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { type CustomerDetail, useCustomer, useCustomerActions } from './customers-api.ts';

/** Portal > Customers > one customer: account, association, state and the changes a partner may make. */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const detail = useCustomer(customerId);
  return (
    <>
      <PageHeader
        title={detail.data?.name ?? t('customers.detail.back')}
        subtitle={<Link to="/customers">← {t('customers.detail.back')}</Link>}
        extra={
          <LinkButton to={`/customers/${customerId}/budget`} data-testid="cust-budget">
            {t('customers.detail.budget')}
          </LinkButton>
        }
      />
      <QueryState isLoading={detail.isLoading} error={detail.error} onRetry={() => detail.refetch()}>
        {detail.data ? <Detail c={detail.data} /> : null}
      </QueryState>
    </>
  );
}

function Detail({ c }: { c: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const at = (v: string | null) => formatDateTime(v, i18n.language);
  return (
    <Flex vertical gap={16}>
      <Card title={t('customers.detail.account')}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('customers.field.domainName')}>{c.domainName}</Descriptions.Item>
          <Descriptions.Item label={t('customers.field.domainId')}>{c.domainId}</Descriptions.Item>
          <Descriptions.Item label={t('customers.field.email')}>{c.email ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.field.phone')}>{c.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.field.createdAt')}>{at(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t('customers.field.xaccount')}>
            {c.xaccountId ? `${c.xaccountType ?? ''} / ${c.xaccountId}` : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('customers.detail.association')}>
        <Descriptions column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('customers.field.type')}>
            <Tag color={c.associationType === 'resale' ? 'purple' : 'blue'}>
              {t(`customers.type.${c.associationType}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.field.associatedAt')}>
            {at(c.associatedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.field.source')}>
            {(['invitation', 'application', 'api', 'redirect', 'demo'] as const).includes(
              c.source as 'invitation',
            )
              ? t(`customers.source.${c.source as 'invitation'}`)
              : c.source}
          </Descriptions.Item>
          {c.viaReseller ? (
            <Descriptions.Item label={t('customers.field.reseller')}>{c.partnerName}</Descriptions.Item>
          ) : null}
        </Descriptions>
        {c.viaReseller ? (
          <Alert type="info" showIcon title={t('customers.detail.readOnly', { name: c.partnerName })} />
        ) : (
          <>
            <LabelEditor c={c} />
            <Alert
              style={{ marginTop: 12 }}
              type={c.nextChangeAllowedAt ? 'warning' : 'info'}
              showIcon
              title={
                c.nextChangeAllowedAt
                  ? t('customers.detail.nextChange', { at: at(c.nextChangeAllowedAt) })
                  : t('customers.detail.changeRule')
              }
            />
            {isAdmin ? <AssociationActions c={c} /> : null}
          </>
        )}
      </Card>
      <Card title={t('customers.detail.state')}>
        <Space direction="vertical">
          <Space>
            <Tag color={c.status === 'frozen' ? 'red' : 'green'}>
              {t(c.status === 'frozen' ? 'customers.status.frozen' : 'customers.status.active')}
            </Tag>
            {c.frozenAt
              ? t('customers.detail.frozenSince', { at: at(c.frozenAt), reason: c.frozenReason ?? '' })
              : null}
          </Space>
          {c.purchaseRestrictedAt ? (
            <Tag color="orange">
              {t('customers.detail.restrictedSince', { at: at(c.purchaseRestrictedAt) })}
            </Tag>
          ) : null}
          {isAdmin && !c.viaReseller ? <FreezeActions c={c} /> : null}
        </Space>
      </Card>
      <Card title={t('customers.detail.history')}>
        <Table
          rowKey={(r) => `${r.startedAt}-${r.type}-${r.endedAt ?? ''}`}
          pagination={false}
          dataSource={c.history}
          columns={[
            { title: t('customers.field.partner'), dataIndex: 'partnerName' },
            {
              title: t('customers.field.type'),
              dataIndex: 'type',
              render: (v: string) => t(v === 'resale' ? 'customers.type.resale' : 'customers.type.referral'),
            },
            {
              title: t('customers.field.associatedAt'),
              dataIndex: 'startedAt',
              render: (v: string) => at(v),
            },
            {
              title: t('customers.field.status'),
              key: 'end',
              render: (_, r) =>
                r.endedAt
                  ? `${at(r.endedAt)} ${t('customers.detail.ended', {
                      reason:
                        r.endReason === 'unbind' || r.endReason === 'switch_type' || r.endReason === 'rebind'
                          ? t(`customers.detail.endReason.${r.endReason}`)
                          : (r.endReason ?? ''),
                    })}`
                  : '—',
            },
          ]}
        />
      </Card>
    </Flex>
  );
}

function LabelEditor({ c }: { c: CustomerDetail }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [label, setLabel] = useState(c.label ?? '');
  const actions = useCustomerActions(c.id);
  return (
    <Space.Compact style={{ marginTop: 12, maxWidth: 420, width: '100%' }}>
      <Input
        value={label}
        maxLength={64}
        onChange={(e) => setLabel(e.target.value)}
        placeholder={t('customers.field.label')}
      />
      <Button
        loading={actions.label.isPending}
        onClick={() =>
          actions.label.mutate(label.trim() || null, {
            onSuccess: () => message.success(t('customers.detail.done')),
            onError: (e) => message.error(toShownError(e, t('common.loadFailed')).message),
          })
        }
      >
        {t('customers.detail.saveLabel')}
      </Button>
    </Space.Compact>
  );
}

function AssociationActions({ c }: { c: CustomerDetail }) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const actions = useCustomerActions(c.id);
  const other = c.associationType === 'resale' ? 'referral' : 'resale';
  const onError = (e: unknown) => message.error(toShownError(e, t('common.loadFailed')).message);
  const onSuccess = () => message.success(t('customers.detail.done'));
  return (
    <Flex gap={8} style={{ marginTop: 12 }}>
      <Button
        data-testid="cust-switch"
        disabled={!!c.nextChangeAllowedAt}
        onClick={() =>
          modal.confirm({
            title: t('customers.detail.switchConfirm', { type: t(`customers.type.${other}`) }),
            onOk: () => actions.switchType.mutateAsync(other).then(onSuccess, onError),
          })
        }
      >
        {t('customers.detail.switchTo', { type: t(`customers.type.${other}`) })}
      </Button>
      <Button
        danger
        data-testid="cust-unbind"
        disabled={!!c.nextChangeAllowedAt}
        onClick={() =>
          modal.confirm({
            title: t('customers.detail.unbindConfirm'),
            okButtonProps: { danger: true },
            onOk: () => actions.unbind.mutateAsync().then(onSuccess, onError),
          })
        }
      >
        {t('customers.detail.unbind')}
      </Button>
    </Flex>
  );
}

function FreezeActions({ c }: { c: CustomerDetail }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string; freezeType: 'ACCOUNT' | 'ACCOUNT_AND_RESOURCE' }>();
  const actions = useCustomerActions(c.id);
  const frozen = c.status === 'frozen';
  const pending = actions.freeze.isPending || actions.unfreeze.isPending;
  return (
    <>
      <Button danger={!frozen} onClick={() => setOpen(true)} data-testid="cust-freeze">
        {t(frozen ? 'customers.detail.unfreeze' : 'customers.detail.freeze')}
      </Button>
      <Modal
        open={open}
        title={t(frozen ? 'customers.detail.unfreeze' : 'customers.detail.freeze')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={pending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ freezeType: 'ACCOUNT' }}
          onFinish={(v) => {
            const done = {
              onSuccess: () => {
                message.success(t('customers.detail.done'));
                setOpen(false);
              },
              onError: (e: unknown) => message.error(toShownError(e, t('common.loadFailed')).message),
            };
            if (frozen) actions.unfreeze.mutate({ reason: v.reason }, done);
            else actions.freeze.mutate(v, done);
          }}
        >
          <Form.Item
            name="reason"
            label={t('customers.detail.reason')}
            rules={[{ required: true, max: 256 }]}
          >
            <Input.TextArea rows={3} maxLength={256} showCount />
          </Form.Item>
          {frozen ? null : (
            <Form.Item name="freezeType" label={t('customers.detail.freezeType')}>
              <Radio.Group
                options={[
                  { value: 'ACCOUNT', label: t('customers.detail.freezeAccount') },
                  { value: 'ACCOUNT_AND_RESOURCE', label: t('customers.detail.freezeAll') },
                ]}
              />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
