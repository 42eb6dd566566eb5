import { Alert, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useCertification, usePayoutEligibility } from './certification-api.ts';
import { StageCard } from './stage-card.tsx';

/** Partner info > Business info: both certification stages (R3, R10) and the payout gate (R4). */
export function BusinessInfoPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const cert = useCertification();
  const payout = usePayoutEligibility();
  const canEdit = Boolean(me?.roles.includes('admin'));
  const data = cert.data;

  return (
    <>
      <PageHeader title={t('certification.page.title')} subtitle={t('certification.page.subtitle')} />
      {payout.data ? (
        <Alert
          data-testid="payout-gate"
          data-allowed={String(payout.data.allowed)}
          type={payout.data.allowed ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={
            payout.data.allowed
              ? t('certification.page.payoutAllowed')
              : t('certification.page.payoutBlocked')
          }
          description={payout.data.allowed ? undefined : payout.data.message}
        />
      ) : null}
      <QueryState isLoading={cert.isLoading} error={cert.error} onRetry={() => cert.refetch()} rows={8}>
        {data ? (
          <Flex vertical gap={16}>
            <StageCard view={data.qualification} canEdit={canEdit} />
            <StageCard
              view={data.business}
              canEdit={canEdit}
              blockedReason={
                data.qualification.status === 'approved'
                  ? undefined
                  : t('certification.page.needsQualification')
              }
            />
          </Flex>
        ) : null}
      </QueryState>
    </>
  );
}
