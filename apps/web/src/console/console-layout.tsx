import {
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  DollarOutlined,
  IdcardOutlined,
  MailOutlined,
  SafetyCertificateOutlined,
  SendOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../api/session.ts';
import { Brand } from '../components/brand.tsx';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { LinkButton } from '../components/link-button.tsx';
import { MessageBell } from '../components/message-bell.tsx';
import { QueryState } from '../components/query-state.tsx';
import { UserMenu } from '../components/user-menu.tsx';
import type { enUS } from '../i18n/en-US.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { canSeeCertificateReviews } from './certificates/roles.ts';
import { canSeeOutbox, canSeeTickets } from './roles.ts';

type Section = keyof typeof enUS.console.nav;
const SECTIONS: readonly string[] = [
  'dashboard',
  'registrations',
  'audit',
  'outbox',
  'messages',
  'tickets',
  'holidays',
];

function NotOperator() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title={t('console.signInTitle')}
      subTitle={t('console.notOperator')}
      extra={[
        <LinkButton key="portal" to="/dashboard" type="primary">
          {t('console.toPortal')}
        </LinkButton>,
        <Button
          key="out"
          onClick={async () => {
            await signOut.mutateAsync().catch(() => undefined);
            navigate('/console/sign-in', { replace: true });
          }}
        >
          {t('nav.signOut')}
        </Button>,
      ]}
    />
  );
}

/** The operator console frame: its own navigation, for operators only. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const me = useMe();
  const section = pathname.split('/')[2] || 'dashboard';
  useDocumentTitle(
    SECTIONS.includes(section) ? t(`console.nav.${section as Section}`) : undefined,
    t('app.console'),
  );

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
  if (!me.data)
    return <Navigate to={`/console/sign-in?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (me.data.userType !== 'operator') return <NotOperator />;

  const entry = (key: string, path: string, label: string, icon: React.ReactNode) => ({
    key,
    icon,
    label: (
      <Link to={path} data-testid={`console-nav-${key}`}>
        {label}
      </Link>
    ),
  });
  const items: MenuProps['items'] = [
    entry('dashboard', '/console', t('console.nav.dashboard'), <DashboardOutlined />),
    entry('registrations', '/console/registrations', t('console.nav.registrations'), <ShopOutlined />),
    entry('customers', '/console/customers', t('customers.nav'), <TeamOutlined />),
    entry('certifications', '/console/certifications', t('certification.console.nav'), <IdcardOutlined />),
    ...(me.data.roles.some((r) => ['admin', 'reviewer', 'ecosystem_manager'].includes(r))
      ? [entry('memberships', '/console/memberships', t('memberships.consoleNav'), <AppstoreOutlined />)]
      : []),
    ...(me.data.roles.some((r) => ['admin', 'finance'].includes(r))
      ? [entry('spend', '/console/spend', t('spend.nav'), <DollarOutlined />)]
      : []),
    entry('audit', '/console/audit', t('console.nav.audit'), <AuditOutlined />),
    ...(canSeeOutbox(me.data)
      ? [entry('outbox', '/console/outbox', t('console.nav.outbox'), <SendOutlined />)]
      : []),
    ...(canSeeTickets(me.data)
      ? [entry('tickets', '/console/tickets', t('console.nav.tickets'), <CustomerServiceOutlined />)]
      : []),
    ...(canSeeCertificateReviews(me.data)
      ? [
          entry(
            'certificate-reviews',
            '/console/certificate-reviews',
            t('certificates.console.nav'),
            <SafetyCertificateOutlined />,
          ),
        ]
      : []),
    entry('holidays', '/console/holidays', t('console.nav.holidays'), <CalendarOutlined />),
    entry('messages', '/console/messages', t('console.nav.messages'), <MailOutlined />),
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} breakpoint="lg" collapsedWidth={64}>
        <div
          style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px', overflow: 'hidden' }}
        >
          <Brand title={t('app.console')} to="/console" dark />
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={[section]} items={items} data-testid="console-nav" />
      </Layout.Sider>
      <Layout>
        <header className="pc-header">
          <div className="pc-header-spacer" />
          <MessageBell to="/console/messages" />
          <LanguageSwitch />
          <UserMenu me={me.data} messagesPath="/console/messages" signedOutPath="/console/sign-in" />
        </header>
        <Layout.Content className="pc-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
