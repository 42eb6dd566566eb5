import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { PageResult } from '../../platform/components/page-result.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';
import { useAcceptInvitation, usePublicInvitation } from './organization-api.ts';
import { useRolesText } from './organization-parts.tsx';

interface AcceptForm {
  name: string;
  phone?: string;
  password: string;
  confirmPassword: string;
}

/** The page the invitation email links to: the invitee sets a name and password and joins. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const invitation = usePublicInvitation(token);
  const accept = useAcceptInvitation();
  const rolesText = useRolesText();
  const [form] = Form.useForm<AcceptForm>();
  const [doneEmail, setDoneEmail] = useState<string | null>(null);
  const { error, onError, clear } = useFormError(form, { 'identity.weak_password': 'password' });
  const rules = rulesFor(t);
  const signIn = (email: string) => (
    <LinkButton
      to={`/sign-in?email=${encodeURIComponent(email)}`}
      type="primary"
      data-testid="accept-sign-in"
    >
      {t('organization.accept.signIn')}
    </LinkButton>
  );

  const body = () => {
    if (token.length < 20) return <PageResult status="warning" title={t('organization.accept.missing')} />;
    const inv = invitation.data;
    if (!inv) return null;
    if (doneEmail) {
      return (
        <PageResult
          status="success"
          data-testid="accept-done"
          title={t('organization.accept.done', { email: doneEmail })}
          extra={signIn(doneEmail)}
        />
      );
    }
    if (inv.status !== 'pending') {
      return (
        <PageResult
          status={inv.status === 'accepted' ? 'info' : 'warning'}
          data-testid="accept-closed"
          data-status={inv.status}
          title={t(`organization.accept.closed.${inv.status}`)}
          extra={inv.status === 'accepted' ? signIn(inv.email) : undefined}
        />
      );
    }
    return (
      <>
        <PageTitle>{t('organization.accept.title', { partner: inv.partnerName })}</PageTitle>
        <Typography.Paragraph>
          {t('organization.accept.invited', { roles: rolesText(inv.roles), email: inv.email })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t('organization.accept.hint')}</Typography.Paragraph>
        <ErrorAlert error={error} testId="accept-error" />
        <Form<AcceptForm>
          form={form}
          layout="vertical"
          initialValues={{ name: inv.name ?? '' }}
          onFinish={(v) => {
            clear();
            accept.mutate(
              { token, name: v.name.trim(), password: v.password, phone: v.phone?.trim() || undefined },
              {
                onSuccess: (r) => setDoneEmail(r.email),
                onError: (e) => onError(e, t('common.networkError')),
              },
            );
          }}
        >
          <Form.Item name="name" label={t('signUp.name')} rules={[rules.required, rules.max(64)]}>
            <Input data-testid="accept-name" autoComplete="name" />
          </Form.Item>
          <Form.Item name="phone" label={t('signUp.phone')} rules={[rules.phone]}>
            <Input data-testid="accept-phone" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signUp.password')}
            extra={t('organization.accept.passwordHint')}
            rules={[rules.required, rules.password]}
          >
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
            {t('organization.accept.submit')}
          </Button>
        </Form>
      </>
    );
  };

  return (
    <div className="pc-auth">
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
  );
}
