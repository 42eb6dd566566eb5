import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../platform/lib/format.ts';
import type { ApiKeyWithSecret } from './developer-api.ts';

/** The one time the secret key is shown: after creation or rotation, with copy buttons. */
export function SecretModal({ created, onClose }: { created: ApiKeyWithSecret | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  if (!created) return null;
  const copyable = (text: string, testId: string) => (
    <Typography.Text
      code
      data-testid={testId}
      style={{ wordBreak: 'break-all' }}
      copyable={{ text, tooltips: [t('developer.keys.copy'), t('developer.keys.copied')] }}
    >
      {text}
    </Typography.Text>
  );
  return (
    <Modal
      open
      title={t('developer.keys.secretTitle')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      width={640}
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-saved">
          {t('developer.keys.saved')}
        </Button>
      }
      data-testid="secret-modal"
    >
      <Alert
        type="warning"
        showIcon
        message={t('developer.keys.secretWarning')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label={t('developer.keys.field.name')}>{created.name}</Descriptions.Item>
        <Descriptions.Item label={t('developer.keys.field.accessKey')}>
          {copyable(created.accessKey, 'secret-ak')}
        </Descriptions.Item>
        <Descriptions.Item label={t('developer.keys.secretKey')}>
          {copyable(created.secretKey, 'secret-sk')}
        </Descriptions.Item>
        <Descriptions.Item label={t('developer.keys.domainId')}>
          {copyable(created.partnerDomainId, 'secret-domain-id')}
        </Descriptions.Item>
      </Descriptions>
      {created.previousSecretValidUntil ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('developer.keys.secretRotated', {
            until: formatDateTime(created.previousSecretValidUntil, i18n.language),
          })}
        </Typography.Paragraph>
      ) : null}
    </Modal>
  );
}
