import { Button, Card, Checkbox, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime, nowrap } from '../../platform/lib/format.ts';
import { beijingTime, ReviewStatusTag } from './certificate-parts.tsx';
import {
  type QueueItem,
  REVIEW_STATUSES,
  type ReviewFilters,
  type ReviewStatus,
  useReviewDecision,
  useReviewQueue,
} from './certificates-api.ts';
import { ReviewDrawer } from './review-drawer.tsx';

/** Annual certificate reviews (R7): filter, open one, approve or reject; approve several at once. */
export function ReviewQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ReviewStatus | null) ?? 'submitted';
  const cycle = params.get('cycle');
  const q = params.get('q') ?? '';
  const overdue = params.get('overdue') === 'true';
  const filters: ReviewFilters = {
    status: status === ('all' as ReviewStatus) ? undefined : status,
    cycleYear: cycle ? Number(cycle) : undefined,
    q: q || undefined,
    overdue: overdue ? 'true' : undefined,
  };
  const list = useReviewQueue(filters);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const counts = list.data?.pages[0]?.counts ?? {};
  const [selected, setSelected] = useState<string[]>([]);
  const [openId, setOpenId] = useState<string | null>(null);
  const { bulkApprove } = useReviewDecision();
  const [search, setSearch] = useState(q);

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
    setSelected([]);
  };
  const thisYear = new Date().getFullYear();
  const cycles = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];

  const runBulk = () =>
    bulkApprove.mutate(selected, {
      onSuccess: (r) => {
        const ok = r.results.filter((x) => x.ok).length;
        const failed = r.results.length - ok;
        const firstFailure = r.results.find((x) => !x.ok)?.message;
        (failed ? message.warning : message.success)(
          [t('certificates.console.bulkDone', { ok, failed }), firstFailure].filter(Boolean).join(' — '),
        );
        setSelected([]);
      },
      onError: (e) => message.error(e.message),
    });

  return (
    <>
      <PageHeader
        title={t('certificates.console.title')}
        subtitle={t('certificates.console.subtitle')}
        extra={<Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }} align="center">
          <Select
            aria-label={t('certificates.console.status')}
            value={status}
            style={{ width: 220 }}
            onChange={(v) => setFilter('status', v)}
            data-testid="review-filter-status"
            options={[
              { value: 'all', label: t('common.all') },
              ...REVIEW_STATUSES.map((s) => ({
                value: s,
                label: `${t(`certificates.reviewStatus.${s}`)}${counts[s] ? ` (${counts[s]})` : ''}`,
              })),
            ]}
          />
          <Select
            aria-label={t('certificates.console.cycle')}
            value={cycle ?? ''}
            style={{ width: 140 }}
            onChange={(v) => setFilter('cycle', v || undefined)}
            data-testid="review-filter-cycle"
            options={[
              { value: '', label: t('certificates.console.allCycles') },
              ...cycles.map((y) => ({ value: String(y), label: String(y) })),
            ]}
          />
          <Input.Search
            allowClear
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            placeholder={t('certificates.console.searchPlaceholder')}
            style={{ width: 240 }}
            data-testid="review-filter-q"
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : undefined)}
            data-testid="review-filter-overdue"
          >
            {t('certificates.console.overdueOnly')}
          </Checkbox>
          <div style={{ flex: 1 }} />
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={bulkApprove.isPending}
            onClick={runBulk}
            data-testid="review-bulk-approve"
          >
            {t('certificates.console.bulkApprove', { count: selected.length })}
          </Button>
        </Flex>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="review-table">
            <Table<QueueItem>
              rowKey="id"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1000 }}
              locale={{ emptyText: t('certificates.console.empty') }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'submitted' }),
              }}
              onRow={(r) =>
                ({
                  'data-testid': 'review-row',
                  'data-partner-id': r.partnerId,
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('certificates.console.partner'),
                  dataIndex: 'partnerName',
                  render: (v: string, r) => (
                    <div>
                      <Typography.Text strong>{v}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.certificateNumber}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
                { title: t('certificates.console.cycle'), dataIndex: 'cycleYear' },
                {
                  title: t('certificates.console.status'),
                  dataIndex: 'status',
                  render: (_, r) => (
                    <Flex gap={4} wrap>
                      <ReviewStatusTag status={r.status} />
                      {r.overdue ? <Tag color="red">{t('certificates.console.overdueTag')}</Tag> : null}
                    </Flex>
                  ),
                },
                {
                  title: t('certificates.console.deadline'),
                  dataIndex: 'deadline',
                  render: (v: string) => <span style={nowrap}>{beijingTime(v)}</span>,
                },
                {
                  title: t('certificates.console.submittedAt'),
                  dataIndex: 'submittedAt',
                  render: (v: string | null) => (
                    <span style={nowrap}>{formatDateTime(v, i18n.language)}</span>
                  ),
                },
                { title: t('certificates.console.validUntil'), dataIndex: 'currentValidUntil' },
                {
                  title: '',
                  key: 'actions',
                  render: (_, r) => (
                    <Button size="small" onClick={() => setOpenId(r.id)} data-testid="review-view">
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
      <ReviewDrawer reviewId={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
