import { Alert, Button, Card, Flex, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CodeInput } from '../../../platform/components/code-input.tsx';
import { ErrorAlert } from '../../../platform/components/error-alert.tsx';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { PageTitle } from '../../../platform/components/page-header.tsx';
import { currentLanguage } from '../../../platform/i18n/index.ts';
import { toShownError } from '../../../platform/lib/form-errors.ts';
import { useCountdown } from '../../../platform/lib/use-countdown.ts';
import {
  type CustomerSignUpBody,
  useCustomerSignUp,
  useInvitation,
  useSendSignUpCode,
} from './customer-api.ts';

interface Values {
  name: string;
  email: string;
  phone?: string;
  password: string;
  code: string;
  domainName?: string;
  customerType: 'individual' | 'enterprise';
}

const TYPE_PARAM: Record<string, 'referral' | 'resale'> = {
  '1': 'referral',
  '2': 'resale',
  referral: 'referral',
  resale: 'resale',
};

/**
 * Customer sign-up (R6), also the partner redirect of R18:
 * `/customer/sign-up?partner=<partner domain id>&xaccount_type=…&xaccount_id=…&association_type=1|2`,
 * and the invitation link's sign-up (`?invitation=<token>`).
 */
export function CustomerSignUpPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const partner = params.get('partner') ?? undefined;
  const invitationToken = params.get('invitation') ?? '';
  const invitation = useInvitation(invitationToken);
  const assocParam = params.get('association_type') ?? '';
  const assocType = TYPE_PARAM[assocParam] ?? 'referral';
  const [form] = Form.useForm<Values>();
  const sendCode = useSendSignUpCode();
  const signUp = useCustomerSignUp();
  const [resendAt, setResendAt] = useState(0);
  const wait = useCountdown(resendAt);

  const onSendCode = async () => {
    const email = await form.validateFields(['email']).then((v) => v.email);
    sendCode.mutate(
      { email, locale: currentLanguage() },
      {
        onSuccess: (r) => {
          setResendAt(Date.now() + (r.sent ? 60 : r.waitSeconds) * 1000);
          if (r.sent) message.success(t('customers.signUp.codeSent', { email }));
        },
      },
    );
  };

  const onFinish = (v: Values) => {
    const body: CustomerSignUpBody = {
      name: v.name,
      email: v.email,
      password: v.password,
      code: v.code,
      customerType: v.customerType,
      locale: currentLanguage(),
      ...(v.phone ? { phone: v.phone } : {}),
      ...(v.domainName ? { domainName: v.domainName } : {}),
      ...(partner
        ? {
            partner,
            ...(params.get('xaccount_type') ? { xaccountType: params.get('xaccount_type') ?? '' } : {}),
            ...(params.get('xaccount_id') ? { xaccountId: params.get('xaccount_id') ?? '' } : {}),
            associationType: assocType,
          }
        : {}),
      ...(invitationToken && !partner ? { invitationToken } : {}),
    };
    signUp.mutate(body, { onSuccess: () => navigate('/customer', { replace: true }) });
  };

  const error = signUp.error ?? sendCode.error;
  return (
    <div className="pc-auth">
      <Card className="pc-auth-card" style={{ maxWidth: 520 }}>
        <PageTitle style={{ marginTop: 0 }}>
          {invitation.data
            ? t('customers.signUp.partnerTitle', { name: invitation.data.partnerName })
            : t('customers.signUp.title')}
        </PageTitle>
        {partner ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="customer-signup-redirect"
            title={t('customers.signUp.redirect', { type: t(`customers.type.${assocType}`) })}
            description={partner}
          />
        ) : null}
        {invitation.data && !partner ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('customers.signUp.invitation', {
              name: invitation.data.partnerName,
              type: t(`customers.type.${invitation.data.type}`),
            })}
          />
        ) : null}
        <ErrorAlert
          error={error ? toShownError(error, t('common.loadFailed')) : null}
          testId="customer-signup-error"
        />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ customerType: 'individual' }}
          onFinish={onFinish}
          style={{ marginTop: 12 }}
        >
          <Form.Item name="customerType" label={t('customers.signUp.customerType')}>
            <Radio.Group
              options={[
                { value: 'individual', label: t('customers.signUp.individual') },
                { value: 'enterprise', label: t('customers.signUp.enterprise') },
              ]}
            />
          </Form.Item>
          <Form.Item name="name" label={t('customers.signUp.name')} rules={[{ required: true, max: 64 }]}>
            <Input data-testid="customer-signup-name" />
          </Form.Item>
          <Form.Item
            name="email"
            label={t('customers.signUp.email')}
            rules={[{ required: true, type: 'email' }]}
          >
            <Input data-testid="customer-signup-email" autoComplete="email" />
          </Form.Item>
          <Form.Item label={t('customers.signUp.code')} required>
            <Flex gap={8}>
              <Form.Item name="code" noStyle rules={[{ required: true, pattern: /^\d{6}$/ }]}>
                <CodeInput data-testid="customer-signup-code" style={{ flex: 1 }} />
              </Form.Item>
              <Button
                onClick={onSendCode}
                disabled={wait > 0}
                loading={sendCode.isPending}
                data-testid="customer-signup-send"
              >
                {wait > 0 ? t('customers.signUp.resendIn', { s: wait }) : t('customers.signUp.sendCode')}
              </Button>
            </Flex>
          </Form.Item>
          <Form.Item
            name="password"
            label={t('customers.signUp.password')}
            extra={t('customers.signUp.passwordHint')}
            rules={[{ required: true, min: 8, max: 128 }]}
          >
            <Input.Password data-testid="customer-signup-password" autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="phone" label={t('customers.signUp.phone')}>
            <Input data-testid="customer-signup-phone" autoComplete="tel" />
          </Form.Item>
          <Form.Item
            name="domainName"
            label={t('customers.signUp.domainName')}
            extra={t('customers.signUp.domainNameHint')}
            rules={[{ pattern: /^[a-zA-Z_-][a-zA-Z0-9_-]{4,31}$/ }]}
          >
            <Input data-testid="customer-signup-domain" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            block
            loading={signUp.isPending}
            data-testid="customer-signup-submit"
          >
            {t('customers.signUp.submit')}
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: 'center' }}>
          {t('customers.signUp.haveAccount')}{' '}
          <Link to="/sign-in?next=/customer">{t('customers.signUp.signIn')}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
