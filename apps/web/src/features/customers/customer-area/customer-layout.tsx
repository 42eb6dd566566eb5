import { Button, Flex, Layout, Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { useMe, useSignOut } from '../../../platform/api/session.ts';
import { Brand } from '../../../platform/components/brand.tsx';
import { FullPageSpin } from '../../../platform/components/full-page-spin.tsx';
import { LanguageSwitch } from '../../../platform/components/language-switch.tsx';
import { matchEntry, useCustomerMenu, useLabel } from '../../../platform/feature.ts';
import { useDocumentTitle } from '../../../platform/lib/use-document-title.ts';

/** The customer's own area (R6): signed-in customer users only, with the features' customer menu. */
export function CustomerLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const me = useMe();
  const signOut = useSignOut();
  const label = useLabel();
  const entries = useCustomerMenu();
  const current = matchEntry(entries, pathname, '/customer');
  useDocumentTitle(current ? label(current) : t('customers.area.title'));
  if (me.isLoading) return <FullPageSpin />;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (me.data.userType === 'operator') return <Navigate to="/console" replace />;
  if (me.data.userType !== 'customer') return <Navigate to="/dashboard" replace />;
  const items = entries
    .filter((e) => !e.hidden && (!e.visible || e.visible(me.data!)))
    .map((e) => ({
      key: e.key,
      icon: e.icon ? <e.icon /> : undefined,
      label: (
        <Link to={e.path} data-testid={`customer-nav-${e.key}`}>
          {label(e)}
        </Link>
      ),
    }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="pc-header">
        <Brand title={t('app.name')} to="/customer" />
        <Flex align="center" gap={8} style={{ marginLeft: 'auto' }}>
          <LanguageSwitch />
          <span>{me.data.name}</span>
          <Button
            type="text"
            data-testid="customer-sign-out"
            onClick={() =>
              signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) })
            }
          >
            {t('customers.area.signOut')}
          </Button>
        </Flex>
      </header>
      <nav style={{ background: '#fff', borderBottom: '1px solid rgba(5,5,5,0.06)' }}>
        <Menu
          mode="horizontal"
          selectedKeys={current ? [current.key] : []}
          items={items}
          style={{ maxWidth: 1080, margin: '0 auto', borderBottom: 'none' }}
          data-testid="customer-nav"
        />
      </nav>
      <Layout.Content style={{ background: '#f5f7fa', padding: 24 }}>
        <div style={{ maxWidth: 1080, margin: '0 auto' }}>
          <Outlet />
        </div>
      </Layout.Content>
    </Layout>
  );
}
