import { ExportOutlined, LockOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../../platform/api/types.ts';
import { RoleTags } from '../../../platform/components/role-tags.tsx';
import { lazyComponent } from '../../../platform/feature.ts';
import { ContactChangeModal } from './contact-change-modal.tsx';
import { EditNameModal } from './edit-name-modal.tsx';
import { PasswordModal } from './password-modal.tsx';

const TimeZoneSetting = lazyComponent<typeof import('./time-zone-setting.tsx'), { me: Me }>(
  () => import('./time-zone-setting.tsx'),
  'TimeZoneSetting',
);

type Dialog = 'name' | 'password' | 'email' | 'phone' | null;

/** R8: a federated account is read-only here and links out; a local one is edited here (R9). */
export function ProfileSection({ me }: { me: Me }) {
  const { t, i18n } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const local = me.accountKind === 'local';
  const close = () => setDialog(null);
  const action = (key: Exclude<Dialog, null>, label: string) =>
    local ? (
      <Button type="link" size="small" onClick={() => setDialog(key)} data-testid={`profile-change-${key}`}>
        {label}
      </Button>
    ) : null;

  return (
    <Flex vertical gap={16}>
      {!local ? (
        <Alert
          type="info"
          showIcon
          data-testid="profile-federated"
          title={t('profile.federatedTitle')}
          description={t('profile.federatedBody')}
          action={
            me.federatedProfileUrl ? (
              <Button
                type="primary"
                href={me.federatedProfileUrl}
                target="_blank"
                rel="noopener noreferrer"
                icon={<ExportOutlined />}
                data-testid="profile-federated-link"
              >
                {t('profile.manage')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <Card title={t('profile.account')}>
        <Descriptions column={1} bordered size="middle" styles={{ label: { width: 200 } }}>
          <Descriptions.Item label={t('profile.name')}>
            <Flex justify="space-between" align="center" gap={8}>
              <span data-testid="profile-name">{me.name}</span>
              {action('name', t('profile.editName'))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('profile.email')}>
            <Flex justify="space-between" align="center" gap={8}>
              <span data-testid="profile-email">{me.email}</span>
              {action('email', t('profile.changeEmail'))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('profile.phone')}>
            <Flex justify="space-between" align="center" gap={8}>
              <span data-testid="profile-phone">
                {me.phone ?? <Typography.Text type="secondary">{t('profile.noPhone')}</Typography.Text>}
              </span>
              {action('phone', me.phone ? t('profile.changePhone') : t('profile.addPhone'))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('profile.accountKind')}>
            {t(`profile.kinds.${me.accountKind}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('profile.roles')}>
            <RoleTags roles={me.roles} />
          </Descriptions.Item>
          <Descriptions.Item label={i18n.language.startsWith('en') ? 'Time zone' : '时区'}>
            <Suspense fallback={null}>
              <TimeZoneSetting me={me} />
            </Suspense>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {local ? (
        <Card title={t('profile.security')}>
          <Flex justify="space-between" align="center" gap={16} wrap>
            <Flex gap={12} align="center">
              <LockOutlined style={{ fontSize: 20, color: '#1677ff' }} />
              <div>
                <Typography.Text strong>{t('profile.password')}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t('profile.passwordHint')}</Typography.Text>
              </div>
            </Flex>
            <Button onClick={() => setDialog('password')} data-testid="profile-change-password">
              {t('profile.changePassword')}
            </Button>
          </Flex>
        </Card>
      ) : null}
      {dialog === 'name' ? <EditNameModal me={me} onClose={close} /> : null}
      {dialog === 'password' ? <PasswordModal onClose={close} /> : null}
      {dialog === 'email' || dialog === 'phone' ? <ContactChangeModal kind={dialog} onClose={close} /> : null}
    </Flex>
  );
}
