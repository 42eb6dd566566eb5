import { Button, Card, Flex, Select, Switch, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import {
  type QueueFilters,
  type QueueItem,
  useApplicationQueue,
  useBulkReview,
  useReview,
} from './console-memberships-api.ts';
import { formatDate, formatYuan, StatusTag, useKindName, useProgramName } from './membership-format.tsx';
import { ReviewModal } from './review-modal.tsx';

type Filters = Omit<QueueFilters, 'limit' | 'before'>;
const STATUSES = ['submitted', 'approved', 'rejected', 'withdrawn'] as const;
const PROGRAMS = [
  'solution_provider',
  'service_partner',
  'authorized_sales_support_center',
  'distributor',
] as const;
const KINDS = ['join', 'assc', 'upgrade'] as const;

/** Filters live in the URL; the default view is what waits for review. */
function useUrlFilters(): [Filters, (f: Filters) => void] {
  const [params, setParams] = useSearchParams();
  const f: Filters = {
    status: (params.get('status') ?? 'submitted') as Filters['status'],
    program: (params.get('program') || undefined) as Filters['program'],
    kind: (params.get('kind') || undefined) as Filters['kind'],
    mine: params.get('mine') === 'true' ? 'true' : undefined,
  };
  if (params.get('status') === 'all') f.status = undefined;
  const set = (n: Filters) => {
    const p = new URLSearchParams();
    p.set('status', n.status ?? 'all');
    if (n.program) p.set('program', n.program);
    if (n.kind) p.set('kind', n.kind);
    if (n.mine === 'true') p.set('mine', 'true');
    setParams(p);
  };
  return [f, set];
}

/** R2/R5: the program applications queue with filters and bulk decisions. */
export function MembershipQueuePage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [filters, setFilters] = useUrlFilters();
  const list = useApplicationQueue(filters);
  const review = useReview();
  const bulk = useBulkReview();
  const program = useProgramName();
  const kind = useKindName();
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState<{ decision: 'approve' | 'reject'; ids: string[] } | null>(null);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];

  const decide = async (reason?: string) => {
    if (!pending) return;
    try {
      if (pending.ids.length === 1 && pending.ids[0]) {
        await review.mutateAsync({ id: pending.ids[0], decision: pending.decision, reason });
        message.success(
          pending.decision === 'approve'
            ? t('memberships.console.approved')
            : t('memberships.console.rejected'),
        );
      } else {
        const r = await bulk.mutateAsync({ ids: pending.ids, action: pending.decision, reason });
        const failed = r.results.filter((x) => !x.ok);
        const text = t('memberships.console.bulkDone', {
          ok: r.results.length - failed.length,
          failed: failed.length,
        });
        if (failed.length)
          message.warning(`${text}: ${[...new Set(failed.map((f) => f.message))].join('; ')}`);
        else message.success(text);
      }
      setSelected([]);
      setPending(null);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <>
      <PageHeader
        title={t('memberships.console.title')}
        subtitle={t('memberships.console.subtitle')}
        extra={<Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t('memberships.console.status')}
            style={{ width: 160 }}
            value={filters.status ?? 'all'}
            data-testid="membership-filter-status"
            onChange={(v) =>
              setFilters({ ...filters, status: v === 'all' ? undefined : (v as Filters['status']) })
            }
            options={[
              { value: 'all', label: t('memberships.console.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`memberships.status.${s}`) })),
            ]}
          />
          <Select
            style={{ width: 240 }}
            allowClear
            placeholder={t('memberships.console.program')}
            aria-label={t('memberships.console.program')}
            value={filters.program}
            data-testid="membership-filter-program"
            onChange={(v) => setFilters({ ...filters, program: v })}
            options={PROGRAMS.map((p) => ({ value: p, label: program(p) }))}
          />
          <Select
            style={{ width: 200 }}
            allowClear
            placeholder={t('memberships.console.kind')}
            aria-label={t('memberships.console.kind')}
            value={filters.kind}
            data-testid="membership-filter-kind"
            onChange={(v) => setFilters({ ...filters, kind: v })}
            options={KINDS.map((k) => ({ value: k, label: kind(k) }))}
          />
          <Flex gap={8} align="center">
            <Switch
              id="membership-filter-mine"
              checked={filters.mine === 'true'}
              data-testid="membership-filter-mine"
              onChange={(v) => setFilters({ ...filters, mine: v ? 'true' : undefined })}
            />
            <label htmlFor="membership-filter-mine">{t('memberships.console.mine')}</label>
          </Flex>
          <div style={{ flex: 1 }} />
          <Button
            type="primary"
            disabled={selected.length === 0}
            data-testid="membership-bulk-approve"
            onClick={() => setPending({ decision: 'approve', ids: selected })}
          >
            {t('memberships.console.bulkApprove', { count: selected.length })}
          </Button>
          <Button
            danger
            disabled={selected.length === 0}
            data-testid="membership-bulk-reject"
            onClick={() => setPending({ decision: 'reject', ids: selected })}
          >
            {t('memberships.console.bulkReject', { count: selected.length })}
          </Button>
        </Flex>
      </Card>
      <Card>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <div data-testid="membership-queue">
            <Table<QueueItem>
              rowKey="id"
              size="middle"
              loading={list.isLoading}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{ emptyText: t('memberships.console.empty') }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (r) => ({ disabled: r.status !== 'submitted' }),
              }}
              onRow={(r) =>
                ({
                  'data-testid': 'membership-queue-row',
                  'data-id': r.id,
                  'data-status': r.status,
                }) as React.HTMLAttributes<HTMLElement>
              }
              columns={[
                {
                  title: t('memberships.console.partner'),
                  dataIndex: 'partnerName',
                  render: (v: string, r) => (
                    <Link to={`/console/partners/${r.partnerId}`} data-testid="membership-queue-partner">
                      {v}
                    </Link>
                  ),
                },
                {
                  title: t('memberships.console.program'),
                  dataIndex: 'program',
                  render: (v: string) => program(v),
                },
                { title: t('memberships.console.kind'), dataIndex: 'kind', render: (v: string) => kind(v) },
                {
                  title: t('memberships.console.performance'),
                  key: 'perf',
                  render: (_, r) =>
                    r.performanceFen !== null
                      ? `${r.performanceYear}: ${formatYuan(r.performanceFen, i18n.language)}`
                      : '—',
                },
                { title: t('memberships.console.note'), dataIndex: 'note', ellipsis: true },
                {
                  title: t('memberships.console.status'),
                  dataIndex: 'status',
                  render: (v: string) => <StatusTag status={v} />,
                },
                {
                  title: t('memberships.console.submittedAt'),
                  dataIndex: 'createdAt',
                  render: (v: string) => formatDate(v, i18n.language),
                },
                {
                  title: t('memberships.console.reviewer'),
                  key: 'reviewer',
                  render: (_, r) =>
                    r.reviewerName ? `${r.reviewerName}${r.reviewReason ? `: ${r.reviewReason}` : ''}` : '—',
                },
                {
                  key: 'actions',
                  fixed: 'right',
                  width: 170,
                  render: (_, r) =>
                    r.status === 'submitted' ? (
                      <Flex gap={8}>
                        <Button
                          size="small"
                          type="primary"
                          data-testid="membership-approve"
                          onClick={() => setPending({ decision: 'approve', ids: [r.id] })}
                        >
                          {t('memberships.console.approve')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          data-testid="membership-reject"
                          onClick={() => setPending({ decision: 'reject', ids: [r.id] })}
                        >
                          {t('memberships.console.reject')}
                        </Button>
                      </Flex>
                    ) : null,
                },
              ]}
            />
          </div>
          {list.hasNextPage ? (
            <Flex justify="center" style={{ marginTop: 16 }}>
              <Button
                onClick={() => list.fetchNextPage()}
                loading={list.isFetchingNextPage}
                data-testid="membership-load-more"
              >
                {t('common.loadMore')}
              </Button>
            </Flex>
          ) : null}
        </QueryState>
      </Card>
      <ReviewModal
        decision={pending?.decision ?? null}
        count={pending?.ids.length ?? 0}
        loading={review.isPending || bulk.isPending}
        onCancel={() => setPending(null)}
        onOk={decide}
      />
    </>
  );
}
