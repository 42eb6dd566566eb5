import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { STATUS_COLORS, type StageStatus, useCertification } from './certification-api.ts';

/** The dashboard's certification card: where each stage stands and what to do next. */
export function CertificationCard() {
  const { t } = useTranslation();
  const cert = useCertification().data;
  const q = cert?.qualification.status ?? 'none';
  const b = cert?.business.status ?? 'none';
  const rejected = q === 'rejected' || b === 'rejected';
  const waiting = (s: StageStatus) => s === 'submitted' || s === 'under_review';
  let next = t('certification.card.nextQualification');
  if (q === 'approved' && b === 'approved') next = t('certification.card.done');
  else if (waiting(q) || (q === 'approved' && waiting(b))) next = t('certification.card.waiting');
  else if (rejected) next = t('certification.card.rejected');
  else if (q === 'approved') next = t('certification.card.nextBusiness');

  return (
    <Card
      title={t('certification.card.title')}
      style={{ height: '100%' }}
      data-testid="dashboard-certification"
    >
      <Flex vertical gap={12} align="flex-start">
        {(['qualification', 'business'] as const).map((stage) => {
          const status = stage === 'qualification' ? q : b;
          return (
            <Flex key={stage} gap={8} align="center" wrap>
              <Typography.Text>{t(`certification.stageShort.${stage}`)}</Typography.Text>
              <Tag
                icon={<SafetyCertificateOutlined />}
                color={STATUS_COLORS[status]}
                data-testid={`dashboard-cert-${stage}`}
                data-status={status}
              >
                {t(`certification.status.${status}`)}
              </Tag>
            </Flex>
          );
        })}
        <Typography.Text type="secondary">{next}</Typography.Text>
        {q === 'approved' && b === 'approved' ? null : (
          <LinkButton to="/partner-info/business" type="primary" ghost data-testid="dashboard-cert-action">
            {rejected ? t('certification.card.actionFix') : t('certification.card.action')}
          </LinkButton>
        )}
      </Flex>
    </Card>
  );
}
