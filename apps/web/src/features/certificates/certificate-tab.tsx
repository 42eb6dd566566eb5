import { Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../platform/components/query-state.tsx';
import type { PartnerTabProps } from '../../platform/feature.ts';
import { ReviewHistory } from './certificate-page.tsx';
import { CertificateFacts } from './certificate-parts.tsx';
import { usePartnerCertificate } from './certificates-api.ts';

/** Partner detail > Certificate: validity, expiry and every annual review of the partner. */
export function CertificateTab({ partnerId }: PartnerTabProps) {
  const { t } = useTranslation();
  const q = usePartnerCertificate(partnerId);
  return (
    <QueryState isLoading={q.isLoading} error={q.error} onRetry={() => q.refetch()}>
      <div data-testid="partner-certificate">
        {q.data?.certificate ? (
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card>
              <CertificateFacts certificate={q.data.certificate} />
            </Card>
            {q.data.reviews.length > 0 ? <ReviewHistory reviews={q.data.reviews} /> : null}
          </Space>
        ) : (
          <Card>
            <Empty description={t('certificates.none')} />
          </Card>
        )}
      </div>
    </QueryState>
  );
}
