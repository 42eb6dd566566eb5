import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { useMe } from '../api/session.ts';
import { Brand } from '../components/brand.tsx';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { LinkButton } from '../components/link-button.tsx';
import { useDocumentTitle } from '../lib/use-document-title.ts';

/** The visitor-facing frame: home, programs, sign-in and registration. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { data: me } = useMe();
  const selected = pathname.startsWith('/programs') ? 'programs' : pathname === '/' ? 'home' : '';
  const home = me ? (me.userType === 'operator' ? '/console' : '/dashboard') : null;
  useDocumentTitle(selected === 'programs' ? t('public.programs') : undefined);

  return (
    // Plain elements, not antd's Layout: it brings Sider along into the sign-in page's first load.
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', background: '#fff' }}>
      <header className="pc-header">
        <Brand title={t('app.name')} to="/" />
        {/* Two links drawn like a horizontal menu (antd's Menu is too heavy for the sign-in page). */}
        <nav className="pc-public-nav">
          <Link to="/" aria-current={selected === 'home' ? 'page' : undefined}>
            {t('public.home')}
          </Link>
          <Link
            to="/programs"
            data-testid="nav-programs"
            aria-current={selected === 'programs' ? 'page' : undefined}
          >
            {t('public.programs')}
          </Link>
        </nav>
        <Flex align="center" gap={8}>
          <LanguageSwitch />
          {home ? (
            <LinkButton to={home} type="primary" data-testid="go-to-portal">
              {me?.userType === 'operator' ? t('public.console') : t('public.goToPortal')}
            </LinkButton>
          ) : (
            <>
              <LinkButton to="/sign-in" type="text" data-testid="header-sign-in">
                {t('public.signIn')}
              </LinkButton>
              <LinkButton to="/sign-up" type="primary" data-testid="header-sign-up">
                {t('public.register')}
              </LinkButton>
            </>
          )}
        </Flex>
      </header>
      <main style={{ flex: 'auto', background: '#f5f7fa' }}>
        <Outlet />
      </main>
      <footer className="pc-footer">
        {t('app.copyright', { year: new Date().getFullYear() })} ·{' '}
        <Link to="/console" style={{ color: 'inherit' }}>
          {t('public.console')}
        </Link>
      </footer>
    </div>
  );
}
