import { Button, Flex, Form, QRCode, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CodeInput } from '../../platform/components/code-input.tsx';

interface Props {
  secret: string;
  uri: string;
  busy: boolean;
  onCode: (code: string) => void;
}

/** The QR code and secret of a new authenticator, and the field for its first code. */
export function TotpEnrol({ secret, uri, busy, onCode }: Props) {
  const { t } = useTranslation();
  return (
    <Form layout="vertical" onFinish={(v: { code: string }) => onCode(v.code)}>
      <Typography.Paragraph>{t('security.enrol.step1')}</Typography.Paragraph>
      <Flex gap={16} align="center" wrap>
        <QRCode value={uri} size={168} data-testid="enrol-qr" />
        <div>
          <Typography.Text type="secondary">{t('security.enrol.secret')}</Typography.Text>
          <Typography.Paragraph copyable code data-testid="enrol-secret" style={{ wordBreak: 'break-all' }}>
            {secret}
          </Typography.Paragraph>
        </div>
      </Flex>
      <Typography.Paragraph style={{ marginTop: 12 }}>{t('security.enrol.step2')}</Typography.Paragraph>
      <Form.Item
        name="code"
        rules={[{ required: true, pattern: /^\d{6}$/, message: t('security.verify.code') }]}
      >
        <CodeInput size="large" data-testid="enrol-code" autoFocus />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="enrol-submit">
        {t('security.enrol.submit')}
      </Button>
    </Form>
  );
}
