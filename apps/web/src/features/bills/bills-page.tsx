import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { nowrap } from '../../platform/lib/format.ts';
import { type BillList, type BillListItem, exportUrl, useBills, useCycle, yuan } from './bills-api.ts';

const PAGE = 20;

/** Portal > Customer bills: a month's bills per customer, totals, and the reconciliation export. */
export function BillsPage() {
  const { t } = useTranslation();
  const [cycle, setCycle, cycles] = useCycle();
  const [offset, setOffset] = useState(0);
  const list = useBills(cycle, { offset, limit: PAGE });
  return (
    <>
      <PageHeader title={t('bills.title')} subtitle={t('bills.subtitle')} />
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Flex align="center" gap={8}>
          <Typography.Text>{t('bills.cycle')}</Typography.Text>
          <Select
            aria-label={t('bills.cycle')}
            value={cycle}
            style={{ width: 140 }}
            data-testid="bills-cycle"
            options={cycles.map((c) => ({ value: c, label: c }))}
            onChange={(c) => {
              setOffset(0);
              setCycle(c);
            }}
          />
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('bills.exportHint')}</Typography.Text>
          <Button icon={<DownloadOutlined />} href={exportUrl(cycle, 'csv')} data-testid="bills-export-csv">
            {t('bills.exportCsv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(cycle, 'xlsx')} data-testid="bills-export-xlsx">
            {t('bills.exportXlsx')}
          </Button>
        </Flex>
      </Flex>
      <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
        {list.data ? <BillsBody data={list.data} cycle={cycle} offset={offset} onPage={setOffset} /> : null}
      </QueryState>
    </>
  );
}

function BillsBody(props: {
  data: BillList;
  cycle: string;
  offset: number;
  onPage: (offset: number) => void;
}) {
  const { t } = useTranslation();
  const { data, cycle } = props;
  const stats: [string, number | string][] = [
    [t('bills.totals.amount'), `${yuan(data.totals.amountFen)}`],
    [t('bills.totals.cash'), `${yuan(data.totals.cashFen)}`],
    [t('bills.totals.voucher'), `${yuan(data.totals.voucherFen)}`],
    [t('bills.totals.period'), `${yuan(data.totals.periodFen)}`],
    [t('bills.totals.onDemand'), `${yuan(data.totals.onDemandFen)}`],
    [t('bills.totals.customers'), data.total],
  ];
  const money = (key: keyof BillListItem, title: string) => ({
    key,
    title,
    align: 'right' as const,
    render: (_: unknown, r: BillListItem) => yuan(r[key] as number),
  });
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {stats.map(([title, value]) => (
          <Col key={title} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={title} value={value} data-testid="bills-stat" />
            </Card>
          </Col>
        ))}
      </Row>
      <Table<BillListItem>
        rowKey="customerId"
        size="middle"
        dataSource={data.items}
        locale={{ emptyText: t('bills.empty') }}
        data-testid="bills-table"
        pagination={{
          current: Math.floor(props.offset / PAGE) + 1,
          pageSize: PAGE,
          total: data.total,
          showSizeChanger: false,
          showTotal: (count) => t('bills.total', { count }),
          onChange: (p) => props.onPage((p - 1) * PAGE),
        }}
        scroll={{ x: true }}
        columns={[
          {
            key: 'customer',
            title: t('bills.col.customer'),
            render: (_, r) => <Link to={`/bills/${r.customerId}?cycle=${cycle}`}>{r.customerName}</Link>,
          },
          {
            key: 'account',
            title: t('bills.col.accountId'),
            dataIndex: 'customerDomainId',
            onCell: () => ({ style: nowrap }),
          },
          { key: 'partner', title: t('bills.col.partner'), dataIndex: 'partnerName' },
          money('amountFen', t('bills.col.amount')),
          money('cashFen', t('bills.col.cash')),
          money('voucherFen', t('bills.col.voucher')),
          money('periodFen', t('bills.col.period')),
          money('onDemandFen', t('bills.col.onDemand')),
          { key: 'records', title: t('bills.col.records'), dataIndex: 'recordCount', align: 'right' },
        ]}
      />
    </>
  );
}
