import { LogoutOutlined, MailOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignOut } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { LazyDropdown } from './lazy-overlay.tsx';

interface Props {
  me: Me;
  profilePath?: string;
  messagesPath: string;
  signedOutPath: string;
  dark?: boolean;
}

/** The signed-in user's name with profile, messages and sign-out. */
export function UserMenu({ me, profilePath, messagesPath, signedOutPath, dark }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const items = [
    ...(profilePath ? [{ key: 'profile', icon: <UserOutlined />, label: t('nav.profile') }] : []),
    { key: 'messages', icon: <MailOutlined />, label: t('nav.messages') },
    { type: 'divider' as const },
    {
      key: 'sign-out',
      icon: <LogoutOutlined />,
      label: <span data-testid="sign-out">{t('nav.signOut')}</span>,
    },
  ];
  const onClick = async ({ key }: { key: string }) => {
    if (key === 'profile' && profilePath) navigate(profilePath);
    if (key === 'messages') navigate(messagesPath);
    if (key === 'sign-out') {
      await signOut.mutateAsync().catch(() => undefined);
      navigate(signedOutPath, { replace: true });
    }
  };
  return (
    <LazyDropdown trigger={['click']} menu={{ items, onClick }} placement="bottomRight">
      <Button type="text" data-testid="user-menu" style={{ height: 48, padding: '0 8px' }}>
        <Flex align="center" gap={8}>
          <Avatar size="small" style={{ background: '#1677ff' }}>
            {me.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <Flex vertical align="flex-start" style={{ lineHeight: 1.2 }} className="pc-narrow-hide">
            <Typography.Text style={{ color: dark ? '#fff' : undefined, maxWidth: 160 }} ellipsis>
              {me.name}
            </Typography.Text>
            {me.partner ? (
              <Typography.Text type="secondary" style={{ fontSize: 12, maxWidth: 160 }} ellipsis>
                {me.partner.name}
              </Typography.Text>
            ) : null}
          </Flex>
        </Flex>
      </Button>
    </LazyDropdown>
  );
}
