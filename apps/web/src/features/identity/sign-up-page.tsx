import { Button, Card, Divider, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, send } from '../../platform/api/client.ts';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { PageTitle } from '../../platform/components/page-header.tsx';
import { currentLanguage } from '../../platform/i18n/index.ts';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { rulesFor } from '../../platform/lib/rules.ts';
import { SignUpSteps } from './sign-up-steps.tsx';

interface Values {
  companyName: string;
  name: string;
  email: string;
  phone?: string;
  password: string;
  confirmPassword: string;
}

/** Self-service registration of a company and its administrator (R17). */
export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { error, onError, clear } = useFormError(form, {
    'identity.email_taken': 'email',
    'identity.contact_taken': 'phone',
    'identity.invalid_phone': 'phone',
    'identity.invalid_email': 'email',
    'identity.weak_password': 'password',
  });
  const rules = rulesFor(t);

  const submit = async (v: Values) => {
    setBusy(true);
    clear();
    try {
      const res = await send(() =>
        api.POST('/api/auth/sign-up', {
          body: {
            companyName: v.companyName.trim(),
            name: v.name.trim(),
            email: v.email.trim(),
            ...(v.phone?.trim() ? { phone: v.phone.trim() } : {}),
            password: v.password,
            locale: currentLanguage(),
          },
        }),
      );
      navigate(`/sign-up/confirm?email=${encodeURIComponent(res.email)}`);
    } catch (err) {
      onError(err, t('common.networkError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pc-auth">
      <Card className="pc-auth-card pc-auth-card-wide">
        <PageTitle style={{ marginTop: 0 }}>{t('signUp.title')}</PageTitle>
        <Typography.Paragraph type="secondary">{t('signUp.subtitle')}</Typography.Paragraph>
        <SignUpSteps current={0} />
        <ErrorAlert error={error} testId="signup-error" />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" disabled={busy}>
          <Divider titlePlacement="start" plain>
            {t('signUp.company')}
          </Divider>
          <Form.Item
            name="companyName"
            label={t('signUp.companyName')}
            rules={[rules.required, rules.max(128)]}
          >
            <Input placeholder={t('signUp.companyNamePlaceholder')} data-testid="signup-company-name" />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('signUp.admin')}
          </Divider>
          <Form.Item name="name" label={t('signUp.name')} rules={[rules.required, rules.max(64)]}>
            <Input autoComplete="name" data-testid="signup-name" />
          </Form.Item>
          <Form.Item name="email" label={t('signUp.email')} rules={[rules.required, rules.email]}>
            <Input autoComplete="email" data-testid="signup-email" />
          </Form.Item>
          <Form.Item name="phone" label={t('signUp.phone')} rules={[rules.phone]}>
            <Input autoComplete="tel" data-testid="signup-phone" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('signUp.password')}
            rules={[rules.required, rules.password]}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" data-testid="signup-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t('signUp.confirmPassword')}
            dependencies={['password']}
            rules={[rules.required, rules.sameAs('password')]}
            hasFeedback
          >
            <Input.Password autoComplete="new-password" data-testid="signup-confirm-password" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            size="large"
            loading={busy}
            data-testid="signup-submit"
          >
            {t('signUp.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('signUp.haveAccount')} <Link to="/sign-in">{t('public.signIn')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
