import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import {
  type BudgetAlert,
  type BudgetForm,
  type BudgetPageData,
  type BudgetRecipient,
  type RecipientForm,
  useBudgetActions,
  useBudgetPage,
  yuan,
  yuanAmount,
} from './budgets-api.ts';
import { UsageChart } from './usage-chart.tsx';

/** Portal > Customers > one customer > Budget (R13): budget, usage chart, restriction, recipients, alerts. */
export function BudgetPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const page = useBudgetPage(customerId);
  return (
    <>
      <PageHeader
        title={t('budgets.title', { name: page.data?.customer.name ?? '' })}
        subtitle={<Link to={`/customers/${customerId}`}>← {t('budgets.back')}</Link>}
      />
      <QueryState isLoading={page.isLoading} error={page.error} onRetry={() => page.refetch()}>
        {page.data ? <BudgetBody customerId={customerId} data={page.data} /> : null}
      </QueryState>
    </>
  );
}

function BudgetBody({ customerId, data }: { customerId: string; data: BudgetPageData }) {
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <UsageCard data={data} />
        </Col>
        <Col xs={24} xl={10}>
          <RestrictionCard customerId={customerId} data={data} />
        </Col>
      </Row>
      <BudgetFormCard customerId={customerId} data={data} />
      <RecipientsCard customerId={customerId} recipients={data.recipients} />
      <AlertsCard alerts={data.alerts} />
    </Space>
  );
}

