import { useQuery } from '@tanstack/react-query';
import { Card, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';

type Row = ResponseOf<'/api/console/customers', 'get'>['items'][number];
const PAGE_SIZE = 20;
const ORIGINS = ['api', 'redirect', 'self', 'demo'] as const;

/** Console > Customers: every customer account and its current partner, read-only (R6). */
export function ConsoleCustomersPage() {
  const { t, i18n } = useTranslation();
  const [keyword, setKeyword] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['console', 'customers', keyword, page],
    queryFn: () =>
      unwrap(
        api.GET('/api/console/customers', {
          params: {
            query: { keyword: keyword || undefined, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE },
          },
        }),
      ),
    placeholderData: (prev) => prev,
  });
  return (
    <>
      <PageHeader title={t('customers.console.title')} subtitle={t('customers.console.subtitle')} />
      <Card>
        <Input.Search
          allowClear
          placeholder={t('customers.list.keyword')}
          style={{ maxWidth: 320, marginBottom: 16 }}
          onSearch={(v) => {
            setKeyword(v.trim());
            setPage(1);
          }}
        />
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <Table<Row>
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1000 }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              onChange: setPage,
            }}
            columns={[
              { title: t('customers.field.name'), dataIndex: 'name' },
              { title: t('customers.field.domainName'), dataIndex: 'domainName' },
              {
                title: t('customers.field.domainId'),
                dataIndex: 'domainId',
                render: (v: string) => (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {v}
                  </Typography.Text>
                ),
              },
              {
                title: t('customers.field.partner'),
                dataIndex: 'partnerName',
                render: (v: string | null) =>
                  v ?? <Typography.Text type="secondary">{t('customers.console.none')}</Typography.Text>,
              },
              {
                title: t('customers.field.type'),
                dataIndex: 'associationType',
                render: (v: Row['associationType']) => (v ? t(`customers.type.${v}`) : '—'),
              },
              {
                title: t('customers.field.source'),
                dataIndex: 'origin',
                render: (v: string) => {
                  const k = ORIGINS.find((o) => o === v);
                  return k ? t(`customers.console.origin.${k}`) : v;
                },
              },
              {
                title: t('customers.field.status'),
                dataIndex: 'status',
                render: (v: string) => (
                  <Tag color={v === 'frozen' ? 'red' : 'green'}>
                    {t(v === 'frozen' ? 'customers.status.frozen' : 'customers.status.active')}
                  </Tag>
                ),
              },
              {
                title: t('customers.field.createdAt'),
                dataIndex: 'createdAt',
                render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
              },
            ]}
          />
        </QueryState>
      </Card>
    </>
  );
}
