import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../platform/api/session.ts';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { safeNext } from '../../platform/lib/next-path.ts';
import { SignInForm } from './sign-in-form.tsx';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const next = params.get('next');

  if (me)
    return <Navigate to={me.userType === 'operator' ? '/console' : safeNext(next, '/dashboard')} replace />;

  return (
    <div className="pc-auth">
      <Card className="pc-auth-card">
        <PageTitle style={{ marginTop: 0 }}>{t('signIn.title')}</PageTitle>
        <Typography.Paragraph type="secondary">{t('signIn.subtitle')}</Typography.Paragraph>
        <SignInForm
          initialEmail={params.get('email') ?? ''}
          onSignedIn={(user) =>
            navigate(user.userType === 'operator' ? '/console' : safeNext(next, '/dashboard'), {
              replace: true,
            })
          }
          onSecondFactor={(step) =>
            navigate('/sign-in/verify', { state: { ...step, next: safeNext(next, '/dashboard') } })
          }
          unverifiedAction={(email) => (
            <LinkButton
              to={`/sign-up/confirm?email=${encodeURIComponent(email)}`}
              size="small"
              type="primary"
              data-testid="signin-confirm-email"
            >
              {t('signIn.confirmNow')}
            </LinkButton>
          )}
        />
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.register')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
