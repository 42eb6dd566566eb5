import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import {
  type Area,
  type Failure,
  type PeriodChoice,
  type Quote,
  type RefundPreview,
  type RenewalFilter,
  type ResourceItem,
  requestKey,
  useFacets,
  useRenewalActions,
  useRenewals,
  yuan,
} from './subscriptions-api.ts';

const PAGE_SIZE = 20;
const STATUS_COLOR: Record<ResourceItem['status'], string> = {
  in_use: 'green',
  expired: 'orange',
  frozen: 'blue',
  released: 'default',
};

type Filter = Omit<RenewalFilter, 'offset' | 'limit'>;

/** Portal > Renewals (R15): the partner's customers' resources. */
export function PortalRenewalsPage() {
  return <RenewalsView area="partner" />;
}

/** Customer area > Resources and renewals. */
export function CustomerRenewalsPage() {
  return <RenewalsView area="customer" />;
}

function RenewalsView({ area }: { area: Area }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'resources' | 'domains'>('resources');
  return (
    <>
      <PageHeader
        title={t(area === 'partner' ? 'subscriptions.title' : 'subscriptions.customerTitle')}
        subtitle={t(area === 'partner' ? 'subscriptions.subtitle' : 'subscriptions.customerSubtitle')}
        extra={area === 'customer' ? <CustomerLinks /> : undefined}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as typeof tab)}
          items={[
            {
              key: 'resources',
              label: <span data-testid="renewals-tab-resources">{t('subscriptions.tabs.resources')}</span>,
            },
            {
              key: 'domains',
              label: <span data-testid="renewals-tab-domains">{t('subscriptions.tabs.domains')}</span>,
            },
          ]}
        />
        <ResourceList area={area} tab={tab} key={tab} />
      </Card>
    </>
  );
}

export function CustomerLinks() {
  const { t } = useTranslation();
  return (
    <Space>
      <Link to="/customer">{t('subscriptions.links.account')}</Link>
      <Link to="/customer/renewals">{t('subscriptions.links.resources')}</Link>
      <Link to="/customer/orders">{t('subscriptions.links.orders')}</Link>
    </Space>
  );
}

