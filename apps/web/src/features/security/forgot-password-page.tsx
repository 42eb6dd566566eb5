import { MailOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, send } from '../../platform/api/client.ts';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { type ShownError, toShownError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';

/** "Forgot password": the same answer whether or not the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const rules = rulesFor(t);

  const submit = async (v: { email: string }) => {
    setBusy(true);
    setError(null);
    try {
      const email = v.email.trim();
      await send(() => api.POST('/api/auth/password-reset/request', { body: { email } }));
      setSentTo(email);
    } catch (err) {
      setError(toShownError(err, t('common.networkError')));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pc-auth">
      <Card className="pc-auth-card">
        <PageTitle style={{ marginTop: 0 }}>{t('security.forgot.title')}</PageTitle>
        <Typography.Paragraph type="secondary">{t('security.forgot.subtitle')}</Typography.Paragraph>
        <ErrorAlert error={error} testId="forgot-error" />
        {sentTo ? (
          <>
            <Alert
              type="success"
              showIcon
              title={t('security.forgot.sent', { email: sentTo })}
              data-testid="forgot-sent"
              style={{ marginBottom: 16 }}
            />
            <LinkButton
              to={`/reset-password?email=${encodeURIComponent(sentTo)}`}
              type="primary"
              block
              size="large"
              data-testid="forgot-have-code"
            >
              {t('security.forgot.haveCode')}
            </LinkButton>
          </>
        ) : (
          <Form layout="vertical" onFinish={submit} initialValues={{ email: params.get('email') ?? '' }}>
            <Form.Item name="email" label={t('security.forgot.email')} rules={[rules.required, rules.email]}>
              <Input
                prefix={<MailOutlined />}
                autoComplete="username"
                size="large"
                data-testid="forgot-email"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              size="large"
              loading={busy}
              data-testid="forgot-submit"
            >
              {t('security.forgot.submit')}
            </Button>
          </Form>
        )}
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          <Link to="/sign-in">{t('security.forgot.backToSignIn')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
