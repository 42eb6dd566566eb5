import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { beijingTime, CertificateStatusTag, ReviewStatusTag } from './certificate-parts.tsx';
import { useMyCertificate } from './certificates-api.ts';

/** The dashboard's line about the certificate: valid or expired, until when, and the review due. */
export function CertificateSummaryCard() {
  const { t } = useTranslation();
  const data = useMyCertificate().data;
  if (!data) return null;
  const { certificate, currentReview: review } = data;
  const due = review && (review.status === 'open' || review.status === 'rejected') && review.canSubmit;
  return (
    <Card size="small" data-testid="dashboard-certificate">
      <Flex gap={12} align="center" wrap justify="space-between">
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('certificates.title')}</Typography.Text>
          {certificate ? (
            <>
              <CertificateStatusTag status={certificate.status} />
              <Typography.Text type="secondary">
                {t('certificates.validUntil')}: {certificate.validUntil}
              </Typography.Text>
              {review && review.status !== 'approved' ? (
                <>
                  <ReviewStatusTag status={review.status} />
                  {due ? (
                    <Typography.Text type="warning">
                      {t('certificates.review.deadline')}: {beijingTime(review.deadline)}
                    </Typography.Text>
                  ) : null}
                </>
              ) : null}
            </>
          ) : (
            <Typography.Text type="secondary">{t('certificates.noneHint')}</Typography.Text>
          )}
        </Flex>
        <LinkButton
          to="/partner-info/certificate"
          type={due ? 'primary' : 'default'}
          size="small"
          data-testid="dashboard-certificate-action"
        >
          {due ? t('certificates.review.submit') : t('common.view')}
        </LinkButton>
      </Flex>
    </Card>
  );
}
