import { Card, Col, Flex, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import {
  type CustomerBill,
  type FeeFilter,
  type FeeRecord,
  useCustomerBill,
  useCycle,
  useFeeRecords,
  yuan,
} from './bills-api.ts';

const PAGE = 20;
type Line = CustomerBill['lines'][number];

/** Portal > Customer bills > one customer: the month's totals, by service, lines and fee records. */
export function CustomerBillPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const [cycle, setCycle, cycles] = useCycle();
  const bill = useCustomerBill(customerId, cycle);
  return (
    <>
      <PageHeader
        title={t('bills.customer.title', { name: bill.data?.customer.name ?? '' })}
        subtitle={<Link to={`/bills?cycle=${cycle}`}>← {t('bills.customer.back')}</Link>}
      />
      <Flex align="center" gap={8} style={{ marginBottom: 16 }}>
        <Typography.Text>{t('bills.cycle')}</Typography.Text>
        <Select
          aria-label={t('bills.cycle')}
          value={cycle}
          style={{ width: 140 }}
          options={cycles.map((c) => ({ value: c, label: c }))}
          onChange={setCycle}
        />
      </Flex>
      <QueryState isLoading={bill.isLoading} error={bill.error} onRetry={() => bill.refetch()}>
        {bill.data ? <BillBody customerId={customerId} cycle={cycle} data={bill.data} /> : null}
      </QueryState>
    </>
  );
}

function BillBody({ customerId, cycle, data }: { customerId: string; cycle: string; data: CustomerBill }) {
  const { t } = useTranslation();
  const stats: [string, number][] = [
    [t('bills.totals.amount'), data.amountFen],
    [t('bills.totals.cash'), data.cashFen],
    [t('bills.totals.voucher'), data.voucherFen],
    [t('bills.totals.period'), data.periodFen],
    [t('bills.totals.onDemand'), data.onDemandFen],
  ];
  const money = (key: keyof Line & `${string}Fen`, title: string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, r: Line) => yuan(r[key]),
  });
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row gutter={[16, 16]}>
        {stats.map(([title, fen]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={title} value={`${yuan(fen)}`} data-testid="bill-stat" />
            </Card>
          </Col>
        ))}
      </Row>
      <Card title={t('bills.customer.lines')} size="small">
        <Table<Line>
          rowKey={(l) => `${l.serviceType}|${l.resourceType}|${l.chargingMode}|${l.billType}`}
          size="small"
          pagination={false}
          dataSource={data.lines}
          locale={{ emptyText: t('bills.empty') }}
          data-testid="bill-lines"
          scroll={{ x: true }}
          columns={[
            { key: 'service', title: t('bills.col.serviceType'), render: (_, l) => l.serviceTypeName },
            { key: 'resource', title: t('bills.col.resourceType'), render: (_, l) => l.resourceType || '—' },
            {
              key: 'mode',
              title: t('bills.col.chargingMode'),
              render: (_, l) => t(`bills.mode.${l.chargingMode === 1 ? '1' : '3'}`),
            },
            {
              key: 'type',
              title: t('bills.col.billType'),
              render: (_, l) => t(`bills.billType.${l.billType === 1 ? '1' : '0'}`),
            },
            money('amountFen', t('bills.col.amount')),
            money('cashFen', t('bills.col.cash')),
            money('voucherFen', t('bills.col.voucher')),
            { key: 'records', title: t('bills.col.records'), dataIndex: 'recordCount', align: 'right' },
          ]}
        />
      </Card>
      <FeeRecords customerId={customerId} cycle={cycle} services={data.byServiceType} />
    </Space>
  );
}

function FeeRecords(props: { customerId: string; cycle: string; services: CustomerBill['byServiceType'] }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<FeeFilter>({});
  const [offset, setOffset] = useState(0);
  const fees = useFeeRecords(props.customerId, props.cycle, filter, { offset, limit: PAGE });
  const change = (f: FeeFilter) => {
    setOffset(0);
    setFilter(f);
  };
  return (
    <Card
      title={t('bills.customer.fees')}
      size="small"
      extra={
        <Flex gap={8}>
          <Select
            allowClear
            placeholder={t('bills.customer.allServices')}
            aria-label={t('bills.customer.allServices')}
            style={{ width: 200 }}
            value={filter.serviceType}
            options={props.services.map((s) => ({ value: s.serviceType, label: s.serviceTypeName }))}
            onChange={(serviceType) => change({ ...filter, serviceType })}
          />
          <Select
            allowClear
            placeholder={t('bills.customer.allModes')}
            aria-label={t('bills.customer.allModes')}
            style={{ width: 200 }}
            value={filter.chargingMode}
            data-testid="fees-mode"
            options={[
              { value: 1, label: t('bills.mode.1') },
              { value: 3, label: t('bills.mode.3') },
            ]}
            onChange={(chargingMode) => change({ ...filter, chargingMode })}
          />
        </Flex>
      }
    >
      <QueryState isLoading={fees.isLoading} error={fees.error} onRetry={() => fees.refetch()}>
        <Table<FeeRecord>
          rowKey="id"
          size="small"
          dataSource={fees.data?.items ?? []}
          locale={{ emptyText: t('bills.empty') }}
          data-testid="fee-records"
          scroll={{ x: true }}
          pagination={{
            current: Math.floor(offset / PAGE) + 1,
            pageSize: PAGE,
            total: fees.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (count) => t('bills.total', { count }),
            onChange: (p) => setOffset((p - 1) * PAGE),
          }}
          columns={[
            {
              key: 'time',
              title: t('bills.col.tradeTime'),
              render: (_, r) => formatDateTime(r.tradeTime, i18n.language),
              onCell: () => ({ style: nowrap }),
            },
            {
              key: 'trade',
              title: t('bills.col.tradeId'),
              dataIndex: 'tradeId',
              onCell: () => ({ style: nowrap }),
            },
            { key: 'type', title: t('bills.col.detailType'), dataIndex: 'billDetailTypeName' },
            { key: 'service', title: t('bills.col.serviceType'), dataIndex: 'serviceTypeName' },
            {
              key: 'resource',
              title: t('bills.col.resource'),
              render: (_, r) => r.resourceName ?? r.resourceId ?? '—',
            },
            { key: 'region', title: t('bills.col.region'), render: (_, r) => r.regionCode ?? '—' },
            {
              key: 'amount',
              title: t('bills.col.amount'),
              align: 'right',
              render: (_, r) => yuan(r.amountFen),
            },
            { key: 'cash', title: t('bills.col.cash'), align: 'right', render: (_, r) => yuan(r.cashFen) },
            {
              key: 'voucher',
              title: t('bills.col.voucher'),
              align: 'right',
              render: (_, r) => yuan(r.voucherFen),
            },
          ]}
        />
      </QueryState>
    </Card>
  );
}
