import { Card, Descriptions, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { ProfileSection } from './profile/profile-section.tsx';

/** Partner info > Basic info: the company, and the signed-in person's profile (R8, R9). */
export function BasicInfoPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useMe().data;
  if (!me) return null;
  const tab = pathname.endsWith('/profile') ? 'profile' : 'company';

  return (
    <>
      <PageHeader title={t('basicInfo.title')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate(k === 'profile' ? '/partner-info/basic/profile' : '/partner-info/basic')}
        items={[
          {
            key: 'company',
            label: <span data-testid="tab-company">{t('basicInfo.company')}</span>,
            children: (
              <Card>
                <Descriptions column={{ xs: 1, md: 2 }} bordered size="middle">
                  <Descriptions.Item label={t('basicInfo.partnerName')}>
                    {me.partner?.name ?? t('common.none')}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('basicInfo.domainId')}>
                    <Typography.Text copyable={Boolean(me.partner)}>
                      {me.partner?.domainId ?? t('common.none')}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('basicInfo.partnerId')}>
                    <Typography.Text copyable={Boolean(me.partner)}>
                      {me.partner?.id ?? t('common.none')}
                    </Typography.Text>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('basicInfo.site')}>
                    {t(`basicInfo.sites.${me.site}`)}
                  </Descriptions.Item>
                </Descriptions>
              </Card>
            ),
          },
          {
            key: 'profile',
            label: <span data-testid="tab-profile">{t('basicInfo.profile')}</span>,
            children: <ProfileSection me={me} />,
          },
        ]}
      />
    </>
  );
}
