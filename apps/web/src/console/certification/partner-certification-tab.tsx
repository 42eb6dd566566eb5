import { QueryState } from '../../components/query-state.tsx';
import { REVIEW_STATUSES, useReviewQueue } from '../../portal/certification/certification-api.ts';
import type { PartnerTabProps } from '../partner-detail/tabs.ts';
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
