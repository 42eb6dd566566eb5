import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EndpointWithSecret } from './events-api.ts';

/** The one time an endpoint's signing secret is shown: after creation or rotation. */
export function EndpointSecretModal({
  shown,
  onClose,
}: {
  shown: EndpointWithSecret | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Modal
      open
      title={t('events.webhooks.secretTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="webhook-secret-saved">
          {t('events.webhooks.saved')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        message={t('events.webhooks.secretWarning')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('events.webhooks.field.url')}>{shown.url}</Descriptions.Item>
        <Descriptions.Item label={t('events.webhooks.secret')}>
          <Typography.Text
            code
            data-testid="webhook-secret"
            style={{ wordBreak: 'break-all' }}
            copyable={{ text: shown.secret, tooltips: [t('events.copy'), t('events.copied')] }}
          >
            {shown.secret}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Modal>
  );
}
