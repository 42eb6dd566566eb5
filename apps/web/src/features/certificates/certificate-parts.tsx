import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import i18next from '../../platform/i18n/index.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import type { Materials, PartnerCertificate, ReviewStatus } from './certificates-api.ts';

const REVIEW_COLORS: Record<ReviewStatus, string> = {
  open: 'blue',
  submitted: 'gold',
  rejected: 'red',
  approved: 'green',
  lapsed: 'default',
};

export function ReviewStatusTag({ status, testId }: { status: ReviewStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={REVIEW_COLORS[status]} data-testid={testId} data-status={status}>
      {t(`certificates.reviewStatus.${status}`)}
    </Tag>
  );
}

export function CertificateStatusTag({ status }: { status: 'active' | 'expired' }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'active' ? 'green' : 'red'} data-testid="certificate-status" data-status={status}>
      {t(`certificates.status.${status}`)}
    </Tag>
  );
}

/** The certificate's facts, shown the same way in the portal and in the console. */
export function CertificateFacts({
  certificate,
}: {
  certificate: NonNullable<PartnerCertificate['certificate']>;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
      <Descriptions.Item label={t('certificates.number')}>
        <Typography.Text copyable strong data-testid="certificate-number">
          {certificate.number}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.console.status')}>
        <CertificateStatusTag status={certificate.status} />
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.validUntil')}>
        <Typography.Text strong data-testid="certificate-valid-until">
          {certificate.validUntil}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.issuedAt')}>
        {formatDateTime(certificate.issuedAt, i18n.language)}
      </Descriptions.Item>
      {certificate.renewedAt ? (
        <Descriptions.Item label={t('certificates.renewedAt')}>
          {formatDateTime(certificate.renewedAt, i18n.language)}
        </Descriptions.Item>
      ) : null}
      {certificate.expiredAt ? (
        <Descriptions.Item label={t('certificates.expiredAt')}>
          {formatDateTime(certificate.expiredAt, i18n.language)}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

/** The deadline as the partner reads it: the Beijing-time date and minute. */
/** A deadline or decision time, in the shared format (display zone labelled, no seconds). */
export function beijingTime(iso: string): string {
  return formatDateTime(iso, i18next.language, { seconds: false });
}

export function MaterialsView({ materials }: { materials: Materials | null }) {
  const { t } = useTranslation();
  if (!materials)
    return <Typography.Text type="secondary">{t('certificates.console.noMaterials')}</Typography.Text>;
  return (
    <Descriptions column={1} bordered size="small" data-testid="review-materials">
      <Descriptions.Item label={t('certificates.materials.summary')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {materials.summary}
        </Typography.Paragraph>
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.materials.certifiedStaff')}>
        {materials.certifiedStaff}
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.materials.customerCases')}>
        {materials.customerCases}
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.materials.contactName')}>
        {materials.contactName}
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.materials.contactPhone')}>
        {materials.contactPhone}
      </Descriptions.Item>
      <Descriptions.Item label={t('certificates.materials.documentUrls')}>
        {materials.documentUrls?.length
          ? materials.documentUrls.map((u) => (
              <div key={u}>
                <Typography.Link href={u} target="_blank" rel="noreferrer">
                  {u}
                </Typography.Link>
              </div>
            ))
          : t('common.none')}
      </Descriptions.Item>
    </Descriptions>
  );
}