function UsageCard({ data }: { data: BudgetPageData }) {
  const { t, i18n } = useTranslation();
  const b = data.budget;
  const labels = useMemo(
    () => ({ used: t('budgets.usage.chartUsed'), thresholds: t('budgets.usage.chartThresholds') }),
    [t],
  );
  return (
    <Card title={t('budgets.usage.title')} data-testid="budget-usage">
      {b ? (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('budgets.usage.used')}>
              <span data-testid="budget-used">{yuan(b.usedFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('budgets.usage.budget')}>
              <span data-testid="budget-amount">{yuan(b.amountFen)}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('budgets.usage.period')}>
              {b.budgetType === 'MONTHLY'
                ? b.periodKey
                : t('budgets.usage.periodPackage', { start: formatDateTime(b.periodStart, i18n.language) })}
            </Descriptions.Item>
          </Descriptions>
          <UsageChart
            usedFen={b.usedFen}
            budgetFen={b.amountFen}
            thresholds={data.thresholds}
            labels={labels}
          />
          <Flex gap={8} wrap>
            {data.thresholds.map((x) => (
              <Tag
                key={x.threshold}
                color={x.announced ? 'orange' : 'default'}
                data-testid={`threshold-${x.threshold}`}
              >
                {t('budgets.usage.threshold', { threshold: x.threshold, amount: yuan(x.atFen) })} ·{' '}
                {x.announced ? t('budgets.usage.announced') : t('budgets.usage.armed')}
              </Tag>
            ))}
          </Flex>
        </>
      ) : (
        <>
          <Alert type="info" showIcon message={t('budgets.none')} style={{ marginBottom: 12 }} />
          <Typography.Text>
            {t('budgets.usage.monthSpend')}: {yuan(data.monthSpendFen)}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}

function RestrictionCard({ customerId, data }: { customerId: string; data: BudgetPageData }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const { lift } = useBudgetActions(customerId);
  const [error, setError] = useState<ShownError | null>(null);
  const at = data.customer.restrictedAt;
  return (
    <Card title={t('budgets.restriction.title')} data-testid="budget-restriction">
      <ErrorAlert error={error} />
      {at ? (
        <Space direction="vertical">
          <Alert
            type="error"
            showIcon
            message={t('budgets.restriction.restricted', { at: formatDateTime(at, i18n.language) })}
          />
          <Popconfirm
            title={t('budgets.restriction.liftConfirm')}
            onConfirm={() =>
              lift.mutate(undefined, {
                onSuccess: () => {
                  setError(null);
                  void message.success(t('budgets.restriction.lifted'));
                },
                onError: (e) => setError(toShownError(e, t('common.loadFailed'))),
              })
            }
          >
            <Button danger loading={lift.isPending} data-testid="budget-lift">
              {t('budgets.restriction.lift')}
            </Button>
          </Popconfirm>
        </Space>
      ) : (
        <Typography.Text data-testid="budget-not-restricted">
          {t('budgets.restriction.notRestricted')}
        </Typography.Text>
      )}
    </Card>
  );
}

function BudgetFormCard({ customerId, data }: { customerId: string; data: BudgetPageData }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<BudgetForm>();
  const { set, remove } = useBudgetActions(customerId);
  const [error, setError] = useState<ShownError | null>(null);
  const b = data.budget;
  useEffect(() => {
    form.setFieldsValue({
      amount: b ? yuanAmount(b.amountFen).replaceAll(',', '') : '',
      budgetType: (b?.budgetType as BudgetForm['budgetType']) ?? 'MONTHLY',
      frozenOperateType: (b?.frozenOperateType as 0 | 1) ?? 0,
      freezeResources: b?.freezeResources ?? false,
      liftRestriction: false,
    });
  }, [b, form]);
  const auto = Form.useWatch('frozenOperateType', form) === 1;
  return (
    <Card title={t('budgets.form.title')}>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(v) =>
          set.mutate(
            {
              ...v,
              amount: v.amount.trim(),
              freezeResources: !!v.freezeResources,
              liftRestriction: !!v.liftRestriction,
            },
            {
              onSuccess: () => {
                setError(null);
                void message.success(t('budgets.form.saved'));
              },
              onError: (e) => setError(toShownError(e, t('common.loadFailed'))),
            },
          )
        }
      >
        <Form.Item
          name="amount"
          label={t('budgets.form.amount')}
          extra={t('budgets.form.amountHelp')}
          rules={[
            { required: true, pattern: /^\d{1,12}(\.\d{1,2})?$/, message: t('budgets.form.amountHelp') },
          ]}
        >
          <Input inputMode="decimal" data-testid="budget-amount-input" />
        </Form.Item>
        <Form.Item name="budgetType" label={t('budgets.form.type')}>
          <Radio.Group
            options={[
              { value: 'MONTHLY', label: t('budgets.form.monthly') },
              { value: 'PACKAGE', label: t('budgets.form.package') },
            ]}
          />
        </Form.Item>
        <Form.Item name="frozenOperateType" label={t('budgets.form.frozen')}>
          <Radio.Group
            options={[
              { value: 0, label: t('budgets.form.frozenManual') },
              { value: 1, label: t('budgets.form.frozenAuto') },
            ]}
          />
        </Form.Item>
        {auto ? (
          <Form.Item name="freezeResources" valuePropName="checked">
            <Checkbox>{t('budgets.form.freezeResources')}</Checkbox>
          </Form.Item>
        ) : null}
        {data.customer.restrictedAt ? (
          <Form.Item name="liftRestriction" valuePropName="checked">
            <Checkbox>{t('budgets.form.lift')}</Checkbox>
          </Form.Item>
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="budget-save">
            {t('budgets.form.save')}
          </Button>
          {b ? (
            <Popconfirm
              title={t('budgets.form.deleteConfirm')}
              onConfirm={() =>
                remove.mutate(undefined, {
                  onSuccess: () => void message.success(t('budgets.form.deleted')),
                  onError: (e) => setError(toShownError(e, t('common.loadFailed'))),
                })
              }
            >
              <Button danger loading={remove.isPending} data-testid="budget-delete">
                {t('budgets.form.delete')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      </Form>
    </Card>
  );
}

const PHONE = /^(?:1\d{10}|\+\d{6,15})$/;

/** Add several recipients to a list, then confirm to save them together; remove saved ones. */
function RecipientsCard({ customerId, recipients }: { customerId: string; recipients: BudgetRecipient[] }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<RecipientForm>();
  const [pending, setPending] = useState<RecipientForm[]>([]);
  const [error, setError] = useState<ShownError | null>(null);
  const { addRecipients, removeRecipient } = useBudgetActions(customerId);
  const langLabel = (l: string) => (l === 'en-US' ? 'English' : '简体中文');
  return (
    <Card title={t('budgets.recipients.title')} data-testid="budget-recipients">
      <Typography.Paragraph type="secondary">{t('budgets.recipients.help')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form
        form={form}
        layout="inline"
        initialValues={{ locale: i18n.language === 'en-US' ? 'en-US' : 'zh-CN' }}
        onFinish={(v) => {
          setPending((p) => [...p, { ...v, phone: v.phone?.trim() || null, email: v.email?.trim() || null }]);
          form.resetFields(['name', 'phone', 'email']);
        }}
      >
        <Form.Item name="name" rules={[{ required: true, max: 64 }]}>
          <Input placeholder={t('budgets.recipients.name')} data-testid="recipient-name" />
        </Form.Item>
        <Form.Item name="phone" rules={[{ pattern: PHONE, message: t('budgets.recipients.phone') }]}>
          <Input placeholder={t('budgets.recipients.phone')} data-testid="recipient-phone" />
        </Form.Item>
        <Form.Item
          name="email"
          dependencies={['phone']}
          rules={[
            { type: 'email', message: t('budgets.recipients.email') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value || getFieldValue('phone')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('budgets.recipients.contactRequired'))),
            }),
          ]}
        >
          <Input placeholder={t('budgets.recipients.email')} data-testid="recipient-email" />
        </Form.Item>
        <Form.Item name="locale">
          <Select
            aria-label={t('budgets.recipients.locale')}
            style={{ width: 120 }}
            options={[
              { value: 'zh-CN', label: langLabel('zh-CN') },
              { value: 'en-US', label: langLabel('en-US') },
            ]}
          />
        </Form.Item>
        <Button htmlType="submit" data-testid="recipient-add">
          {t('budgets.recipients.add')}
        </Button>
      </Form>
      {pending.length ? (
        <Card size="small" title={t('budgets.recipients.pending')} style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey={(r) => `${r.name}-${r.phone}-${r.email}`}
            pagination={false}
            dataSource={pending}
            columns={[
              { title: t('budgets.recipients.name'), dataIndex: 'name' },
              { title: t('budgets.recipients.phone'), dataIndex: 'phone', render: (v) => v || '—' },
              { title: t('budgets.recipients.email'), dataIndex: 'email', render: (v) => v || '—' },
              {
                key: 'x',
                render: (_, r) => (
                  <Button type="link" onClick={() => setPending((p) => p.filter((x) => x !== r))}>
                    {t('budgets.recipients.remove')}
                  </Button>
                ),
              },
            ]}
          />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            loading={addRecipients.isPending}
            data-testid="recipient-confirm"
            onClick={() =>
              addRecipients.mutate(pending, {
                onSuccess: () => {
                  setPending([]);
                  setError(null);
                  void message.success(t('budgets.recipients.saved'));
                },
                onError: (e) => setError(toShownError(e, t('common.loadFailed'))),
              })
            }
          >
            {t('budgets.recipients.confirm', { count: pending.length })}
          </Button>
        </Card>
      ) : null}
      <Table
        style={{ marginTop: 12 }}
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={recipients}
        locale={{ emptyText: t('budgets.recipients.empty') }}
        data-testid="recipient-table"
        columns={[
          { title: t('budgets.recipients.name'), dataIndex: 'name' },
          { title: t('budgets.recipients.phone'), dataIndex: 'phone', render: (v) => v || '—' },
          { title: t('budgets.recipients.email'), dataIndex: 'email', render: (v) => v || '—' },
          { title: t('budgets.recipients.locale'), dataIndex: 'locale', render: langLabel },
          {
            key: 'x',
            render: (_, r) => (
              <Popconfirm
                title={t('budgets.recipients.removeConfirm')}
                onConfirm={() =>
                  removeRecipient.mutate(r.id, {
                    onError: (e) => setError(toShownError(e, t('common.loadFailed'))),
                  })
                }
              >
                <Button type="link" danger>
                  {t('budgets.recipients.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}

function AlertsCard({ alerts }: { alerts: BudgetAlert[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('budgets.alerts.title')}>
      <Table
        size="small"
        rowKey="id"
        dataSource={alerts}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('budgets.alerts.empty') }}
        data-testid="budget-alerts"
        columns={[
          {
            title: t('budgets.alerts.at'),
            dataIndex: 'createdAt',
            render: (v) => formatDateTime(v, i18n.language),
          },
          { title: t('budgets.alerts.threshold'), dataIndex: 'threshold', render: (v) => `${v}%` },
          { title: t('budgets.alerts.period'), dataIndex: 'periodKey' },
          { title: t('budgets.alerts.used'), dataIndex: 'usedFen', render: yuan },
          { title: t('budgets.alerts.budget'), dataIndex: 'budgetFen', render: yuan },
          {
            title: t('budgets.alerts.restricted'),
            dataIndex: 'restricted',
            render: (v: boolean) => (v ? <Tag color="red">{t('budgets.yes')}</Tag> : t('budgets.no')),
          },
        ]}
      />
    </Card>
  );
}
