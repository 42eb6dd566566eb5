import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiPaths, api, unwrap } from '../../platform/api/client.ts';
import type { ResponseOf } from '../../platform/api/types.ts';

export type Certification = ResponseOf<'/api/certification', 'get'>;
export type QualificationView = Certification['qualification'];
export type BusinessView = Certification['business'];
export type StageStatus = QualificationView['status'];
export type Stage = 'qualification' | 'business';
export type QueueItem = ResponseOf<'/api/console/certifications', 'get'>['items'][number];
export type ReviewDetail = ResponseOf<'/api/console/certifications/{id}', 'get'>;
export type ReviewStatus = QueueItem['status'];

export const STAGES: Stage[] = ['qualification', 'business'];
export const REVIEW_STATUSES: ReviewStatus[] = ['submitted', 'under_review', 'approved', 'rejected', 'draft'];
export const STATUS_COLORS: Record<StageStatus, string> = {
  none: 'default',
  draft: 'default',
  submitted: 'processing',
  under_review: 'processing',
  approved: 'success',
  rejected: 'error',
};

type JsonBody<P extends keyof ApiPaths> = ApiPaths[P] extends {
  put: { requestBody?: { content: { 'application/json': infer B } } };
}
  ? B
  : never;
export type QualificationBody = JsonBody<'/api/certification/qualification'>;
export type BusinessBody = JsonBody<'/api/certification/business'>;

// Portal ----------------------------------------------------------------------------------------

export function useCertification() {
  return useQuery({ queryKey: ['certification'], queryFn: () => unwrap(api.GET('/api/certification')) });
}

export function usePayoutEligibility() {
  return useQuery({
    queryKey: ['certification', 'payout'],
    queryFn: () => unwrap(api.GET('/api/payout-eligibility')),
  });
}

export function useSaveQualification() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: QualificationBody) => unwrap(api.PUT('/api/certification/qualification', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certification'] }),
  });
}

export function useSaveBusiness() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: BusinessBody) => unwrap(api.PUT('/api/certification/business', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certification'] }),
  });
}

export function useSubmitStage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (stage: Stage): Promise<QualificationView | BusinessView> =>
      stage === 'qualification'
        ? unwrap(api.POST('/api/certification/qualification/submit'))
        : unwrap(api.POST('/api/certification/business/submit')),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['certification'] }),
  });
}

// Console ---------------------------------------------------------------------------------------

export interface ReviewFilters {
  stage?: Stage;
  status?: string;
  partnerId?: string;
  q?: string;
  mine?: 'true';
  limit: number;
  offset: number;
}

export function useReviewQueue(filters: ReviewFilters) {
  return useQuery({
    queryKey: ['console', 'certifications', filters],
    queryFn: () => unwrap(api.GET('/api/console/certifications', { params: { query: filters } })),
    placeholderData: keepPreviousData,
  });
}

export function useReviewDetail(id: string) {
  return useQuery({
    queryKey: ['console', 'certifications', 'one', id],
    queryFn: () => unwrap(api.GET('/api/console/certifications/{id}', { params: { path: { id } } })),
  });
}

export type ReviewAction =
  | { action: 'claim'; id: string }
  | { action: 'approve'; id: string }
  | { action: 'reject'; id: string; reason: string };

export function useReviewAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ReviewAction) => {
      const path = { path: { id: a.id } };
      if (a.action === 'claim')
        return unwrap(api.POST('/api/console/certifications/{id}/claim', { params: path }));
      if (a.action === 'approve')
        return unwrap(api.POST('/api/console/certifications/{id}/approve', { params: path }));
      return unwrap(
        api.POST('/api/console/certifications/{id}/reject', { params: path, body: { reason: a.reason } }),
      );
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['console', 'certifications'] }),
  });
}

export function useBulkReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { action: 'claim' | 'approve' | 'reject'; ids: string[]; reason?: string }) =>
      unwrap(api.POST('/api/console/certifications/bulk', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['console', 'certifications'] }),
  });
}

export function useRevealBankAccount() {
  return useMutation({
    mutationFn: (v: { id: string; reason: string }) =>
      unwrap(
        api.POST('/api/console/certifications/{id}/reveal-bank-account', {
          params: { path: { id: v.id } },
          body: { reason: v.reason },
        }),
      ),
  });
}
