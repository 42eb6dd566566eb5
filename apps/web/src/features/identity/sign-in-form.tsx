import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiRequestError } from '../../platform/api/client.ts';
import { useSignIn } from '../../platform/api/session.ts';
import type { Me } from '../../platform/api/types.ts';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { toShownError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';

interface Props {
  initialEmail?: string;
  /** Called with the signed-in user. */
  onSignedIn: (user: Me) => void | Promise<void>;
  /** The password was right and an authenticator code (or an operator's enrolment) comes next. */
  onSecondFactor: (step: SecondFactorStep) => void;
  /** Offered when the email is not confirmed yet. */
  unverifiedAction?: (email: string) => ReactNode;
  /** Shown above the form, e.g. why the console refused the account; cleared by `onSubmit`. */
  refusal?: string | null;
  onSubmit?: () => void;
}

/** Email and password sign-in, shared by the portal and the console. */
export interface SecondFactorStep {
  kind: 'totp' | 'enrol';
  ticket: string;
}

export function SignInForm({
  initialEmail,
  onSignedIn,
  onSecondFactor,
  unverifiedAction,
  refusal,
  onSubmit,
}: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ email: string; password: string }>();
  const signIn = useSignIn();
  const rules = rulesFor(t);
  const err = signIn.error;
  const unverified = err instanceof ApiRequestError && err.code === 'identity.email_not_verified';

  const submit = async (v: { email: string; password: string }) => {
    onSubmit?.();
    try {
      const { user, secondFactor } = await signIn.mutateAsync({
        email: v.email.trim(),
        password: v.password,
      });
      if (user) await onSignedIn(user);
      else if (secondFactor) onSecondFactor(secondFactor);
    } catch {
      // Shown from signIn.error below.
    }
  };

  return (
    <>
      {refusal ? (
        <Alert
          type="warning"
          showIcon
          title={refusal}
          data-testid="signin-error"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {err && unverified ? (
        <Alert
          type="warning"
          showIcon
          data-testid="signin-error"
          title={err.message}
          action={unverifiedAction?.(form.getFieldValue('email') ?? '')}
          style={{ marginBottom: 16 }}
        />
      ) : err ? (
        <ErrorAlert error={toShownError(err, t('common.networkError'))} testId="signin-error" />
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ email: initialEmail ?? '' }}>
        <Form.Item name="email" label={t('signIn.email')} rules={[rules.required, rules.email]}>
          <Input prefix={<MailOutlined />} autoComplete="username" size="large" data-testid="signin-email" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signIn.password')}
          rules={[rules.required]}
          extra={
            <Link to="/forgot-password" data-testid="signin-forgot">
              {t('signIn.forgot')}
            </Link>
          }
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            size="large"
            data-testid="signin-password"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={signIn.isPending}
          data-testid="signin-submit"
        >
          {t('signIn.submit')}
        </Button>
      </Form>
    </>
  );
}
