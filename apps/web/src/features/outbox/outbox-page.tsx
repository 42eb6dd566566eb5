import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Input,
  Result,
  Segmented,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../../platform/api/client.ts';
import { useOutbox } from '../../platform/api/console.ts';
import type { Channel, OutboxEntry } from '../../platform/api/types.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import type { enUS } from '../../platform/i18n/en-US.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';

type Status = keyof typeof enUS.console.outbox.statuses;
const STATUS_COLORS: Record<string, string> = {
  pending: 'default',
  sending: 'processing',
  retrying: 'warning',
  sent: 'success',
  recorded: 'success',
  delivered: 'success',
  undelivered: 'error',
  failed: 'error',
};
const CHANNEL_COLORS: Record<Channel, string> = { email: 'blue', sms: 'green', in_app: 'purple' };

function useStatusLabel() {
  const { t } = useTranslation();
  return (s: string) => (s in STATUS_COLORS ? t(`console.outbox.statuses.${s as Status}`) : s);
}

function OutboxDetail({ entry, onClose }: { entry: OutboxEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const statusLabel = useStatusLabel();
  const dash = t('common.none');
  return (
    <Drawer
      open
      size={640}
      title={entry.subject || entry.template}
      onClose={onClose}
      data-testid="outbox-detail"
    >
      <Descriptions column={1} size="small" bordered styles={{ label: { width: 160 } }}>
        <Descriptions.Item label={t('console.outbox.channel')}>
          {t(`console.outbox.channels.${entry.channel}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.recipient')}>{entry.recipient}</Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.template')}>
          <Typography.Text code>{entry.template}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.locale')}>{entry.locale}</Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.status')}>
          <Tag color={STATUS_COLORS[entry.status] ?? 'default'}>{statusLabel(entry.status)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.attempts')}>{entry.attempts}</Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.provider')}>{entry.provider ?? dash}</Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.providerId')}>
          {entry.providerId ?? dash}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.createdAt')}>
          {formatDateTime(entry.createdAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('console.outbox.sentAt')}>
          {formatDateTime(entry.sentAt, i18n.language)}
        </Descriptions.Item>
        {entry.lastError ? (
          <Descriptions.Item label={t('console.outbox.lastError')}>
            <Typography.Text type="danger">{entry.lastError}</Typography.Text>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('console.outbox.body')}
      </Typography.Title>
      <pre className="pc-message-body" data-testid="outbox-body">
        {entry.body}
      </pre>
    </Drawer>
  );
}

/** Recorded email, SMS and in-app messages, for operators with the admin or support role. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<Channel | 'all'>('all');
  const [recipient, setRecipient] = useState('');
  const [open, setOpen] = useState<OutboxEntry | null>(null);
  const list = useOutbox({ ...(channel === 'all' ? {} : { channel }), ...(recipient ? { recipient } : {}) });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const statusLabel = useStatusLabel();

  if (list.error instanceof ApiRequestError && list.error.status === 403) {
    return <Result status="403" title={t('console.outbox.title')} subTitle={t('console.forbidden')} />;
  }

  return (
    <>
      <PageHeader
        title={t('console.outbox.title')}
        subtitle={t('console.outbox.subtitle')}
        extra={<Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Card>
        <Flex gap={16} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Segmented
            data-testid="outbox-channel-filter"
            value={channel}
            onChange={(v) => setChannel(v as Channel | 'all')}
            options={[
              { value: 'all', label: <span data-testid="outbox-channel-all">{t('common.all')}</span> },
              ...(['email', 'sms', 'in_app'] as const).map((c) => ({
                value: c,
                label: <span data-testid={`outbox-channel-${c}`}>{t(`console.outbox.channels.${c}`)}</span>,
              })),
            ]}
          />
          <Input.Search
            allowClear
            style={{ maxWidth: 320 }}
            placeholder={t('console.outbox.recipient')}
            onSearch={(v) => setRecipient(v.trim())}
            data-testid="outbox-recipient-filter"
          />
        </Flex>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="outbox-table">
            <Table<OutboxEntry>
              rowKey="id"
              size="middle"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t('console.outbox.empty') }}
              onRow={(r) =>
                ({
                  'data-testid': 'outbox-row',
                  'data-template': r.template,
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('console.outbox.createdAt'),
                  dataIndex: 'createdAt',
                  width: 180,
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                {
                  title: t('console.outbox.channel'),
                  dataIndex: 'channel',
                  width: 110,
                  render: (v: Channel) => (
                    <Tag color={CHANNEL_COLORS[v]}>{t(`console.outbox.channels.${v}`)}</Tag>
                  ),
                },
                { title: t('console.outbox.recipient'), dataIndex: 'recipient' },
                {
                  title: t('console.outbox.subject'),
                  key: 'subject',
                  render: (_, r) => (
                    <Flex vertical>
                      <span>{r.subject || t('common.none')}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.template}
                      </Typography.Text>
                    </Flex>
                  ),
                },
                {
                  title: t('console.outbox.status'),
                  dataIndex: 'status',
                  width: 110,
                  render: (v: string) => <Tag color={STATUS_COLORS[v] ?? 'default'}>{statusLabel(v)}</Tag>,
                },
                { title: t('console.outbox.attempts'), dataIndex: 'attempts', width: 100, align: 'right' },
                {
                  title: '',
                  key: 'view',
                  width: 90,
                  render: (_, r) => (
                    <Button size="small" onClick={() => setOpen(r)} data-testid="outbox-view">
                      {t('common.view')}
                    </Button>
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
      {open ? <OutboxDetail entry={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
