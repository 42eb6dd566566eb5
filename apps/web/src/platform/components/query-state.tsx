import { Button, Flex, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toShownError } from '../lib/form-errors.ts';
import { StatusBlock } from './status-block.tsx';

interface Props {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
  children: ReactNode;
  rows?: number;
  /** The page is only this content: an error's title is the page's h1. */
  heading?: boolean;
}

/** Loading skeleton, or the server's error with a retry, or the content. */
export function QueryState({ isLoading, error, onRetry, children, rows = 4, heading }: Props) {
  const { t } = useTranslation();
  if (isLoading) return <Skeleton active paragraph={{ rows }} />;
  if (error) {
    const shown = toShownError(error, t('common.loadFailed'));
    return (
      <StatusBlock
        status="warning"
        heading={heading}
        title={shown.message}
        subTitle={shown.requestId ? t('common.requestId', { id: shown.requestId }) : undefined}
        extra={
          onRetry ? (
            <Flex justify="center">
              <Button onClick={onRetry}>{t('common.retry')}</Button>
            </Flex>
          ) : undefined
        }
      />
    );
  }
  return <>{children}</>;
}
