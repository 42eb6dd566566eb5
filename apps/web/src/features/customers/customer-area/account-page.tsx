import { AutoComplete, Button, Card, Descriptions, Flex, Form, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { PageHeader } from '../../../platform/components/page-header.tsx';
import { QueryState } from '../../../platform/components/query-state.tsx';
import { toShownError } from '../../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../../platform/lib/format.ts';
import { RequestStatusTag } from '../requests-tab.tsx';
import {
  type AssociationType,
  type OwnRequest,
  useApply,
  useOwnAccount,
  useOwnRequests,
  usePartnerSearch,
  useWithdraw,
} from './customer-api.ts';

/** The customer's account page: account, current partner, apply to a partner, own requests. */
export function CustomerAccountPage() {
  const { t, i18n } = useTranslation();
  const account = useOwnAccount();
  const a = account.data;
  return (
    <>
      <PageHeader title={t('customers.area.title')} />
      <QueryState isLoading={account.isLoading} error={account.error} onRetry={() => account.refetch()}>
        {a ? (
          <Flex vertical gap={16}>
            <Card title={t('customers.area.account')}>
              <Descriptions column={{ xs: 1, md: 2 }}>
                <Descriptions.Item label={t('customers.field.name')}>{a.name}</Descriptions.Item>
                <Descriptions.Item label={t('customers.field.domainName')}>{a.domainName}</Descriptions.Item>
                <Descriptions.Item label={t('customers.field.domainId')}>
                  <Typography.Text copyable>{a.domainId}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('customers.field.email')}>{a.email ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('customers.field.phone')}>{a.phone ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('customers.field.status')}>
                  <Tag color={a.status === 'frozen' ? 'red' : 'green'}>
                    {t(a.status === 'frozen' ? 'customers.status.frozen' : 'customers.status.active')}
                  </Tag>
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card title={t('customers.area.partner')} data-testid="customer-partner">
              {a.association ? (
                <Descriptions column={{ xs: 1, md: 2 }}>
                  <Descriptions.Item label={t('customers.field.partner')}>
                    {a.association.partnerName}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('customers.field.type')}>
                    {t(`customers.type.${a.association.type}`)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('customers.field.associatedAt')}>
                    {formatDateTime(a.association.since, i18n.language)}
                  </Descriptions.Item>
                </Descriptions>
              ) : (
                <>
                  <Typography.Paragraph>{t('customers.area.noPartner')}</Typography.Paragraph>
                  <ApplyForm />
                </>
              )}
            </Card>
            <OwnRequests />
          </Flex>
        ) : null}
      </QueryState>
    </>
  );
}

function ApplyForm() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [q, setQ] = useState('');
  const found = usePartnerSearch(q);
  const apply = useApply();
  const [form] = Form.useForm<{ partnerDomainId: string; type: AssociationType }>();
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ type: 'referral' }}
      style={{ maxWidth: 560 }}
      onFinish={(v) =>
        apply.mutate(v, {
          onSuccess: () => {
            message.success(t('customers.area.applied'));
            form.resetFields();
          },
          onError: (e) => message.error(toShownError(e, t('common.loadFailed')).message),
        })
      }
    >
      <Typography.Title level={5}>{t('customers.area.apply')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('customers.area.applyHint')}</Typography.Paragraph>
      <Form.Item name="partnerDomainId" label={t('customers.area.search')} rules={[{ required: true }]}>
        <AutoComplete
          onSearch={setQ}
          data-testid="customer-partner-search"
          options={(found.data?.items ?? []).map((p) => ({
            value: p.domainId,
            label: (
              <span>
                {p.name} <Typography.Text type="secondary">{p.domainId}</Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item name="type" label={t('customers.field.type')}>
        <Radio.Group
          options={(['referral', 'resale'] as const).map((v) => ({
            value: v,
            label: t(`customers.type.${v}`),
          }))}
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={apply.isPending} data-testid="customer-apply">
        {t('customers.area.apply1')}
      </Button>
    </Form>
  );
}

function OwnRequests() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const list = useOwnRequests();
  const withdraw = useWithdraw();
  return (
    <Card title={t('customers.area.requests')}>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        <Table<OwnRequest>
          rowKey="id"
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('customers.area.noRequests') }}
          columns={[
            {
              title: t('customers.field.direction'),
              dataIndex: 'direction',
              render: (v: OwnRequest['direction']) => t(`customers.direction.${v}`),
            },
            { title: t('customers.field.partner'), dataIndex: 'partnerName' },
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
                r.status === 'pending' && r.direction === 'application' ? (
                  <Button
                    size="small"
                    onClick={() =>
                      withdraw.mutate(r.id, {
                        onError: (e) => message.error(toShownError(e, t('common.loadFailed')).message),
                      })
                    }
                  >
                    {t('customers.area.withdraw')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
