import { Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe, useSignOut } from '../../platform/api/session.ts';
import { Brand } from '../../platform/components/brand.tsx';
import { LanguageSwitch } from '../../platform/components/language-switch.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { consoleNext } from '../../platform/lib/next-path.ts';
import { SignInForm } from './sign-in-form.tsx';

/** Operators sign in with the same API as partners; anyone else is refused and signed out again. */
export function ConsoleSignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const [refusal, setRefusal] = useState<string | null>(null);
  const next = consoleNext(params.get('next'));

  if (me?.userType === 'operator') return <Navigate to={next} replace />;

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #001529 0%, #0b3d91 100%)' }}>
      <div className="pc-header" style={{ background: 'transparent', borderBottom: 'none' }}>
        <Brand title={t('app.console')} to="/console" dark />
        <div className="pc-header-spacer" />
        <LanguageSwitch dark />
      </div>
      <div className="pc-auth" style={{ paddingTop: 72 }}>
        <Card className="pc-auth-card">
          <PageTitle style={{ marginTop: 0 }}>{t('console.signInTitle')}</PageTitle>
          <Typography.Paragraph type="secondary">{t('console.signInSubtitle')}</Typography.Paragraph>
          <SignInForm
            refusal={refusal}
            onSubmit={() => setRefusal(null)}
            onSecondFactor={(step) => navigate('/console/sign-in/verify', { state: { ...step, next } })}
            onSignedIn={async (user) => {
              if (user.userType === 'operator') {
                setRefusal(null);
                navigate(next, { replace: true });
                return;
              }
              await signOut.mutateAsync().catch(() => undefined);
              setRefusal(t('console.notOperator'));
            }}
          />
          <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
            <Link to="/sign-in">{t('console.toPortal')}</Link>
          </Typography.Paragraph>
        </Card>
      </div>
    </div>
  );
}
