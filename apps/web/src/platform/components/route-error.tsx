import { Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBlock } from './status-block.tsx';

/**
 * Shown when a page throws or its code fails to load (e.g. after a redeploy). Part of the first load
 * and drawn without lazy parts, so it still shows when the other chunks cannot be fetched.
 */
export function RouteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  useEffect(() => console.error(error), [error]);
  return (
    <StatusBlock
      status="error"
      heading
      title={t('errors.crashTitle')}
      subTitle={t('errors.crashBody')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </Button>
      }
    />
  );
}
