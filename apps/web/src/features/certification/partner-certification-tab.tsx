import { QueryState } from '../../platform/components/query-state.tsx';
import type { PartnerTabProps } from '../../platform/feature.ts';
import { REVIEW_STATUSES, useReviewQueue } from './certification-api.ts';
import { ReviewTable } from './review-table.tsx';

/** The partner detail page's certification tab: both stages of this partner, any status. */
export function PartnerCertificationTab({ partnerId }: PartnerTabProps) {
  const list = useReviewQueue({ partnerId, status: REVIEW_STATUSES.join(','), limit: 10, offset: 0 });
  return (
    <QueryState isLoading={list.isLoading} error={list.error} onRetry={() => list.refetch()}>
      <ReviewTable rows={list.data?.items ?? []} loading={list.isFetching} />
    </QueryState>
  );
}
