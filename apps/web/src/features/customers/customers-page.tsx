import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, formatYuan, nowrap } from '../../platform/lib/format.ts';
import { BulkActions } from './bulk-actions.tsx';
import {
  type CustomerFilter,
  type CustomerItem,
  type CustomerSort,
  exportUrl,
  type SortOrder,
  useCustomers,
} from './customers-api.ts';
import { InviteButton, RequestsTab } from './requests-tab.tsx';

const PAGE_SIZE = 20;

interface FilterForm {
  keyword?: string;
  type?: CustomerItem['associationType'];
  range?: [Dayjs | null, Dayjs | null] | null;
  label?: string;
  reseller?: string;
}

function toFilter(v: FilterForm): CustomerFilter {
  return {
    keyword: v.keyword?.trim() || undefined,
    type: v.type,
    associatedFrom: v.range?.[0]?.format('YYYY-MM-DD'),
    associatedTo: v.range?.[1]?.format('YYYY-MM-DD'),
    label: v.label?.trim() || undefined,
    reseller: v.reseller,
  };
}

/** Portal > Customers (R6): the list with filters and export, and invitations/applications. */
export function CustomersPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'requests' ? 'requests' : 'list';
  return (
    <>
      <PageHeader
        title={t('customers.list.title')}
        subtitle={t('customers.list.subtitle')}
        extra={<InviteButton />}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'requests' ? { tab: 'requests' } : {}, { replace: true })}
          items={[
            { key: 'list', label: t('customers.list.tabCustomers'), children: <CustomerList /> },
            { key: 'requests', label: t('customers.list.tabRequests'), children: <RequestsTab /> },
          ]}
        />
      </Card>
    </>
  );
}

const BUDGET_TAG: Record<NonNullable<CustomerItem['budget']>['state'], string> = {
  ok: 'green',
  warn75: 'gold',
  warn90: 'orange',
  exceeded: 'red',
};

/** Budget usage: percent and amounts, and the 75/90/100 % state as a tag with words, not colour alone. */
function BudgetUsage({ budget }: { budget: CustomerItem['budget'] }) {
  const { t } = useTranslation();
  if (!budget) return <Typography.Text type="secondary">{t('customers.budget.none')}</Typography.Text>;
  return (
    <Flex vertical gap={2} style={nowrap}>
      <span>
        <Tag color={BUDGET_TAG[budget.state]} data-testid="cust-budget-state">
          {t(`customers.budget.state.${budget.state}`)}
        </Tag>
        {budget.percent}%
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatYuan(budget.usedFen)} / {formatYuan(budget.amountFen)}
      </Typography.Text>
    </Flex>
  );
}

