import { Button, Card, Flex, Segmented, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { DueCell, StatusTag } from './ticket-parts.tsx';
import { type TicketItem, type TicketStatus, useMyTickets } from './tickets-api.ts';

const VIEWS: Record<'active' | 'resolved' | 'all', TicketStatus[] | undefined> = {
  active: ['open', 'pending'],
  resolved: ['resolved', 'closed'],
  all: undefined,
};

/** Portal > Support: the company's tickets. */
export function SupportPage() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<keyof typeof VIEWS>('all');
  const list = useMyTickets(VIEWS[view]);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('tickets.list.title')}
        subtitle={t('tickets.sla')}
        extra={
          <LinkButton to="/support/new" type="primary" data-testid="ticket-new">
            {t('tickets.list.new')}
          </LinkButton>
        }
      />
      <Card>
        <Segmented
          style={{ marginBottom: 16 }}
          data-testid="ticket-view"
          value={view}
          onChange={(v) => setView(v as keyof typeof VIEWS)}
          options={[
            { value: 'all', label: t('tickets.list.all') },
            { value: 'active', label: t('tickets.list.active') },
            { value: 'resolved', label: t('tickets.status.resolved') },
          ]}
        />
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="ticket-table">
            <Table<TicketItem>
              rowKey="id"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 800 }}
              locale={{ emptyText: t('tickets.list.empty') }}
              onRow={(r) =>
                ({ 'data-testid': 'ticket-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('tickets.field.subject'),
                  dataIndex: 'subject',
                  render: (v: string, r) => (
                    <Link to={`/support/tickets/${r.id}`} data-testid="ticket-link">
                      {v}
                    </Link>
                  ),
                },
                {
                  title: t('tickets.field.category'),
                  dataIndex: 'category',
                  render: (v: TicketItem['category']) => (
                    <span style={nowrap}>{t(`tickets.category.${v}`)}</span>
                  ),
                },
                {
                  title: t('tickets.field.status'),
                  dataIndex: 'status',
                  render: (v: TicketStatus) => <StatusTag status={v} side="portal" />,
                },
                {
                  title: t('tickets.field.dueAt'),
                  dataIndex: 'dueAt',
                  render: (_, r) => <DueCell dueAt={r.dueAt} overdue={r.overdue} status={r.status} />,
                },
                {
                  title: t('tickets.field.lastReplyAt'),
                  dataIndex: 'lastReplyAt',
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                {
                  title: t('tickets.field.id'),
                  dataIndex: 'id',
                  render: (v: string) => (
                    <Typography.Text type="secondary" style={{ ...nowrap, fontSize: 12 }}>
                      {v}
                    </Typography.Text>
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
