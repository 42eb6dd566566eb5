import { Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, send } from '../../platform/api/client.ts';
import { CodeInput } from '../../platform/components/code-input.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { LinkButton } from '../../platform/components/link-button.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { toShownError, useFormError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';
import { useCountdown } from '../../platform/lib/use-countdown.ts';
import { SignUpSteps } from './sign-up-steps.tsx';

const RESEND_WAIT_MS = 60_000;

/** Step two of registration: the 6-digit code sent to the administrator's email. */
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [params] = useSearchParams();
  const knownEmail = params.get('email') ?? '';
  const [form] = Form.useForm<{ email: string; code: string }>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  // The code was just sent when we arrive from the sign-up form.
  const [resendAt, setResendAt] = useState(() => (knownEmail ? Date.now() + RESEND_WAIT_MS : 0));
  const wait = useCountdown(resendAt);
  const { error, onError, clear } = useFormError(form, {
    'identity.code_invalid': 'code',
    'identity.code_expired': 'code',
  });
  const rules = rulesFor(t);
  const email = Form.useWatch('email', form) ?? knownEmail;

  const submit = async (v: { email: string; code: string }) => {
    setBusy(true);
    clear();
    try {
      await send(() =>
        api.POST('/api/auth/confirm-email', { body: { email: v.email.trim(), code: v.code } }),
      );
      setDone(true);
    } catch (err) {
      onError(err, t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  const resend = async () => {
    const target = (form.getFieldValue('email') as string | undefined)?.trim();
    if (!target) {
      await form.validateFields(['email']);
      return;
    }
    try {
      await send(() => api.POST('/api/auth/resend-code', { body: { email: target } }));
      setResendAt(Date.now() + RESEND_WAIT_MS);
      message.success(t('confirm.resent'));
    } catch (err) {
      message.error(toShownError(err, t('common.networkError')).message);
    }
  };

  if (done) {
    return (
      <div className="pc-auth">
        <Card className="pc-auth-card pc-auth-card-wide">
          <SignUpSteps current={2} />
          <Result
            status="success"
            title={t('confirm.doneTitle')}
            subTitle={t('confirm.doneBody')}
            extra={
              <LinkButton
                to={`/sign-in?email=${encodeURIComponent(email)}`}
                type="primary"
                size="large"
                data-testid="confirm-done-sign-in"
              >
                {t('confirm.goSignIn')}
              </LinkButton>
            }
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="pc-auth">
      <Card className="pc-auth-card pc-auth-card-wide">
        <PageTitle style={{ marginTop: 0 }}>{t('confirm.title')}</PageTitle>
        <SignUpSteps current={1} />
        <Typography.Paragraph type="secondary" data-testid="confirm-sent-to">
          {knownEmail ? t('confirm.sentTo', { email: knownEmail }) : t('confirm.askEmail')}
        </Typography.Paragraph>
        <ErrorAlert error={error} testId="confirm-error" />
        <Form form={form} layout="vertical" onFinish={submit} initialValues={{ email: knownEmail, code: '' }}>
          <Form.Item
            name="email"
            label={t('confirm.email')}
            rules={[rules.required, rules.email]}
            hidden={Boolean(knownEmail)}
          >
            <Input autoComplete="email" data-testid="confirm-email" />
          </Form.Item>
          <Form.Item name="code" label={t('confirm.code')} rules={[rules.required, rules.code]}>
            <CodeInput size="large" data-testid="code-input" autoFocus />
          </Form.Item>
          <Flex gap={12} align="center">
            <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="confirm-submit">
              {t('confirm.submit')}
            </Button>
            <Button type="link" disabled={wait > 0} onClick={resend} data-testid="confirm-resend">
              {wait > 0 ? t('confirm.resendIn', { seconds: wait }) : t('confirm.resend')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </div>
  );
}
