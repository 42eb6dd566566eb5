import { Button, Descriptions, Drawer, Flex, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { beijingTime, CertificateFacts, MaterialsView, ReviewStatusTag } from './certificate-parts.tsx';
import { useReviewDecision, useReviewDetail } from './certificates-api.ts';

/** One review: the partner's materials, the certificate, and the reviewer's decision. */
export function ReviewDrawer({ reviewId, onClose }: { reviewId: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const detail = useReviewDetail(reviewId);
  const { approve, reject } = useReviewDecision();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const review = detail.data?.review;
  const close = () => {
    setError(null);
    setRejecting(false);
    setReason('');
    onClose();
  };

  const doApprove = () => {
    if (!review) return;
    setError(null);
    approve.mutate(review.id, {
      onSuccess: () =>
        message.success(t('certificates.console.approved', { date: review.extendedValidUntil })),
      onError: (e) => setError(toShownError(e, t('common.loadFailed'))),
    });
  };
  const doReject = () => {
    if (!review) return;
    reject.mutate(
      { reviewId: review.id, reason: reason.trim() },
      {
        onSuccess: () => {
          setRejecting(false);
          setReason('');
          message.success(t('certificates.console.rejected'));
        },
        onError: (e) => {
          setRejecting(false);
          setError(toShownError(e, t('common.loadFailed')));
        },
      },
    );
  };

  return (
    <Drawer
      open={Boolean(reviewId)}
      onClose={close}
      width={720}
      title={t('certificates.console.detail')}
      data-testid="review-drawer"
      extra={
        review?.status === 'submitted' ? (
          <Space>
            <Button danger onClick={() => setRejecting(true)} data-testid="review-reject">
              {t('certificates.console.reject')}
            </Button>
            <Button
              type="primary"
              loading={approve.isPending}
              onClick={doApprove}
              data-testid="review-approve"
            >
              {t('certificates.console.approve')}
            </Button>
          </Space>
        ) : null
      }
    >
      <QueryState isLoading={detail.isLoading} error={detail.error} onRetry={() => detail.refetch()}>
        {review ? (
          <Flex vertical gap={16}>
            <ErrorAlert error={error} testId="review-decision-error" />
            <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
              <Descriptions.Item label={t('certificates.console.partner')}>
                <Typography.Text strong>{review.partnerName}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.console.status')}>
                <ReviewStatusTag status={review.status} testId="review-drawer-status" />
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.console.cycle')}>
                {review.cycleYear}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.console.deadline')}>
                {beijingTime(review.deadline)}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.review.extends')}>
                {review.extendedValidUntil}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificates.review.submittedAt')}>
                {formatDateTime(review.submittedAt, i18n.language)}
              </Descriptions.Item>
              {review.rejectReason ? (
                <Descriptions.Item label={t('certificates.review.rejectReason')} span={2}>
                  {review.rejectReason}
                </Descriptions.Item>
              ) : null}
            </Descriptions>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('certificates.console.materials')}
            </Typography.Title>
            <MaterialsView materials={review.materials} />
            {detail.data?.certificate ? (
              <>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {t('certificates.title')}
                </Typography.Title>
                <CertificateFacts certificate={detail.data.certificate} />
              </>
            ) : null}
          </Flex>
        ) : null}
      </QueryState>
      <Modal
        open={rejecting}
        title={t('certificates.console.rejectTitle')}
        onCancel={() => setRejecting(false)}
        footer={
          <Space>
            <Button onClick={() => setRejecting(false)}>{t('common.cancel')}</Button>
            <Button
              danger
              type="primary"
              disabled={reason.trim().length < 2}
              loading={reject.isPending}
              onClick={doReject}
              data-testid="review-reject-confirm"
            >
              {t('certificates.console.reject')}
            </Button>
          </Space>
        }
      >
        <Form layout="vertical">
          <Form.Item label={t('certificates.console.rejectReason')} required>
            <Input.TextArea
              rows={4}
              maxLength={1000}
              showCount
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="review-reject-reason-input"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
