import { Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Brand } from '../../platform/components/brand.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { LanguageSwitch } from '../../platform/components/language-switch.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { PageResult } from '../../platform/components/page-result.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';
import { useAcceptOperatorInvitation, usePublicOperatorInvitation } from './operators-api.ts';

interface AcceptForm {
  name: string;
  password: string;
  confirmPassword: string;
}

/** The page the operator invitation email links to: set a name and password, join and sign in. */
export function AcceptOperatorInvitationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = usePublicOperatorInvitation(token);
  const accept = useAcceptOperatorInvitation();
  const [form] = Form.useForm<AcceptForm>();
  const { error, onError, clear } = useFormError(form, { 'identity.weak_password': 'password' });
  const rules = rulesFor(t);
  const toConsole = (
    <LinkButton to="/console/sign-in" type="primary" data-testid="accept-to-console">
      {t('operators.accept.toConsole')}
    </LinkButton>
  );

  const body = () => {
    if (token.length < 20) return <PageResult status="warning" title={t('operators.accept.missing')} />;
    const inv = invitation.data;
    if (!inv) return null;
    if (inv.status !== 'pending') {
      return (
        <PageResult
          status={inv.status === 'accepted' ? 'info' : 'warning'}
          data-testid="accept-closed"
          data-status={inv.status}
          title={t(`operators.accept.closed.${inv.status}`)}
          extra={toConsole}
        />
      );
    }
    return (
      <>
        <PageTitle style={{ marginTop: 0 }}>{t('operators.accept.title')}</PageTitle>
        <Typography.Paragraph>
          {t('operators.accept.invited', {
            email: inv.email,
            roles: inv.roles
              .map((r) => t(`roles.${r as 'admin'}`))
              .join(t('operators.accept.rolesSeparator')),
          })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('operators.accept.hint')}</Typography.Paragraph>
        <ErrorAlert error={error} testId="accept-error" />
        <Form<AcceptForm>
          form={form}
          layout="vertical"
          initialValues={{ name: inv.name ?? '' }}
          onFinish={(v) => {
            clear();
            accept.mutate(
              { token, name: v.name.trim(), password: v.password },
              {
                // Operators enrol an authenticator before their first session.
                onSuccess: ({ secondFactor }) =>
                  navigate('/console/sign-in/verify', {
                    replace: true,
                    state: { ...secondFactor, next: '/console' },
                  }),
                onError: (e) => onError(e, t('common.networkError')),
              },
            );
          }}
        >
          <Form.Item name="name" label={t('operators.field.name')} rules={[rules.required, rules.max(100)]}>
            <Input data-testid="accept-name" autoComplete="name" />
          </Form.Item>
          <Form.Item name="password" label={t('signUp.password')} rules={[rules.required, rules.password]}>
            <Input.Password data-testid="accept-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('signUp.confirmPassword')}
            dependencies={['password']}
            rules={[rules.required, rules.sameAs('password')]}
          >
            <Input.Password data-testid="accept-password-confirm" autoComplete="new-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={accept.isPending}
            data-testid="accept-submit"
          >
            {t('operators.accept.submit')}
          </Button>
        </Form>
      </>
    );
  };

  return (
    <div style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #001529 0%, #0b3d91 100%)' }}>
      <div className="pc-header" style={{ background: 'transparent', borderBottom: 'none' }}>
        <Brand title={t('app.console')} to="/console" dark />
        <div className="pc-header-spacer" />
        <LanguageSwitch dark />
      </div>
      <div className="pc-auth" style={{ paddingTop: 72 }}>
        <Card className="pc-auth-card">
          <QueryState
            heading
            isLoading={invitation.isLoading}
            error={invitation.error}
            onRetry={() => invitation.refetch()}
          >
            {body()}
          </QueryState>
        </Card>
      </div>
    </div>
  );
}
