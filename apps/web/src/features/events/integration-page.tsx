import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Form, Input, Row, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../platform/api/session.ts';
import { AdminOnly } from '../../platform/components/admin-only.tsx';
import { ErrorAlert } from '../../platform/components/error-alert.tsx';
import { useFeedback } from '../../platform/components/feedback.tsx';
import { PageHeader } from '../../platform/components/page-header.tsx';
import { QueryState } from '../../platform/components/query-state.tsx';
import { useFormError } from '../../platform/lib/form-errors.ts';
import { formatDateTime } from '../../platform/lib/format.ts';
import { CodeTabs } from './code-tabs.tsx';
import { useIntegration, useSaveIntegration } from './events-api.ts';
import { BIND_JAVA, BIND_NODE } from './snippets.ts';

interface Values {
  xaccountType?: string;
  bindNotifyUrl?: string;
}

/** Developer > Integration (R18): xaccount_type, the bind notification URL and the platform certificate. */
export function IntegrationPage() {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const me = useMe();
  const isAdmin = me.data?.roles.includes('admin') ?? false;
  const current = useIntegration(isAdmin);
  const save = useSaveIntegration();
  const [form] = Form.useForm<Values>();
  const { error, onError, clear } = useFormError(form, { 'events.invalid_url': 'bindNotifyUrl' });
  const data = current.data;

  useEffect(() => {
    if (data)
      form.setFieldsValue({ xaccountType: data.xaccountType ?? '', bindNotifyUrl: data.bindNotifyUrl ?? '' });
  }, [data, form]);

  if (!isAdmin) {
    return (
      <AdminOnly
        title={t('events.integration.title')}
        subtitle={t('events.integration.subtitle')}
        message={t('events.adminOnly')}
        testId="integration-admin-only"
      />
    );
  }

  return (
    <>
      <PageHeader title={t('events.integration.title')} subtitle={t('events.integration.subtitle')} />
      <QueryState isLoading={current.isLoading} error={current.error} onRetry={() => current.refetch()}>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card title={t('events.integration.settings')}>
              <ErrorAlert error={error} testId="integration-error" />
              <Form
                form={form}
                layout="vertical"
                onFinish={(v) => {
                  clear();
                  save.mutate(
                    {
                      xaccountType: v.xaccountType?.trim() || null,
                      bindNotifyUrl: v.bindNotifyUrl?.trim() || null,
                    },
                    {
                      onSuccess: () => message.success(t('events.integration.saved')),
                      onError: (e) => onError(e, t('common.networkError')),
                    },
                  );
                }}
              >
                <Form.Item
                  name="xaccountType"
                  label={t('events.integration.field.xaccountType')}
                  extra={t('events.integration.xaccountTypeHelp')}
                >
                  <Input maxLength={64} data-testid="integration-xaccount-type" />
                </Form.Item>
                <Form.Item
                  name="bindNotifyUrl"
                  label={t('events.integration.field.bindNotifyUrl')}
                  extra={t('events.integration.bindNotifyUrlHelp')}
                >
                  <Input
                    placeholder="https://example.com/partner-center/bind"
                    maxLength={2000}
                    data-testid="integration-bind-url"
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  loading={save.isPending}
                  data-testid="integration-save"
                >
                  {t('events.integration.save')}
                </Button>
                {data?.updatedAt ? (
                  <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                    {t('events.integration.updatedAt', { at: formatDateTime(data.updatedAt, i18n.language) })}
                  </Typography.Text>
                ) : null}
              </Form>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('events.integration.certTitle')}>
              <Typography.Paragraph>{t('events.integration.certIntro')}</Typography.Paragraph>
              <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
                <Descriptions.Item label={t('events.integration.sigAlg')}>
                  <Typography.Text code copyable>
                    {data?.sigAlg}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="URL">
                  <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                    {data?.certificateUrl}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
              <Button
                icon={<DownloadOutlined />}
                href="/api/developer/platform-certificate"
                download="partner-center-platform.pem"
                data-testid="integration-cert-download"
              >
                {t('events.integration.download')}
              </Button>
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t('events.integration.formatTitle')}>
              <Typography.Paragraph>{t('events.integration.formatIntro')}</Typography.Paragraph>
              <ul>
                <li>
                  <Typography.Text code>bindRequest</Typography.Text>{' '}
                  {t('events.integration.formatBindRequest')}
                </li>
                <li>
                  <Typography.Text code>SigAlg</Typography.Text> {t('events.integration.formatSigAlg')}
                </li>
                <li>
                  <Typography.Text code>Signature</Typography.Text> {t('events.integration.formatSignature')}
                </li>
              </ul>
              <Typography.Paragraph>{t('events.integration.formatRetry')}</Typography.Paragraph>
              <Typography.Title level={5}>{t('events.integration.verifyTitle')}</Typography.Title>
              <CodeTabs
                samples={[
                  { key: 'java', label: 'Java', code: BIND_JAVA },
                  { key: 'node', label: 'Node.js', code: BIND_NODE },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </QueryState>
    </>
  );
}
