import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The app's name after a page's title: the frame provides it (the console's name in the console). */
export const AppTitleContext = createContext<string | undefined>(undefined);

/** Pages that named themselves (usePageTitle) and are still shown: their title wins over the frame's. */
let pageTitles = 0;

function appName(t: (key: 'app.name') => string, fromFrame: string | undefined, app?: string): string {
  return app ?? fromFrame ?? t('app.name');
}

/**
 * The frame's title: the menu entry's label while the page has not named itself (loading, a page
 * without a heading), then the page's own title (usePageTitle).
 */
export function useDocumentTitle(page?: string, app?: string): void {
  const { t } = useTranslation();
  const name = appName(t, useContext(AppTitleContext), app);
  useEffect(() => {
    if (pageTitles === 0) document.title = page ? `${page} - ${name}` : name;
  }, [page, name]);
}

/**
 * The page's own title, "<page> - <app>" in the UI language; PageHeader and AuthTitle call it with
 * their heading, so a page with an h1 names the browser tab after it.
 */
export function usePageTitle(page: string | undefined, app?: string): void {
  const { t } = useTranslation();
  const name = appName(t, useContext(AppTitleContext), app);
  useEffect(() => {
    if (!page) return;
    pageTitles += 1;
    document.title = `${page} - ${name}`;
    return () => {
      pageTitles -= 1;
    };
  }, [page, name]);
}
