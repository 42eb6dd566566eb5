import { Button, Card, Checkbox, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import {
  REVIEW_STATUSES,
  type ReviewFilters,
  STAGES,
  type Stage,
  useBulkReview,
  useReviewQueue,
} from './certification-api.ts';
import { RejectModal } from './reject-modal.tsx';
import { ReviewTable } from './review-table.tsx';

/** Console > Certifications: the review queue with filters (kept in the URL) and bulk actions. */
export function CertificationQueuePage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get('page') ?? '1') || 1;
  const pageSize = Number(params.get('size') ?? '20') || 20;
  const filters: ReviewFilters = {
    stage: (STAGES as string[]).includes(params.get('stage') ?? '')
      ? (params.get('stage') as Stage)
      : undefined,
    status: params.get('status') || undefined,
    q: params.get('q') || undefined,
    mine: params.get('mine') === 'true' ? 'true' : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  };
  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    setParams(next, { replace: true });
  };
  const list = useReviewQueue(filters);
  const bulk = useBulkReview();
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);

  const runBulk = (action: 'claim' | 'approve' | 'reject', reason?: string) => {
    bulk.mutate(
      { action, ids: selected, reason },
      {
        onSuccess: (r) => {
          const failed = r.results.filter((x) => !x.ok);
          const text = t('certification.console.bulkDone', {
            ok: r.results.length - failed.length,
            failed: failed.length,
          });
          if (failed.length === 0) message.success(text);
          else message.warning(`${text}: ${[...new Set(failed.map((f) => f.message))].join('; ')}`);
          setSelected([]);
          setRejecting(false);
        },
        onError: (err) => message.error(toShownError(err, t('common.loadFailed')).message),
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('certification.console.title')}
        subtitle={t('certification.console.subtitle')}
        extra={<Button onClick={() => list.refetch()}>{t('common.refresh')}</Button>}
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            data-testid="cert-filter-q"
            placeholder={t('certification.console.search')}
            defaultValue={filters.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            data-testid="cert-filter-stage"
            placeholder={t('certification.console.filterStage')}
            aria-label={t('certification.console.filterStage')}
            value={filters.stage}
            onChange={(v?: string) => setFilter('stage', v)}
            style={{ width: 200 }}
            options={STAGES.map((s) => ({ value: s, label: t(`certification.stageShort.${s}`) }))}
          />
          <Select
            mode="multiple"
            allowClear
            data-testid="cert-filter-status"
            placeholder={`${t('certification.console.filterStatus')}: ${t('certification.status.submitted')}, ${t('certification.status.under_review')}`}
            aria-label={`${t('certification.console.filterStatus')}: ${t('certification.status.submitted')}, ${t('certification.status.under_review')}`}
            value={filters.status?.split(',') ?? []}
            onChange={(v: string[]) => setFilter('status', v.length ? v.join(',') : undefined)}
            style={{ minWidth: 260 }}
            options={REVIEW_STATUSES.map((s) => ({ value: s, label: t(`certification.status.${s}`) }))}
          />
          <Checkbox
            data-testid="cert-filter-mine"
            checked={filters.mine === 'true'}
            onChange={(e) => setFilter('mine', e.target.checked ? 'true' : undefined)}
          >
            {t('certification.console.mine')}
          </Checkbox>
        </Flex>
        <Flex gap={8} align="center" style={{ marginBottom: 12 }} wrap>
          <Typography.Text type="secondary">
            {t('certification.console.selected', { count: selected.length })}
          </Typography.Text>
          <Button
            disabled={!selected.length}
            loading={bulk.isPending}
            onClick={() => runBulk('claim')}
            data-testid="cert-bulk-claim"
          >
            {t('certification.console.claim')}
          </Button>
          <Button
            type="primary"
            disabled={!selected.length}
            loading={bulk.isPending}
            onClick={() => runBulk('approve')}
            data-testid="cert-bulk-approve"
          >
            {t('certification.console.approve')}
          </Button>
          <Button
            danger
            disabled={!selected.length}
            onClick={() => setRejecting(true)}
            data-testid="cert-bulk-reject"
          >
            {t('certification.console.reject')}
          </Button>
        </Flex>
        <QueryState isLoading={false} error={list.error} onRetry={() => list.refetch()}>
          <ReviewTable
            rows={list.data?.items ?? []}
            loading={list.isLoading || list.isFetching}
            total={list.data?.total}
            page={page}
            pageSize={pageSize}
            onPage={(p, size) => {
              const next = new URLSearchParams(params);
              next.set('page', String(p));
              next.set('size', String(size));
              setParams(next, { replace: true });
            }}
            selection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          />
        </QueryState>
      </Card>
      <RejectModal
        open={rejecting}
        loading={bulk.isPending}
        onCancel={() => setRejecting(false)}
        onConfirm={(reason) => runBulk('reject', reason)}
      />
    </>
  );
}
