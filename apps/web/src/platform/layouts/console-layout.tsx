import { Button, Layout, Menu, type MenuProps, Result } from 'antd';
import { lazy, Suspense } from 'react';
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
import { matchEntry, useConsoleMenu, useLabel } from '../feature.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

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

// The work-queue bell polls the server; it comes in its own chunk after the frame has drawn.
const WorkQueueBell = lazy(() =>
  import('../components/work-queue-bell.tsx').then((m) => ({ default: m.WorkQueueBell })),
);

/** The operator console frame: its own navigation, for operators only. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const me = useMe();
  const label = useLabel();
  const entries = useConsoleMenu();
  const current = matchEntry(entries, pathname, '/console');
  useDocumentTitle(current ? label(current) : undefined);

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

  const items: MenuProps['items'] = entries
    .filter((e) => !e.hidden && (!e.visible || e.visible(me.data!)))
    .sort((a, b) => a.order - b.order)
    .map((e) => ({
      key: e.key,
      icon: e.icon ? <e.icon /> : undefined,
      label: (
        <Link to={e.path} data-testid={`console-nav-${e.key}`}>
          {label(e)}
        </Link>
      ),
    }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={224} breakpoint="lg" collapsedWidth={64}>
        <div
          style={{ height: 64, display: 'flex', alignItems: 'center', padding: '0 20px', overflow: 'hidden' }}
        >
          <Brand title={t('app.console')} to="/console" dark />
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          items={items}
          data-testid="console-nav"
        />
      </Layout.Sider>
      <Layout>
        <header className="pc-header">
          <div className="pc-header-spacer" />
          <Suspense fallback={null}>
            <WorkQueueBell />
          </Suspense>
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
