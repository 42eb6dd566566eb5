import { Card, Flex, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import type { Ticket, TicketStatus } from './tickets-api.ts';

const STATUS_COLORS: Record<TicketStatus, string> = {
  open: 'blue',
  pending: 'gold',
  resolved: 'green',
  closed: 'default',
};

/** The status as the reader sees it: the partner reads "waiting for you", support "waiting for partner". */
export function StatusTag({ status, side }: { status: TicketStatus; side: 'portal' | 'console' }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="ticket-status" data-status={status}>
      {side === 'portal' ? t(`tickets.status.${status}`) : t(`tickets.consoleStatus.${status}`)}
    </Tag>
  );
}

export function DueCell({
  dueAt,
  overdue,
  status,
}: {
  dueAt: string;
  overdue: boolean;
  status: TicketStatus;
}) {
  const { t, i18n } = useTranslation();
  const done = status === 'resolved' || status === 'closed';
  return (
    <Space size={4} style={nowrap}>
      <Typography.Text type={overdue && !done ? 'danger' : done ? 'secondary' : undefined}>
        {formatDateTime(dueAt, i18n.language)}
      </Typography.Text>
      {overdue ? (
        <Tag color="red" data-testid="ticket-overdue">
          {t('tickets.overdue')}
        </Tag>
      ) : null}
    </Space>
  );
}

/** The conversation: the opening description, then every message, oldest first. */
export function TicketThread({ ticket, side }: { ticket: Ticket; side: 'portal' | 'console' }) {
  const { t, i18n } = useTranslation();
  const authorLabel = (type: 'partner' | 'operator', name: string) =>
    side === 'portal' && type === 'operator' ? `${t('tickets.support')} · ${name}` : name;
  return (
    <Flex vertical gap={12} data-testid="ticket-thread">
      <Card size="small" styles={{ body: { whiteSpace: 'pre-wrap' } }}>
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 6, fontSize: 12 }}>
          {ticket.openedBy.name} · {formatDateTime(ticket.createdAt, i18n.language)}
        </Typography.Text>
        {ticket.description}
      </Card>
      {ticket.replies.map((r) => (
        <Card
          key={r.id}
          size="small"
          data-testid="ticket-reply"
          data-author={r.authorType}
          style={{
            marginLeft: r.authorType === 'operator' ? 0 : 32,
            marginRight: r.authorType === 'operator' ? 32 : 0,
            background: r.authorType === 'operator' ? '#f0f7ff' : undefined,
          }}
          styles={{ body: { whiteSpace: 'pre-wrap' } }}
        >
          <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 6 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {authorLabel(r.authorType, r.author.name)} · {formatDateTime(r.createdAt, i18n.language)}
            </Typography.Text>
            {r.kind !== 'reply' ? (
              <Tag color={r.kind === 'resolution' ? 'green' : 'orange'}>
                {t(`tickets.detail.kind.${r.kind}`)}
              </Tag>
            ) : null}
          </Flex>
          {r.body}
        </Card>
      ))}
    </Flex>
  );
}
