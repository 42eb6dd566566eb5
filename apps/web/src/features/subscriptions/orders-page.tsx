import { DownloadOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { CustomerLinks } from './renewals-page.tsx';
import {
  type Area,
  type OrderFilter,
  type OrderItem,
  ordersExportUrl,
  useOrders,
  useRenewalActions,
  yuan,
} from './subscriptions-api.ts';

const PAGE_SIZE = 20;
const STATUS_COLOR: Record<OrderItem['status'], string> = {
  pending_payment: 'orange',
  paid: 'green',
  cancelled: 'default',
  refunded: 'purple',
};
const TYPES = ['new', 'renew', 'change', 'unsubscribe', 'to_on_demand'] as const;
const STATUSES = ['pending_payment', 'paid', 'cancelled', 'refunded'] as const;

/** Portal > Orders (R15): the customers' orders with filters, export, pay and cancel. */
export function PortalOrdersPage() {
  return <OrdersView area="partner" />;
}

/** Customer area > Orders. */
export function CustomerOrdersPage() {
  return <OrdersView area="customer" />;
}

interface FilterForm extends Omit<OrderFilter, 'createdFrom' | 'createdTo'> {
  range?: [Dayjs | null, Dayjs | null] | null;
}

function OrdersView({ area }: { area: Area }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<OrderFilter>({});
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<OrderItem | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = useOrders(area, filter, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  const actions = useRenewalActions(area);
  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e);
    }
  };
  const apply = (v: FilterForm) => {
    setFilter({
      orderId: v.orderId?.trim() || undefined,
      customerDomainId: v.customerDomainId?.trim() || undefined,
      type: v.type,
      status: v.status,
      createdFrom: v.range?.[0]?.format('YYYY-MM-DD'),
      createdTo: v.range?.[1]?.format('YYYY-MM-DD'),
    });
    setPage(1);
  };
  return (
    <>
      <PageHeader
        title={t(area === 'partner' ? 'subscriptions.orders.title' : 'subscriptions.orders.customerTitle')}
        subtitle={area === 'partner' ? t('subscriptions.orders.subtitle') : undefined}
        extra={
          area === 'partner' ? (
            <Space>
              <Button
                icon={<DownloadOutlined />}
                href={ordersExportUrl(filter, 'csv')}
                data-testid="orders-export-csv"
              >
                {t('subscriptions.orders.exportCsv')}
              </Button>
              <Button icon={<DownloadOutlined />} href={ordersExportUrl(filter, 'xlsx')}>
                {t('subscriptions.orders.exportXlsx')}
              </Button>
            </Space>
          ) : (
            <CustomerLinks />
          )
        }
      />
      <Card>
        <Form form={form} layout="inline" style={{ marginBottom: 16, rowGap: 8 }} onFinish={apply}>
          <Form.Item name="orderId" label={t('subscriptions.orders.id')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          {area === 'partner' && (
            <Form.Item name="customerDomainId" label={t('subscriptions.filter.customer')}>
              <Input allowClear style={{ width: 170 }} />
            </Form.Item>
          )}
          <Form.Item name="type" label={t('subscriptions.orders.type')}>
            <Select
              allowClear
              style={{ width: 150 }}
              options={TYPES.map((x) => ({ value: x, label: t(`subscriptions.orders.types.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="status" label={t('subscriptions.orders.status')}>
            <Select
              allowClear
              style={{ width: 140 }}
              data-testid="orders-filter-status"
              options={STATUSES.map((x) => ({ value: x, label: t(`subscriptions.orders.statuses.${x}`) }))}
            />
          </Form.Item>
          <Form.Item name="range" label={t('subscriptions.orders.from')}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('subscriptions.filter.search')}
          </Button>
        </Form>
        <ErrorAlert
          error={error ? toShownError(error, t('common.loadFailed')) : null}
          testId="orders-error"
        />
        <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => void list.refetch()}>
          <Table<OrderItem>
            rowKey="id"
            size="middle"
            data-testid="orders-table"
            dataSource={list.data?.items ?? []}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
            }}
            scroll={{ x: true }}
            onRow={(o) => ({ 'data-testid': `order-row-${o.id}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('subscriptions.orders.id'),
                key: 'id',
                render: (_, o) => (
                  <Typography.Link onClick={() => setOpen(o)} style={{ fontSize: 12 }}>
                    {o.id}
                  </Typography.Link>
                ),
              },
              ...(area === 'partner'
                ? [
                    {
                      title: t('subscriptions.orders.customer'),
                      key: 'customer',
                      render: (_: unknown, o: OrderItem) => (
                        <div>
                          <div>{o.customerName}</div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {o.customerDomainId}
                          </Typography.Text>
                        </div>
                      ),
                    },
                  ]
                : []),
              {
                title: t('subscriptions.orders.type'),
                key: 'type',
                render: (_, o) => t(`subscriptions.orders.types.${o.type}`),
              },
              {
                title: t('subscriptions.orders.status'),
                key: 'status',
                render: (_, o) => (
                  <span>
                    <Tag color={STATUS_COLOR[o.status]} data-testid={`order-status-${o.id}`}>
                      {t(`subscriptions.orders.statuses.${o.status}`)}
                    </Tag>
                    {o.paidBy && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t(`subscriptions.orders.paidBy.${o.paidBy as 'customer'}`)}
                      </Typography.Text>
                    )}
                  </span>
                ),
              },
              {
                title: t('subscriptions.orders.amount'),
                key: 'amount',
                align: 'right' as const,
                render: (_, o) => <span style={nowrap}>{yuan(o.amountFen)}</span>,
              },
              {
                title: t('subscriptions.orders.created'),
                key: 'created',
                render: (_, o) => <span style={nowrap}>{formatDateTime(o.createdAt, i18n.language)}</span>,
              },
              {
                title: t('subscriptions.orders.resources'),
                key: 'resources',
                render: (_, o) => o.lines.map((l) => l.resourceId).join(', '),
              },
              {
                title: '',
                key: 'actions',
                render: (_, o) =>
                  o.status === 'pending_payment' ? (
                    <Space size={4}>
                      <Button
                        size="small"
                        type="primary"
                        data-testid={`order-pay-${o.id}`}
                        loading={actions.pay.isPending}
                        onClick={() => act(() => actions.pay.mutateAsync({ id: o.id }))}
                      >
                        {t(
                          area === 'partner'
                            ? 'subscriptions.orders.payAsPartner'
                            : 'subscriptions.orders.pay',
                        )}
                      </Button>
                      <Button size="small" onClick={() => act(() => actions.cancel.mutateAsync(o.id))}>
                        {t('subscriptions.orders.cancel')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        </QueryState>
      </Card>
      <Drawer
        open={Boolean(open)}
        onClose={() => setOpen(null)}
        width={640}
        title={open ? t('subscriptions.orders.detail', { id: open.id }) : ''}
      >
        {open && (
          <>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label={t('subscriptions.orders.type')}>
                {t(`subscriptions.orders.types.${open.type}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('subscriptions.orders.status')}>
                {t(`subscriptions.orders.statuses.${open.status}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('subscriptions.renew.official')}>
                {yuan(open.officialFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('subscriptions.renew.discount')}>
                {yuan(open.discountFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('subscriptions.orders.amount')}>
                {yuan(open.amountFen)}
              </Descriptions.Item>
              <Descriptions.Item label={t('subscriptions.orders.paid')}>
                {open.paidAt ? formatDateTime(open.paidAt, i18n.language) : '—'}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('subscriptions.orders.lines')}
            </Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={open.lines}
              columns={[
                { title: t('subscriptions.col.resource'), dataIndex: 'resourceId' },
                {
                  title: t('subscriptions.renew.periodNum'),
                  render: (_, l) =>
                    l.periodType
                      ? t('subscriptions.orders.period', {
                          num: l.periodNum,
                          type: t(`subscriptions.renew.${l.periodType}`),
                        })
                      : '—',
                },
                { title: t('subscriptions.orders.amount'), render: (_, l) => yuan(l.amountFen) },
                {
                  title: t('subscriptions.renew.newExpiry'),
                  render: (_, l) => (l.expireAt ? formatDateTime(l.expireAt, i18n.language) : '—'),
                },
              ]}
            />
          </>
        )}
      </Drawer>
    </>
  );
}
