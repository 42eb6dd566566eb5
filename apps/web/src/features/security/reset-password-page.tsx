import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, send } from '../../platform/api/client.ts';
import { CodeInput } from '../../platform/components/code-input.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';

interface Values {
  email: string;
  code: string;
  newPassword: string;
  confirmPassword: string;
}

/** The page the reset email links to (email and code filled in), or typed by hand. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [signInPath, setSignInPath] = useState<string | null>(null);
  const { error, onError } = useFormError(form, {
    'identity.weak_password': 'newPassword',
    'identity.code_invalid': 'code',
    'identity.code_expired': 'code',
  });
  const rules = rulesFor(t);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const out = await send(() =>
        api.POST('/api/auth/password-reset/confirm', {
          body: { email: v.email.trim(), code: v.code, newPassword: v.newPassword },
        }),
      );
      setSignInPath(out.signInPath);
    } catch (err) {
      onError(err, t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pc-auth">
      <Card className="pc-auth-card">
        <PageTitle style={{ marginTop: 0 }}>{t('security.reset.title')}</PageTitle>
        {signInPath ? (
          <>
            <Alert type="success" showIcon title={t('security.reset.done')} data-testid="reset-done" />
            <LinkButton
              to={signInPath}
              type="primary"
              block
              size="large"
              style={{ marginTop: 16 }}
              data-testid="reset-sign-in"
            >
              {t('security.reset.signIn')}
            </LinkButton>
          </>
        ) : (
          <>
            <Typography.Paragraph type="secondary">{t('security.reset.subtitle')}</Typography.Paragraph>
            <ErrorAlert error={error} testId="reset-error" />
            <Form
              form={form}
              layout="vertical"
              onFinish={submit}
              initialValues={{ email: params.get('email') ?? '', code: params.get('code') ?? '' }}
            >
              <Form.Item name="email" label={t('security.reset.email')} rules={[rules.required, rules.email]}>
                <Input autoComplete="username" size="large" data-testid="reset-email" />
              </Form.Item>
              <Form.Item name="code" label={t('security.reset.code')} rules={[rules.required]}>
                <CodeInput size="large" data-testid="reset-code" />
              </Form.Item>
              <Form.Item name="newPassword" label={t('security.reset.newPassword')} rules={[rules.required]}>
                <Input.Password autoComplete="new-password" size="large" data-testid="reset-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t('security.reset.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  rules.required,
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || value === getFieldValue('newPassword')
                        ? Promise.resolve()
                        : Promise.reject(new Error(t('security.reset.mismatch'))),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" size="large" data-testid="reset-password-again" />
              </Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                block
                size="large"
                loading={busy}
                data-testid="reset-submit"
              >
                {t('security.reset.submit')}
              </Button>
            </Form>
            <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
              <Link to={`/forgot-password?email=${encodeURIComponent(params.get('email') ?? '')}`}>
                {t('security.reset.newCode')}
              </Link>
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </div>
  );
}