function CustomerList() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<FilterForm>();
  const [filter, setFilter] = useState<CustomerFilter>({});
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<SortOrder | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [names] = useState(() => new Map<string, string>());
  const list = useCustomers(filter, page, PAGE_SIZE, sort);
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const resellers = list.data?.resellers ?? [];
  // Names of every customer seen, for the bulk summary (selection spans pages).
  for (const c of list.data?.items ?? []) names.set(c.id, c.name);
  const apply = (v: FilterForm) => {
    setFilter(toFilter(v));
    setPage(1);
    setSelected([]);
  };
  const sortOrderOf = (by: CustomerSort) =>
    sort?.by === by ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null;
  return (
    <>
      <Form<FilterForm> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12, marginBottom: 16 }}>
        <Form.Item name="keyword">
          <Input
            allowClear
            placeholder={t('customers.list.keyword')}
            style={{ width: 220 }}
            data-testid="cust-keyword"
          />
        </Form.Item>
        <Form.Item name="type">
          <Select
            allowClear
            placeholder={t('customers.list.anyType')}
            aria-label={t('customers.list.anyType')}
            style={{ width: 140 }}
            options={(['referral', 'resale'] as const).map((v) => ({
              value: v,
              label: t(`customers.type.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="label">
          <Input allowClear placeholder={t('customers.field.label')} style={{ width: 140 }} />
        </Form.Item>
        {resellers.length > 0 ? (
          <Form.Item name="reseller">
            <Select
              allowClear
              placeholder={t('customers.list.allResellers')}
              aria-label={t('customers.list.allResellers')}
              style={{ width: 200 }}
              options={[
                { value: 'self', label: t('customers.list.mine') },
                ...resellers.map((r) => ({ value: r.id, label: r.name })),
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" data-testid="cust-search">
              {t('customers.list.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                apply({});
              }}
            >
              {t('customers.list.reset')}
            </Button>
          </Flex>
        </Form.Item>
      </Form>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">
          {t('customers.list.total', { count: list.data?.total ?? 0 })}
        </Typography.Text>
        <Flex gap={8}>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter, 'csv')} data-testid="cust-export-csv">
            {t('customers.list.exportCsv')}
          </Button>
          <Button icon={<DownloadOutlined />} href={exportUrl(filter, 'xlsx')} data-testid="cust-export-xlsx">
            {t('customers.list.exportXlsx')}
          </Button>
        </Flex>
      </Flex>
      {isAdmin ? (
        <BulkActions
          selected={selected}
          names={names}
          filter={filter}
          total={list.data?.total ?? 0}
          onDone={() => setSelected([])}
        />
      ) : null}
      <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
        <Table<CustomerItem>
          rowKey="id"
          loading={list.isLoading}
          rowSelection={
            isAdmin
              ? {
                  selectedRowKeys: selected,
                  preserveSelectedRowKeys: true,
                  onChange: (keys) => setSelected(keys.map(String)),
                  getCheckboxProps: (r) => ({ disabled: r.viaReseller, 'aria-label': r.name }),
                }
              : undefined
          }
          onChange={(_p, _f, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            const key = one?.columnKey as CustomerSort | undefined;
            setSort(
              one?.order && key ? { by: key, order: one.order === 'ascend' ? 'asc' : 'desc' } : undefined,
            );
            setPage(1);
          }}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1300 }}
          locale={{ emptyText: t('customers.list.empty') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
          }}
          columns={[
            {
              title: t('customers.field.name'),
              dataIndex: 'name',
              render: (v: string, r) => (
                <Link to={`/customers/${r.id}`} data-testid="cust-link">
                  {v}
                </Link>
              ),
            },
            { title: t('customers.field.domainName'), dataIndex: 'domainName' },
            {
              title: t('customers.field.domainId'),
              dataIndex: 'domainId',
              render: (v: string) => (
                <Typography.Text copyable type="secondary" style={{ fontSize: 12 }}>
                  {v}
                </Typography.Text>
              ),
            },
            {
              title: t('customers.field.type'),
              dataIndex: 'associationType',
              render: (v: CustomerItem['associationType']) => (
                <Tag color={v === 'resale' ? 'purple' : 'blue'}>{t(`customers.type.${v}`)}</Tag>
              ),
            },
            {
              title: t('customers.field.associatedAt'),
              dataIndex: 'associatedAt',
              key: 'associatedAt',
              sorter: true,
              sortOrder: sortOrderOf('associatedAt'),
              render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
            },
            {
              title: t('customers.field.spendMonth'),
              dataIndex: 'spendMonthFen',
              key: 'spendMonth',
              align: 'right' as const,
              sorter: true,
              sortOrder: sortOrderOf('spendMonth'),
              render: (v: number) => (
                <span style={nowrap} data-testid="cust-spend">
                  {formatYuan(v)}
                </span>
              ),
            },
            {
              title: t('customers.field.budgetUsage'),
              dataIndex: 'budget',
              key: 'budgetUsage',
              sorter: true,
              sortOrder: sortOrderOf('budgetUsage'),
              render: (v: CustomerItem['budget']) => <BudgetUsage budget={v} />,
            },
            { title: t('customers.field.label'), dataIndex: 'label', render: (v: string | null) => v ?? '—' },
            {
              title: t('customers.field.status'),
              dataIndex: 'status',
              render: (v: string, r) => (
                <Flex gap={4} wrap>
                  <Tag color={v === 'frozen' ? 'red' : 'green'}>
                    {t(v === 'frozen' ? 'customers.status.frozen' : 'customers.status.active')}
                  </Tag>
                  {r.purchaseRestricted ? <Tag color="orange">{t('customers.field.restricted')}</Tag> : null}
                </Flex>
              ),
            },
            ...(resellers.length > 0
              ? [
                  {
                    title: t('customers.field.reseller'),
                    dataIndex: 'partnerName',
                    render: (v: string, r: CustomerItem) => (r.viaReseller ? v : '—'),
                  },
                ]
              : []),
          ]}
        />
      </QueryState>
    </>
  );
}