function ResourceList({ area, tab }: { area: Area; tab: 'resources' | 'domains' }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Filter & { expiry?: string; customDays?: number }>();
  const [filter, setFilter] = useState<Filter>({ tab });
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<ResourceItem[]>([]);
  const [renewing, setRenewing] = useState<ResourceItem[] | null>(null);
  const [unsubscribing, setUnsubscribing] = useState<ResourceItem[] | null>(null);
  const facets = useFacets(area);
  const list = useRenewals(area, { ...filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const actions = useRenewalActions(area);
  const feedback = useFeedback();
  const [error, setError] = useState<unknown>(null);

  const apply = () => {
    const v = form.getFieldsValue();
    const days = v.expiry === 'custom' ? v.customDays : v.expiry ? Number(v.expiry) : undefined;
    setFilter({
      tab,
      customerDomainId: v.customerDomainId?.trim() || undefined,
      enterpriseProjectId: v.enterpriseProjectId,
      serviceTypeCode: v.serviceTypeCode,
      regionCode: v.regionCode,
      expiresWithinDays: days ?? undefined,
      status: v.status,
      autoRenew: v.autoRenew,
    });
    setPage(1);
  };
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      void feedback.message.success(t('subscriptions.actions.done'));
    } catch (e) {
      setError(e);
    }
  };

  const columns = [
    {
      title: t('subscriptions.col.resource'),
      key: 'resource',
      render: (_: unknown, r: ResourceItem) => (
        <div>
          <Typography.Text strong>{r.resourceName}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable>
              {r.resourceId}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.productSpecDesc}
          </Typography.Text>
        </div>
      ),
    },
    ...(area === 'partner'
      ? [
          {
            title: t('subscriptions.col.customer'),
            key: 'customer',
            render: (_: unknown, r: ResourceItem) => (
              <div>
                <div>{r.customerName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.customerDomainId}
                </Typography.Text>
              </div>
            ),
          },
        ]
      : []),
    { title: t('subscriptions.col.project'), dataIndex: 'enterpriseProjectName', key: 'project' },
    {
      title: t('subscriptions.col.service'),
      key: 'service',
      render: (_: unknown, r: ResourceItem) => (
        <div>
          <div>{r.serviceTypeCode.replace('hws.service.type.', '')}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.regionCode}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('subscriptions.col.expires'),
      key: 'expires',
      render: (_: unknown, r: ResourceItem) => (
        <span style={nowrap} data-testid={`renewal-expiry-${r.resourceId}`}>
          {r.expireAt ? formatDateTime(r.expireAt, i18n.language) : '—'}
        </span>
      ),
    },
    {
      title: t('subscriptions.col.days'),
      key: 'days',
      render: (_: unknown, r: ResourceItem) =>
        r.daysToExpiry === null ? (
          '—'
        ) : (
          <Tag color={r.daysToExpiry <= 7 ? 'red' : r.daysToExpiry <= 30 ? 'orange' : 'default'}>
            {t('subscriptions.daysLeft', { days: r.daysToExpiry })}
          </Tag>
        ),
    },
    {
      title: t('subscriptions.col.autoRenew'),
      key: 'auto',
      render: (_: unknown, r: ResourceItem) =>
        r.autoRenew ? (
          <Tag color="green">{t('subscriptions.filter.on')}</Tag>
        ) : r.toOnDemandAtExpiry ? (
          <Tag>{t('subscriptions.toOnDemandSet')}</Tag>
        ) : (
          <Tag>{t('subscriptions.filter.off')}</Tag>
        ),
    },
    {
      title: t('subscriptions.col.status'),
      key: 'status',
      render: (_: unknown, r: ResourceItem) => (
        <div>
          <Tag color={STATUS_COLOR[r.status]} data-testid={`renewal-status-${r.resourceId}`}>
            {t(`subscriptions.status.${r.status}`)}
          </Tag>
          {r.frozenReason && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`subscriptions.frozenReason.${r.frozenReason as 'expired'}`, { note: r.freezeNote ?? '' })}
              </Typography.Text>
            </div>
          )}
        </div>
      ),
    },
    {
      title: t('subscriptions.col.actions'),
      key: 'actions',
      render: (_: unknown, r: ResourceItem) =>
        r.status === 'released' || r.chargingMode !== 'period' ? null : (
          <Space wrap size={4}>
            <Button
              size="small"
              type="link"
              data-testid={`renew-${r.resourceId}`}
              onClick={() => setRenewing([r])}
            >
              {t('subscriptions.actions.renew')}
            </Button>
            <Button
              size="small"
              type="link"
              data-testid={`auto-renew-${r.resourceId}`}
              onClick={() =>
                act(() => actions.autoRenew.mutateAsync({ resourceId: r.resourceId, on: !r.autoRenew }))
              }
            >
              {t(r.autoRenew ? 'subscriptions.actions.autoOff' : 'subscriptions.actions.autoOn')}
            </Button>
            <Button
              size="small"
              type="link"
              onClick={() =>
                act(() =>
                  actions.toOnDemand.mutateAsync({ resourceIds: [r.resourceId], on: !r.toOnDemandAtExpiry }),
                )
              }
            >
              {t(
                r.toOnDemandAtExpiry
                  ? 'subscriptions.actions.cancelToOnDemand'
                  : 'subscriptions.actions.toOnDemand',
              )}
            </Button>
            <Button size="small" type="link" danger onClick={() => setUnsubscribing([r])}>
              {t('subscriptions.actions.unsubscribe')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={apply}>
        {area === 'partner' && (
          <Form.Item name="customerDomainId" label={t('subscriptions.filter.customer')}>
            <Input allowClear style={{ width: 170 }} data-testid="renewals-filter-customer" />
          </Form.Item>
        )}
        <Form.Item name="enterpriseProjectId" label={t('subscriptions.filter.project')}>
          <Select
            allowClear
            style={{ width: 170 }}
            data-testid="renewals-filter-project"
            options={(facets.data?.enterpriseProjects ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="serviceTypeCode" label={t('subscriptions.filter.service')}>
          <Select
            allowClear
            style={{ width: 190 }}
            options={(facets.data?.serviceTypes ?? []).map((s) => ({
              value: s,
              label: s.replace('hws.service.type.', ''),
            }))}
          />
        </Form.Item>
        <Form.Item name="regionCode" label={t('subscriptions.filter.region')}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={(facets.data?.regions ?? []).map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item name="expiry" label={t('subscriptions.filter.expiry')}>
          <Select
            allowClear
            style={{ width: 150 }}
            data-testid="renewals-filter-expiry"
            options={[
              ...['7', '15', '30'].map((d) => ({
                value: d,
                label: t('subscriptions.filter.days', { days: d }),
              })),
              { value: 'custom', label: t('subscriptions.filter.custom') },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.expiry !== b.expiry}>
          {() =>
            form.getFieldValue('expiry') === 'custom' ? (
              <Form.Item name="customDays">
                <InputNumber min={0} max={3660} style={{ width: 90 }} />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item name="status" label={t('subscriptions.filter.status')}>
          <Select
            allowClear
            style={{ width: 150 }}
            options={(['in_use', 'expired', 'frozen', 'released'] as const).map((s) => ({
              value: s,
              label: t(`subscriptions.status.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="autoRenew" label={t('subscriptions.filter.autoRenew')}>
          <Select
            allowClear
            style={{ width: 110 }}
            options={[
              { value: 'true', label: t('subscriptions.filter.on') },
              { value: 'false', label: t('subscriptions.filter.off') },
            ]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" data-testid="renewals-search">
          {t('subscriptions.filter.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            apply();
          }}
        >
          {t('subscriptions.filter.reset')}
        </Button>
      </Form>
      <ErrorAlert
        error={error ? toShownError(error, t('common.loadFailed')) : null}
        testId="renewals-error"
      />
      <Flex gap={8} style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={selected.length === 0}
          data-testid="renewals-renew-selected"
          onClick={() => setRenewing(selected)}
        >
          {t('subscriptions.actions.renewSelected', { count: selected.length })}
        </Button>
        <Button danger disabled={selected.length === 0} onClick={() => setUnsubscribing(selected)}>
          {t('subscriptions.actions.unsubscribe')}
        </Button>
      </Flex>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
        <Table<ResourceItem>
          rowKey="resourceId"
          size="middle"
          data-testid="renewals-table"
          dataSource={list.data?.items ?? []}
          columns={columns}
          rowSelection={{
            selectedRowKeys: selected.map((s) => s.resourceId),
            onChange: (_, rows) => setSelected(rows),
            getCheckboxProps: (r) => ({ disabled: r.status === 'released' || r.chargingMode !== 'period' }),
          }}
          onRow={(r) =>
            ({ 'data-testid': `renewal-row-${r.resourceId}` }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={{ current: page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }}
          scroll={{ x: true }}
        />
      </QueryState>
      {renewing && (
        <RenewModal
          area={area}
          resources={renewing}
          onClose={() => setRenewing(null)}
          onDone={() => setSelected([])}
        />
      )}
      {unsubscribing && (
        <UnsubscribeModal area={area} resources={unsubscribing} onClose={() => setUnsubscribing(null)} />
      )}
    </>
  );
}

function FailureList({ failures }: { failures: Failure[] }) {
  const { t } = useTranslation();
  if (failures.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('subscriptions.renew.failures')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {failures.map((f) => (
            <li key={f.resourceId}>{f.message}</li>
          ))}
        </ul>
      }
    />
  );
}

/** Quote first, then place the order (one order per customer); a resale customer's can be paid at once. */
function RenewModal({
  area,
  resources,
  onClose,
  onDone,
}: {
  area: Area;
  resources: ResourceItem[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const actions = useRenewalActions(area);
  const [period, setPeriod] = useState<PeriodChoice>({ periodType: 'month', periodNum: 1 });
  const [quote, setQuote] = useState<Quote | null>(null);
  const [payNow, setPayNow] = useState(false);
  const [key] = useState(requestKey);
  const [error, setError] = useState<unknown>(null);
  const [placed, setPlaced] = useState<string | null>(null);
  const ids = resources.map((r) => r.resourceId);
  const canPayAsPartner = area === 'customer' || resources.every((r) => r.associationType === 'resale');
  const max = period.periodType === 'month' ? 11 : 3;

  const getQuote = async (p: PeriodChoice) => {
    setError(null);
    try {
      setQuote(await actions.quote.mutateAsync({ ...p, resourceIds: ids }));
    } catch (e) {
      setError(e);
    }
  };
  const change = (p: PeriodChoice) => {
    setPeriod(p);
    setQuote(null);
  };
  const confirm = async () => {
    setError(null);
    try {
      const r = await actions.renew.mutateAsync({ ...period, resourceIds: ids, requestKey: key, payNow });
      const o = r.orders[0];
      if (o)
        setPlaced(
          t('subscriptions.renew.placed', {
            id: o.id,
            status: t(`subscriptions.orders.statuses.${o.status as 'paid'}`),
          }),
        );
      if (r.failures.length) setQuote((q) => (q ? { ...q, failures: r.failures } : q));
      onDone();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('subscriptions.renew.title', { count: resources.length })}
      onCancel={onClose}
      width={640}
      footer={
        placed ? (
          <Button onClick={onClose} data-testid="renew-close">
            OK
          </Button>
        ) : (
          <Space>
            <Button
              onClick={() => getQuote(period)}
              loading={actions.quote.isPending}
              data-testid="renew-quote"
            >
              {t('subscriptions.renew.quote')}
            </Button>
            <Button
              type="primary"
              disabled={!quote || quote.items.length === 0}
              loading={actions.renew.isPending}
              onClick={confirm}
              data-testid="renew-confirm"
            >
              {t('subscriptions.renew.confirm')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} testId="renew-error" />
      {placed && (
        <Alert
          type="success"
          showIcon
          title={placed}
          data-testid="renew-placed"
          style={{ marginBottom: 12 }}
        />
      )}
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t('subscriptions.renew.periodType')}>
          <Radio.Group
            value={period.periodType}
            data-testid="renew-period-type"
            onChange={(e) => change({ periodType: e.target.value, periodNum: 1 })}
            options={[
              { value: 'month', label: t('subscriptions.renew.month') },
              { value: 'year', label: t('subscriptions.renew.year') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('subscriptions.renew.periodNum')}>
          <InputNumber
            min={1}
            max={max}
            value={period.periodNum}
            data-testid="renew-period-num"
            onChange={(v) => change({ ...period, periodNum: Math.min(max, Math.max(1, Number(v) || 1)) })}
          />
        </Form.Item>
      </Form>
      {quote && (
        <>
          <FailureList failures={quote.failures} />
          <Table
            size="small"
            rowKey="resourceId"
            pagination={false}
            dataSource={quote.items}
            columns={[
              { title: t('subscriptions.col.resource'), dataIndex: 'resourceId' },
              { title: t('subscriptions.renew.official'), render: (_, q) => yuan(q.officialFen) },
              { title: t('subscriptions.renew.amount'), render: (_, q) => yuan(q.amountFen) },
              {
                title: t('subscriptions.renew.newExpiry'),
                render: (_, q) => (
                  <span data-testid={`quote-expiry-${q.resourceId}`}>
                    {formatDateTime(q.newExpireAt, i18n.language)}
                  </span>
                ),
              },
            ]}
          />
          <Descriptions size="small" column={3} style={{ marginTop: 12 }}>
            <Descriptions.Item label={t('subscriptions.renew.official')}>
              {yuan(quote.officialFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subscriptions.renew.discount')}>
              {yuan(quote.discountFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('subscriptions.renew.amount')}>
              <Typography.Text strong data-testid="quote-amount">
                {yuan(quote.amountFen)}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {canPayAsPartner && (
            <Checkbox
              checked={payNow}
              onChange={(e) => setPayNow(e.target.checked)}
              data-testid="renew-pay-now"
            >
              {t(area === 'partner' ? 'subscriptions.renew.payNowPartner' : 'subscriptions.renew.payNow')}
            </Checkbox>
          )}
        </>
      )}
    </Modal>
  );
}

/** The refund is shown before the unsubscribe is confirmed. */
function UnsubscribeModal({
  area,
  resources,
  onClose,
}: {
  area: Area;
  resources: ResourceItem[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const actions = useRenewalActions(area);
  const [type, setType] = useState<1 | 2>(1);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<RefundPreview | null>(null);
  const [key] = useState(requestKey);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const ids = resources.map((r) => r.resourceId);
  const show = async (ty: 1 | 2) => {
    setError(null);
    try {
      setPreview(await actions.preview.mutateAsync({ resourceIds: ids, type: ty }));
    } catch (e) {
      setError(e);
    }
  };
  const confirm = async () => {
    setError(null);
    try {
      const r = await actions.unsubscribe.mutateAsync({
        resourceIds: ids,
        type,
        reason: reason || undefined,
        requestKey: key,
      });
      const o = r.orders[0];
      setDone(o ? t('subscriptions.unsubscribe.done', { id: o.id, amount: yuan(-o.amountFen) }) : null);
      if (r.failures.length) setPreview((p) => (p ? { ...p, failures: r.failures } : p));
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Modal
      open
      title={t('subscriptions.unsubscribe.title', { count: resources.length })}
      onCancel={onClose}
      footer={
        done ? (
          <Button onClick={onClose}>OK</Button>
        ) : (
          <Space>
            <Button onClick={() => show(type)} loading={actions.preview.isPending}>
              {t('subscriptions.unsubscribe.preview')}
            </Button>
            <Button danger type="primary" disabled={!preview || preview.items.length === 0} onClick={confirm}>
              {t('subscriptions.unsubscribe.confirm')}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={error ? toShownError(error, t('common.loadFailed')) : null} />
      {done && <Alert type="success" showIcon title={done} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t('subscriptions.unsubscribe.type')}>
          <Radio.Group
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              setPreview(null);
            }}
          >
            <Space direction="vertical">
              <Radio value={1}>{t('subscriptions.unsubscribe.type1')}</Radio>
              <Radio value={2}>{t('subscriptions.unsubscribe.type2')}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('subscriptions.unsubscribe.reason')}>
          <Input.TextArea maxLength={256} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
      {preview && (
        <>
          <FailureList failures={preview.failures} />
          <Typography.Paragraph>
            {t('subscriptions.unsubscribe.refund')}:{' '}
            <Typography.Text strong>{yuan(preview.refundFen)}</Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
