import {
  ApiOutlined,
  AppstoreOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  GiftOutlined,
  IdcardOutlined,
  PayCircleOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
} from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { Brand } from '../components/brand.tsx';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { MessageBell } from '../components/message-bell.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SiteBanner } from '../components/site-banner.tsx';
import { UserMenu } from '../components/user-menu.tsx';
import type { enUS } from '../i18n/en-US.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

function item(key: string, path: string, label: string, icon?: React.ReactNode) {
  return {
    key,
    icon,
    label: (
      <Link to={path} data-testid={`nav-${key}`}>
        {label}
      </Link>
    ),
  };
}

/** The key of the menu entry a path belongs to. */
function selectedKey(pathname: string): string {
  if (pathname.startsWith('/partner-info/basic')) return 'basic-info';
  if (pathname.startsWith('/partner-info/business')) return 'business-info';
  if (pathname.startsWith('/partner-info/certificate')) return 'certificate';
  if (pathname.startsWith('/developer/')) return `developer-${pathname.split('/')[2]}`;
  return pathname.split('/')[1] ?? 'dashboard';
}

const TITLES: Record<string, `nav.${keyof typeof enUS.nav}`> = {
  dashboard: 'nav.dashboard',
  'basic-info': 'nav.basicInfo',
  'business-info': 'nav.businessInfo',
  organization: 'nav.organization',
  customers: 'nav.customers',
  benefits: 'nav.benefits',
  billing: 'nav.billing',
  support: 'nav.support',
  developer: 'nav.developer',
  'developer-keys': 'nav.developer',
  'developer-sdk': 'nav.developer',
  'developer-webhooks': 'nav.developer',
  'developer-deliveries': 'nav.developer',
  'developer-integration': 'nav.developer',
  messages: 'nav.messages',
};

function pageTitle(key: string, t: TFunction): string | undefined {
  const k = TITLES[key];
  return k ? t(k) : undefined;
}

/** The signed-in partner portal: navigation of the seed, header with messages, language and account. */
export function PortalLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const me = useMe();
  const [openKeys, setOpenKeys] = useState<string[]>(['partner-info', 'developer']);
  useDocumentTitle(pageTitle(selectedKey(pathname), t));

  if (me.isLoading) return <FullPageSpin />;
  if (me.error) {
    return (
      <div style={{ padding: 48 }}>
        <QueryState isLoading={false} error={me.error} onRetry={() => me.refetch()}>
          {null}
        </QueryState>
      </div>
    );
  }
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (me.data.userType === 'operator') return <Navigate to="/console" replace />;
  if (me.data.userType === 'customer') return <Navigate to="/customer" replace />;

  const items: MenuProps['items'] = [
    item('dashboard', '/dashboard', t('nav.dashboard'), <DashboardOutlined />),
    {
      key: 'partner-info',
      icon: <IdcardOutlined />,
      label: <span data-testid="nav-partner-info">{t('nav.partnerInfo')}</span>,
      children: [
        item('basic-info', '/partner-info/basic', t('nav.basicInfo')),
        item('business-info', '/partner-info/business', t('nav.businessInfo')),
        item('certificate', '/partner-info/certificate', t('certificates.nav')),
      ],
    },
    item('memberships', '/memberships', t('memberships.nav'), <AppstoreOutlined />),
    item('organization', '/organization', t('nav.organization'), <UsergroupAddOutlined />),
    item('customers', '/customers', t('nav.customers'), <TeamOutlined />),
    item('benefits', '/benefits', t('nav.benefits'), <GiftOutlined />),
    item('billing', '/billing', t('nav.billing'), <PayCircleOutlined />),
    item('support', '/support', t('nav.support'), <CustomerServiceOutlined />),
    {
      key: 'developer',
      icon: <ApiOutlined />,
      label: <span data-testid="nav-developer">{t('nav.developer')}</span>,
      children: [
        item('developer-keys', '/developer/keys', t('developer.nav.keys')),
        item('developer-sdk', '/developer/sdk', t('developer.nav.sdk')),
        item('developer-webhooks', '/developer/webhooks', t('events.nav.webhooks')),
        item('developer-deliveries', '/developer/deliveries', t('events.nav.deliveries')),
        item('developer-integration', '/developer/integration', t('events.nav.integration')),
      ],
    },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="pc-header">
        <Brand title={t('app.name')} to="/dashboard" />
        <div className="pc-header-spacer" />
        <MessageBell to="/messages" />
        <LanguageSwitch />
        <UserMenu
          me={me.data}
          profilePath="/partner-info/basic/profile"
          messagesPath="/messages"
          signedOutPath="/sign-in"
        />
      </header>
      <SiteBanner />
      <Layout>
        <Layout.Sider
          width={224}
          theme="light"
          breakpoint="lg"
          collapsedWidth={64}
          style={{ borderRight: '1px solid rgba(5,5,5,0.06)' }}
        >
          <Menu
            mode="inline"
            selectedKeys={[selectedKey(pathname)]}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            items={items}
            style={{ borderInlineEnd: 'none', paddingTop: 8 }}
            data-testid="portal-nav"
          />
        </Layout.Sider>
        <Layout.Content className="pc-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
