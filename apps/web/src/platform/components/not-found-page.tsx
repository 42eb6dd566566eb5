import { useTranslation } from 'react-i18next';
import { LinkButton } from './link-button.tsx';
import { PageResult } from './page-result.tsx';

/** Loaded on demand: Result carries the status illustrations, too heavy for the first load. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <PageResult
      status="404"
      title={t('errors.notFoundTitle')}
      subTitle={t('errors.notFoundBody')}
      extra={
        <LinkButton to="/" type="primary">
          {t('errors.goHome')}
        </LinkButton>
      }
    />
  );
}
