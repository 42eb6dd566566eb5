import { Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRegistrations } from '../../platform/api/console.ts';
import type { Registration } from '../../platform/api/types.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';

export function RegistrationsPage() {
  const { t, i18n } = useTranslation();
  const list = useRegistrations(20);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('console.registrations.title')}
        subtitle={t('console.registrations.subtitle')}
        extra={<Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="registrations-table">
            <Table<Registration>
              rowKey="id"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 900 }}
              locale={{ emptyText: t('console.registrations.empty') }}
              onRow={() => ({ 'data-testid': 'registration-row' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                {
                  title: t('console.registrations.name'),
                  dataIndex: 'name',
                  render: (v: string, r) => (
                    <Link to={`/console/partners/${r.id}`} data-testid="registration-partner-link">
                      <Typography.Text strong>{v}</Typography.Text>
                    </Link>
                  ),
                },
                {
                  title: t('console.registrations.domainId'),
                  dataIndex: 'domainId',
                  render: (v: string) => <Typography.Text copyable>{v}</Typography.Text>,
                },
                {
                  title: t('console.registrations.id'),
                  dataIndex: 'id',
                  render: (v: string) => (
                    <Typography.Text type="secondary" style={{ ...nowrap, fontSize: 12 }}>
                      {v}
                    </Typography.Text>
                  ),
                },
                {
                  title: t('console.registrations.adminEmail'),
                  dataIndex: 'adminEmail',
                  render: (v: string | null) => v ?? t('common.none'),
                },
                {
                  title: t('console.registrations.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                {
                  title: '',
                  key: 'actions',
                  render: (_, r) => (
                    <Link to={`/console/audit?partnerId=${encodeURIComponent(r.id)}`} style={nowrap}>
                      {t('console.registrations.audit')}
                    </Link>
                  ),
                },
              ]}
            />
          </div>
          {list.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </QueryState>
      </Card>
    </>
  );
}
