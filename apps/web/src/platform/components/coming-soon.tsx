import { Card, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import type { enUS } from '../i18n/en-US.ts';
import { LinkButton } from './link-button.tsx';
import { PageHeader } from './page-header.tsx';

type Feature = keyof typeof enUS.comingSoon.features;

/** A capability a later release builds: said plainly, with no made-up data. */
export function ComingSoon({ feature, title }: { feature: Feature; title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Empty
          data-testid="coming-soon"
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          styles={{ image: { height: 80 } }}
          description={
            <div style={{ maxWidth: 520, margin: '0 auto' }}>
              <Typography.Title level={4} style={{ marginTop: 8 }}>
                {t('comingSoon.title')}
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                {t('comingSoon.body', { feature: title })}
              </Typography.Paragraph>
              <Typography.Paragraph type="secondary">
                {t('comingSoon.scope', { scope: t(`comingSoon.features.${feature}`) })}
              </Typography.Paragraph>
            </div>
          }
        >
          <LinkButton to="/dashboard" type="primary">
            {t('comingSoon.back')}
          </LinkButton>
        </Empty>
      </Card>
    </>
  );
}
