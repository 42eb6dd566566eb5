import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The browser tab names the page, then the app, in the UI language. */
export function useDocumentTitle(page?: string, app?: string): void {
  const { t } = useTranslation();
  const name = app ?? t('app.name');
  useEffect(() => {
    document.title = page ? `${page} - ${name}` : name;
  }, [page, name]);
}
