import { Button, Card, Checkbox, Flex, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { TicketTable } from './ticket-table.tsx';
import {
  CATEGORIES,
  type QueueFilters,
  STATUSES,
  type TicketCategory,
  useAssign,
  useAssignees,
  useTicketQueue,
} from './tickets-api.ts';

const NOBODY = '__none__';

/** Console > Tickets: the support queue with filters and bulk assignment. Filters live in the URL. */
export function TicketQueuePage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const filters: QueueFilters = {
    status: params.get('status') || undefined,
    category: (params.get('category') as TicketCategory | null) || undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    assignee: params.get('assignee') || undefined,
    q: params.get('q') || undefined,
  };
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const list = useTicketQueue(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const assignees = useAssignees();
  const assign = useAssign();
  const [selected, setSelected] = useState<string[]>([]);
  const [target, setTarget] = useState<string>();
  const people = assignees.data?.items ?? [];

  const doAssign = () => {
    if (!target || selected.length === 0) return;
    assign.mutate(
      { ticketIds: selected, assigneeId: target === NOBODY ? null : target },
      {
        onSuccess: (r) => {
          message.success(t('tickets.queue.assigned', { count: r.count }));
          setSelected([]);
        },
        onError: (err) => message.error(toShownError(err, t('common.loadFailed')).message),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('tickets.queue.title')}
        subtitle={t('tickets.queue.subtitle')}
        extra={<Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            data-testid="ticket-filter-q"
            placeholder={t('tickets.queue.search')}
            defaultValue={filters.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            data-testid="ticket-filter-status"
            placeholder={t('tickets.queue.anyStatus')}
            aria-label={t('tickets.queue.anyStatus')}
            value={filters.status}
            onChange={(v?: string) => setFilter('status', v)}
            style={{ width: 170 }}
            options={[
              {
                value: 'open,pending',
                label: `${t('tickets.consoleStatus.open')} + ${t('tickets.consoleStatus.pending')}`,
              },
              ...STATUSES.map((s) => ({ value: s, label: t(`tickets.consoleStatus.${s}`) })),
            ]}
          />
          <Select
            allowClear
            data-testid="ticket-filter-category"
            placeholder={t('tickets.queue.anyCategory')}
            aria-label={t('tickets.queue.anyCategory')}
            value={filters.category}
            onChange={(v?: string) => setFilter('category', v)}
            style={{ width: 180 }}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`tickets.category.${c}`) }))}
          />
          <Select
            allowClear
            data-testid="ticket-filter-assignee"
            placeholder={t('tickets.queue.anyAssignee')}
            aria-label={t('tickets.queue.anyAssignee')}
            value={filters.assignee}
            onChange={(v?: string) => setFilter('assignee', v)}
            style={{ width: 180 }}
            options={[
              { value: 'me', label: t('tickets.queue.mine') },
              { value: 'none', label: t('tickets.unassigned') },
              ...people.map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
          <Checkbox
            data-testid="ticket-filter-overdue"
            checked={filters.overdue === 'true'}
            onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : undefined)}
            style={{ alignSelf: 'center' }}
          >
            {t('tickets.queue.onlyOverdue')}
          </Checkbox>
        </Flex>
        {selected.length > 0 ? (
          <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="ticket-bulk-bar">
            <Typography.Text>{t('tickets.queue.selected', { count: selected.length })}</Typography.Text>
            <Space.Compact>
              <Select
                data-testid="ticket-bulk-assignee"
                placeholder={t('tickets.queue.assignTo')}
                aria-label={t('tickets.queue.assignTo')}
                value={target}
                onChange={setTarget}
                style={{ width: 200 }}
                options={[
                  ...people.map((p) => ({ value: p.id, label: p.name })),
                  { value: NOBODY, label: t('tickets.queue.unassign') },
                ]}
              />
              <Button
                type="primary"
                data-testid="ticket-bulk-assign"
                disabled={!target}
                loading={assign.isPending}
                onClick={doAssign}
              >
                {t('tickets.queue.assign')}
              </Button>
            </Space.Compact>
          </Flex>
        ) : null}
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <TicketTable
            rows={rows}
            loading={list.isLoading}
            selection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          />
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
