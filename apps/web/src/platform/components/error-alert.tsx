import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShownError } from '../lib/form-errors.ts';

/** A server error as the user should see it: the translated message, and the request id for support. */
export function ErrorAlert({ error, testId }: { error: ShownError | null; testId?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={error.message}
      description={
        error.requestId ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('common.requestId', { id: error.requestId })}
          </Typography.Text>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
