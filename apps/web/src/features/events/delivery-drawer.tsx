import { Button, Descriptions, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { useEventTypeLabel } from './event-type-label.ts';
import { type Delivery, type DeliveryDetail, useDelivery } from './events-api.ts';

type Attempt = DeliveryDetail['attemptList'][number];

export const STATUS_COLOR: Record<Delivery['status'], string> = {
  pending: 'processing',
  succeeded: 'green',
  failed: 'red',
};

/** Pretty JSON for webhook bodies; a bind callback's form is shown as sent. */
function shownBody(d: DeliveryDetail): string {
  if (d.kind !== 'webhook') return d.payload;
  try {
    return JSON.stringify(JSON.parse(d.payload), null, 2);
  } catch {
    return d.payload;
  }
}

/** One delivery: its body and every attempt, with the replay button. */
export function DeliveryDrawer({
  id,
  onClose,
  onReplay,
  replaying,
}: {
  id: string | null;
  onClose: () => void;
  onReplay: (id: string) => void;
  replaying: boolean;
}) {
  const { t, i18n } = useTranslation();
  const typeLabel = useEventTypeLabel();
  const detail = useDelivery(id);
  const d = detail.data;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      title={t('events.deliveries.detailTitle')}
      extra={
        d ? (
          <Popconfirm title={t('events.deliveries.replayConfirm')} onConfirm={() => onReplay(d.id)}>
            <Button type="primary" loading={replaying} data-testid="delivery-replay-drawer">
              {t('events.deliveries.replay')}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <QueryState isLoading={detail.isLoading} error={detail.error} onRetry={() => detail.refetch()}>
        {d ? (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label="ID">
                <Typography.Text code copyable>
                  {d.id}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('events.deliveries.field.kind')}>
                {t(`events.deliveries.kind.${d.kind}`)}
              </Descriptions.Item>
              {d.eventId ? (
                <Descriptions.Item label={t('events.deliveries.field.event')}>
                  {d.eventType ? `${typeLabel(d.eventType)} · ` : ''}
                  <Typography.Text code copyable>
                    {d.eventId}
                  </Typography.Text>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('events.deliveries.field.url')}>
                <Typography.Text style={{ wordBreak: 'break-all' }}>{d.url}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('events.deliveries.field.status')}>
                <Tag color={STATUS_COLOR[d.status]}>{t(`events.deliveries.status.${d.status}`)}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={t('events.deliveries.field.createdAt')}>
                {formatDateTime(d.createdAt, i18n.language)}
              </Descriptions.Item>
              {d.nextAttemptAt ? (
                <Descriptions.Item label={t('events.deliveries.field.nextAttemptAt')}>
                  {formatDateTime(d.nextAttemptAt, i18n.language)}
                </Descriptions.Item>
              ) : null}
              {d.deliveredAt ? (
                <Descriptions.Item label={t('events.deliveries.field.deliveredAt')}>
                  {formatDateTime(d.deliveredAt, i18n.language)}
                </Descriptions.Item>
              ) : null}
              {d.replayOf ? (
                <Descriptions.Item label={t('events.deliveries.field.replayOf')}>
                  <Typography.Text code>{d.replayOf}</Typography.Text>
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label={t('events.deliveries.field.contentType')}>
                {d.contentType}
              </Descriptions.Item>
            </Descriptions>
            <div>
              <Typography.Title level={5}>{t('events.deliveries.field.payload')}</Typography.Title>
              <Typography.Paragraph copyable={{ text: d.payload }}>
                <pre
                  style={{
                    maxHeight: 280,
                    overflow: 'auto',
                    fontSize: 12,
                    whiteSpace: 'pre-wrap',
                    wordBreak: 'break-all',
                  }}
                >
                  {shownBody(d)}
                </pre>
              </Typography.Paragraph>
            </div>
            <div>
              <Typography.Title level={5}>{t('events.deliveries.attempts')}</Typography.Title>
              <Table<Attempt>
                rowKey="id"
                size="small"
                dataSource={d.attemptList}
                pagination={false}
                locale={{ emptyText: t('events.deliveries.noAttempts') }}
                onRow={() => ({ 'data-testid': 'delivery-attempt' }) as React.HTMLAttributes<HTMLElement>}
                expandable={{
                  rowExpandable: (a) => Boolean(a.responseBody),
                  expandedRowRender: (a) => (
                    <div>
                      <Typography.Text type="secondary">
                        {t('events.deliveries.attempt.response')}
                      </Typography.Text>
                      <pre
                        style={{
                          maxHeight: 200,
                          overflow: 'auto',
                          fontSize: 12,
                          whiteSpace: 'pre-wrap',
                          wordBreak: 'break-all',
                        }}
                      >
                        {a.responseBody}
                      </pre>
                    </div>
                  ),
                }}
                columns={[
                  {
                    title: t('events.deliveries.attempt.at'),
                    dataIndex: 'attemptedAt',
                    render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                  },
                  {
                    title: t('events.deliveries.attempt.statusCode'),
                    dataIndex: 'statusCode',
                    render: (v: number | null) =>
                      v === null ? '—' : <Tag color={v >= 200 && v < 300 ? 'green' : 'red'}>{v}</Tag>,
                  },
                  {
                    title: t('events.deliveries.attempt.error'),
                    dataIndex: 'error',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: t('events.deliveries.attempt.duration'),
                    dataIndex: 'durationMs',
                    render: (ms: number) => t('events.deliveries.attempt.durationMs', { ms }),
                  },
                ]}
              />
            </div>
          </Space>
        ) : null}
      </QueryState>
    </Drawer>
  );
}
