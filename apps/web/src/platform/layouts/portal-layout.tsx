import { ApiOutlined, IdcardOutlined } from '@ant-design/icons';
import { Layout, Menu, type MenuProps } from 'antd';
import type { ParseKeys } from 'i18next';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { Brand } from '../components/brand.tsx';
import { FullPageSpin } from '../components/full-page-spin.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { MessageBell } from '../components/message-bell.tsx';
import { QueryState } from '../components/query-state.tsx';
import { SiteBanner, SuspendedBanner } from '../components/site-banner.tsx';
import { UserMenu } from '../components/user-menu.tsx';
import { type MenuEntry, matchEntry, type PortalMenuGroup, useLabel, usePortalMenu } from '../feature.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

function item(key: string, path: string, label: string, Icon?: ComponentType) {
  return {
    key,
    icon: Icon ? <Icon /> : undefined,
    label: (
      <Link to={path} data-testid={`nav-${key}`}>
        {label}
      </Link>
    ),
  };
}

/** The portal's sub-menus; features place entries in them (`group`). */
const GROUPS: Record<PortalMenuGroup, { labelKey: ParseKeys; icon: ComponentType; order: number }> = {
  'partner-info': { labelKey: 'nav.partnerInfo', icon: IdcardOutlined, order: 20 },
  developer: { labelKey: 'nav.developer', icon: ApiOutlined, order: 90 },
};

type Item = NonNullable<MenuProps['items']>[number] & { order: number };

/** The menu from the features' entries: top-level entries and groups, each by order. */
function menuItems(
  entries: MenuEntry[],
  text: (e: MenuEntry) => string,
  t: (key: ParseKeys) => string,
): MenuProps['items'] {
  const shown = entries.filter((e) => !e.hidden).sort((a, b) => a.order - b.order);
  const top: Item[] = shown
    .filter((e) => !e.group)
    .map((e) => ({ ...item(e.key, e.path, text(e), e.icon), order: e.order }));
  for (const [key, g] of Object.entries(GROUPS)) {
    const children = shown.filter((e) => e.group === key).map((e) => item(e.key, e.path, text(e)));
    if (children.length === 0) continue;
    top.push({
      key,
      icon: <g.icon />,
      label: <span data-testid={`nav-${key}`}>{t(g.labelKey)}</span>,
      children,
      order: g.order,
    });
  }
  return top.sort((a, b) => a.order - b.order).map(({ order: _, ...rest }) => rest);
}

/** The signed-in partner portal: navigation of the seed, header with messages, language and account. */
export function PortalLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const me = useMe();
  const label = useLabel();
  const entries = usePortalMenu();
  const [openKeys, setOpenKeys] = useState<string[]>(Object.keys(GROUPS));
  const current = matchEntry(entries, pathname, '/');
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
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(pathname + search)}`} replace />;
  if (me.data.userType === 'operator') return <Navigate to="/console" replace />;
  if (me.data.userType === 'customer') return <Navigate to="/customer" replace />;

  const items = menuItems(
    entries.filter((e) => !e.visible || e.visible(me.data!)),
    label,
    (k) => t(k) as string,
  );

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
      <SuspendedBanner />
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
            selectedKeys={current ? [current.key] : []}
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
