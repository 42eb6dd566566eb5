import { Table, Typography } from 'antd';
import type { TableRowSelection } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { DueCell, StatusTag } from './ticket-parts.tsx';
import type { TicketItem, TicketStatus } from './tickets-api.ts';

/** The console's ticket table, shared by the queue and the partner detail tab. */
export function TicketTable({
  rows,
  loading,
  selection,
  showPartner = true,
}: {
  rows: TicketItem[];
  loading: boolean;
  selection?: TableRowSelection<TicketItem>;
  showPartner?: boolean;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div data-testid="ticket-queue-table">
      <Table<TicketItem>
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        rowSelection={selection}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t('tickets.queue.empty') }}
        onRow={(r) =>
          ({ 'data-testid': 'ticket-queue-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: t('tickets.field.subject'),
            dataIndex: 'subject',
            render: (v: string, r) => (
              <Link to={`/console/tickets/${r.id}`} data-testid="ticket-queue-link">
                {v}
              </Link>
            ),
          },
          ...(showPartner
            ? [
                {
                  title: t('tickets.field.partner'),
                  dataIndex: 'partnerName',
                  render: (v: string, r: TicketItem) => (
                    <Link to={`/console/partners/${r.partnerId}`}>{v}</Link>
                  ),
                },
              ]
            : []),
          {
            title: t('tickets.field.category'),
            dataIndex: 'category',
            render: (v: TicketItem['category']) => <span style={nowrap}>{t(`tickets.category.${v}`)}</span>,
          },
          {
            title: t('tickets.field.status'),
            dataIndex: 'status',
            render: (v: TicketStatus) => <StatusTag status={v} side="console" />,
          },
          {
            title: t('tickets.field.dueAt'),
            dataIndex: 'dueAt',
            render: (_, r) => <DueCell dueAt={r.dueAt} overdue={r.overdue} status={r.status} />,
          },
          {
            title: t('tickets.field.assignee'),
            dataIndex: 'assignee',
            render: (v: TicketItem['assignee']) =>
              v ? (
                <span style={nowrap}>{v.name}</span>
              ) : (
                <Typography.Text type="secondary" style={nowrap}>
                  {t('tickets.unassigned')}
                </Typography.Text>
              ),
          },
          {
            title: t('tickets.field.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
          },
        ]}
      />
    </div>
  );
}
