import { Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { AdminOnly } from '../../platform/components/admin-only.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { DeliveryDrawer, STATUS_COLOR } from './delivery-drawer.tsx';
import { useEventTypeLabel } from './event-type-label.ts';
import {
  type Delivery,
  type DeliveryFilter,
  useDeliveries,
  useEndpoints,
  useReplayDelivery,
} from './events-api.ts';

const KINDS = ['webhook', 'bind_callback'] as const;
const STATUSES = ['pending', 'succeeded', 'failed'] as const;

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** Developer > Deliveries: every webhook and bind callback with its attempts; replay any of them. */
export function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const typeLabel = useEventTypeLabel();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const filter: DeliveryFilter = {
    kind: pick(params.get('kind'), KINDS),
    status: pick(params.get('status'), STATUSES),
    endpointId: params.get('endpointId') ?? undefined,
    cursor: cursors.at(-1),
  };
  const list = useDeliveries(filter, isAdmin);
  const endpoints = useEndpoints(isAdmin);
  const replay = useReplayDelivery();

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setCursors([]);
  };
  const doReplay = (id: string) =>
    replay.mutate(id, {
      onSuccess: (d) => {
        message.success(t('events.deliveries.replayed'));
        setOpenId(d.id);
      },
      onError: (e) => message.error(toShownError(e, t('common.networkError')).message),
    });

  if (!isAdmin) {
    return (
      <AdminOnly
        title={t('events.deliveries.title')}
        subtitle={t('events.deliveries.subtitle')}
        message={t('events.adminOnly')}
        testId="deliveries-admin-only"
      />
    );
  }

  const all = t('events.deliveries.filter.all');
  return (
    <>
      <PageHeader title={t('events.deliveries.title')} subtitle={t('events.deliveries.subtitle')} />
      <Card>
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Space wrap>
            <Select
              aria-label={t('events.deliveries.filter.kind')}
              style={{ width: 180 }}
              value={filter.kind ?? ''}
              onChange={(v) => setFilter('kind', v || undefined)}
              data-testid="deliveries-kind"
              options={[
                { value: '', label: `${t('events.deliveries.filter.kind')}: ${all}` },
                ...KINDS.map((k) => ({ value: k, label: t(`events.deliveries.kind.${k}`) })),
              ]}
            />
            <Select
              aria-label={t('events.deliveries.filter.status')}
              style={{ width: 160 }}
              value={filter.status ?? ''}
              onChange={(v) => setFilter('status', v || undefined)}
              data-testid="deliveries-status"
              options={[
                { value: '', label: `${t('events.deliveries.filter.status')}: ${all}` },
                ...STATUSES.map((s) => ({ value: s, label: t(`events.deliveries.status.${s}`) })),
              ]}
            />
            <Select
              aria-label={t('events.deliveries.filter.endpoint')}
              style={{ width: 320 }}
              value={filter.endpointId ?? ''}
              onChange={(v) => setFilter('endpointId', v || undefined)}
              data-testid="deliveries-endpoint"
              options={[
                { value: '', label: `${t('events.deliveries.filter.endpoint')}: ${all}` },
                ...(endpoints.data?.items ?? []).map((e) => ({ value: e.id, label: e.description || e.url })),
              ]}
            />
          </Space>
          <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
            <Table<Delivery>
              rowKey="id"
              loading={list.isLoading}
              dataSource={list.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('events.deliveries.empty') }}
              onRow={(r) =>
                ({
                  'data-testid': 'delivery-row',
                  'data-status': r.status,
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('events.deliveries.field.createdAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>,
                },
                {
                  title: t('events.deliveries.field.event'),
                  key: 'event',
                  render: (_: unknown, r) => (
                    <Space direction="vertical" size={0}>
                      <span>
                        {r.kind === 'webhook' && r.eventType
                          ? typeLabel(r.eventType)
                          : t(`events.deliveries.kind.${r.kind}`)}
                        {r.replayOf ? (
                          <Tag style={{ marginLeft: 8 }}>{t('events.deliveries.replay')}</Tag>
                        ) : null}
                      </span>
                      {r.eventId ? (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.eventId}
                        </Typography.Text>
                      ) : null}
                    </Space>
                  ),
                },
                {
                  title: t('events.deliveries.field.url'),
                  dataIndex: 'url',
                  render: (v: string) => (
                    <Typography.Text style={{ wordBreak: 'break-all' }}>{v}</Typography.Text>
                  ),
                },
                {
                  title: t('events.deliveries.field.status'),
                  dataIndex: 'status',
                  render: (s: Delivery['status']) => (
                    <Tag color={STATUS_COLOR[s]}>{t(`events.deliveries.status.${s}`)}</Tag>
                  ),
                },
                { title: t('events.deliveries.field.attempts'), dataIndex: 'attempts' },
                {
                  title: t('events.deliveries.field.lastResult'),
                  key: 'last',
                  render: (_: unknown, r) =>
                    r.lastError ?? (r.lastStatusCode === null ? '—' : String(r.lastStatusCode)),
                },
                {
                  title: t('events.deliveries.field.nextAttemptAt'),
                  dataIndex: 'nextAttemptAt',
                  render: (v: string | null) => (
                    <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>
                  ),
                },
                {
                  title: t('events.deliveries.field.actions'),
                  key: 'actions',
                  render: (_: unknown, r) => (
                    <Space>
                      <Button size="small" onClick={() => setOpenId(r.id)} data-testid="delivery-view">
                        {t('events.deliveries.view')}
                      </Button>
                      <Popconfirm
                        title={t('events.deliveries.replayConfirm')}
                        onConfirm={() => doReplay(r.id)}
                      >
                        <Button size="small" data-testid="delivery-replay">
                          {t('events.deliveries.replay')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]}
            />
            <Flex justify="flex-end" gap={8} style={{ marginTop: 12 }}>
              {cursors.length ? (
                <Button onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {t('events.deliveries.previousPage')}
                </Button>
              ) : null}
              {list.data?.nextCursor ? (
                <Button onClick={() => setCursors((c) => [...c, list.data?.nextCursor ?? ''])}>
                  {t('events.deliveries.nextPage')}
                </Button>
              ) : null}
            </Flex>
          </QueryState>
        </Space>
      </Card>
      <DeliveryDrawer
        id={openId}
        onClose={() => setOpenId(null)}
        onReplay={doReplay}
        replaying={replay.isPending}
      />
    </>
  );
}
