import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type PartnerCertificate = ResponseOf<'/api/certificate', 'get'>;
export type CertificateReview = NonNullable<PartnerCertificate['currentReview']>;
export type ReviewStatus = CertificateReview['status'];
export type QueueItem = ResponseOf<'/api/console/certificate-reviews', 'get'>['items'][number];
export type Materials = NonNullable<CertificateReview['materials']>;

export const REVIEW_STATUSES: ReviewStatus[] = ['open', 'submitted', 'rejected', 'approved', 'lapsed'];

// Portal ----------------------------------------------------------------------------------------

export function useMyCertificate() {
  return useQuery({
    queryKey: ['certificate', 'mine'],
    queryFn: () => unwrap(api.GET('/api/certificate')),
  });
}

export function useSubmitMaterials(reviewId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Materials) =>
      send(() =>
        api.POST('/api/certificate/reviews/{reviewId}/submit', { params: { path: { reviewId } }, body }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certificate'] }),
  });
}

// Console ---------------------------------------------------------------------------------------

export interface ReviewFilters {
  status?: ReviewStatus;
  cycleYear?: number;
  q?: string;
  overdue?: 'true';
  partnerId?: string;
}

export function useReviewQueue(filters: ReviewFilters) {
  return useInfiniteQuery({
    queryKey: ['console', 'certificate-reviews', filters],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/console/certificate-reviews', {
          params: { query: { ...filters, limit: 50, before: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: { nextBefore: string | null }) => last.nextBefore ?? undefined,
  });
}

export function useReviewDetail(reviewId: string | null) {
  return useQuery({
    queryKey: ['console', 'certificate-review', reviewId],
    enabled: Boolean(reviewId),
    queryFn: () =>
      unwrap(
        api.GET('/api/console/certificate-reviews/{reviewId}', {
          params: { path: { reviewId: reviewId ?? '' } },
        }),
      ),
  });
}

export function usePartnerCertificate(partnerId: string) {
  return useQuery({
    queryKey: ['console', 'partner-certificate', partnerId],
    queryFn: () =>
      unwrap(api.GET('/api/console/partners/{partnerId}/certificate', { params: { path: { partnerId } } })),
  });
}

/** Approve, reject or bulk-approve; every decision refreshes the queue and the partner views. */
export function useReviewDecision() {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: ['console'] });
  return {
    approve: useMutation({
      mutationFn: (reviewId: string) =>
        send(() =>
          api.POST('/api/console/certificate-reviews/{reviewId}/approve', { params: { path: { reviewId } } }),
        ),
      onSuccess: done,
    }),
    reject: useMutation({
      mutationFn: ({ reviewId, reason }: { reviewId: string; reason: string }) =>
        send(() =>
          api.POST('/api/console/certificate-reviews/{reviewId}/reject', {
            params: { path: { reviewId } },
            body: { reason },
          }),
        ),
      onSuccess: done,
    }),
    bulkApprove: useMutation({
      mutationFn: (ids: string[]) =>
        send(() => api.POST('/api/console/certificate-reviews/bulk-approve', { body: { ids } })),
      onSuccess: done,
    }),
  };
}
