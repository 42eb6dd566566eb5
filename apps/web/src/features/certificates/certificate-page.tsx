import { Alert, Button, Card, Descriptions, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { formatDateTime } from '../../platform/lib/format.ts';
import { beijingTime, CertificateFacts, MaterialsView, ReviewStatusTag } from './certificate-parts.tsx';
import { type CertificateReview, useMyCertificate } from './certificates-api.ts';
import { MaterialsForm } from './materials-form.tsx';

/** Partner info > Certificate (R7): the certificate, this year's review and its materials. */
export function CertificatePage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const q = useMyCertificate();
  const data = q.data;

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        subtitle={t('certificates.subtitle')}
        extra={<Button onClick={() => q.refetch()}>{t('common.refresh')}</Button>}
      />
      <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
        {data && !data.certificate ? (
          <Card data-testid="certificate-card">
            <Result
              status="info"
              title={<span data-testid="certificate-none">{t('certificates.none')}</span>}
              subTitle={t('certificates.noneHint')}
              extra={
                <LinkButton to="/partner-info/business" type="primary" data-testid="certificate-go-certify">
                  {t('certificates.goCertify')}
                </LinkButton>
              }
            />
          </Card>
        ) : null}
        {data?.certificate ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('certificates.title')} data-testid="certificate-card">
              {data.certificate.status === 'expired' ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('certificates.expiredNotice')}
                  style={{ marginBottom: 16 }}
                  data-testid="certificate-expired-notice"
                />
              ) : null}
              <CertificateFacts certificate={data.certificate} />
            </Card>
            <ReviewCard
              review={data.currentReview}
              validUntil={data.certificate.validUntil}
              active={data.certificate.status === 'active'}
              isAdmin={Boolean(me?.roles.includes('admin'))}
            />
            {data.reviews.some((r) => r.id !== data.currentReview?.id) ? (
              <ReviewHistory reviews={data.reviews.filter((r) => r.id !== data.currentReview?.id)} />
            ) : null}
          </Space>
        ) : null}
      </QueryState>
    </>
  );
}

function ReviewCard({
  review,
  validUntil,
  active,
  isAdmin,
}: {
  review: CertificateReview | null;
  validUntil: string;
  active: boolean;
  isAdmin: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [justSubmitted, setJustSubmitted] = useState(false);
  if (!review) {
    return (
      <Card data-testid="certificate-review">
        <Typography.Text type="secondary" data-testid="certificate-review-none">
          {active ? t('certificates.review.none') : t('common.none')}
        </Typography.Text>
      </Card>
    );
  }
  const awaiting = review.status === 'open' || review.status === 'rejected';
  return (
    <Card
      title={t('certificates.review.title', { year: review.cycleYear })}
      extra={<ReviewStatusTag status={review.status} testId="review-status" />}
      data-testid="certificate-review"
    >
      <Descriptions column={{ xs: 1, md: 2 }} size="middle" style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('certificates.review.deadline')}>
          <span data-testid="review-deadline">{beijingTime(review.deadline)}</span>
          {review.overdue ? (
            <Typography.Text type="danger" style={{ marginLeft: 8 }}>
              {t('certificates.review.overdue')}
            </Typography.Text>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('certificates.review.extends')}>
          {review.extendedValidUntil}
        </Descriptions.Item>
        {review.submittedAt ? (
          <Descriptions.Item label={t('certificates.review.submittedAt')}>
            {formatDateTime(review.submittedAt, i18n.language)}
          </Descriptions.Item>
        ) : null}
        {review.submissions > 0 ? (
          <Descriptions.Item label={t('certificates.review.submissions')}>
            {review.submissions}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {active && awaiting && !review.overdue ? (
        <Alert
          type="warning"
          showIcon
          title={t('certificates.expiresSoon', { date: validUntil })}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {review.status === 'rejected' && review.rejectReason ? (
        <Alert
          type="error"
          showIcon
          title={t('certificates.review.rejectReason')}
          description={<span data-testid="review-reject-reason">{review.rejectReason}</span>}
          action={
            <Link to="/support" data-testid="review-open-ticket">
              {t('certificates.review.openTicket')}
            </Link>
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {justSubmitted && review.status === 'submitted' ? (
        <Alert
          type="success"
          showIcon
          title={t('certificates.review.submitted')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {review.canSubmit && isAdmin ? (
        <>
          <Typography.Title level={5}>{t('certificates.materials.title')}</Typography.Title>
          <MaterialsForm review={review} onDone={() => setJustSubmitted(true)} />
        </>
      ) : null}
      {review.canSubmit && !isAdmin ? (
        <Alert
          type="info"
          showIcon
          title={t('certificates.review.adminOnly')}
          data-testid="review-admin-only"
        />
      ) : null}
      {!review.canSubmit && review.materials ? (
        <>
          <Typography.Title level={5}>{t('certificates.materials.title')}</Typography.Title>
          <MaterialsView materials={review.materials} />
        </>
      ) : null}
    </Card>
  );
}

export function ReviewHistory({ reviews }: { reviews: CertificateReview[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Card title={t('certificates.review.history')} data-testid="review-history">
      <Table<CertificateReview>
        rowKey="id"
        dataSource={reviews}
        pagination={false}
        size="small"
        scroll={{ x: 640 }}
        columns={[
          { title: t('certificates.review.cycle'), dataIndex: 'cycleYear' },
          {
            title: t('certificates.console.status'),
            dataIndex: 'status',
            render: (_, r) => <ReviewStatusTag status={r.status} />,
          },
          {
            title: t('certificates.review.deadline'),
            dataIndex: 'deadline',
            render: (v: string) => beijingTime(v),
          },
          {
            title: t('certificates.review.reviewedAt'),
            dataIndex: 'reviewedAt',
            render: (v: string | null) => formatDateTime(v, i18n.language),
          },
          {
            title: t('certificates.review.rejectReason'),
            dataIndex: 'rejectReason',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
    </Card>
  );
}
