import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiRequestError } from './platform/api/client.ts';
import { fetchMe, meKey } from './platform/api/session.ts';
import { FeedbackProvider } from './platform/components/feedback.tsx';
import { FeaturesContext } from './platform/feature.ts';
import { antdLocale } from './platform/i18n/antd-locale.ts';
import { parseLanguage } from './platform/i18n/index.ts';
import { FONT_FAMILY, theme } from './platform/theme.ts';
import { APP_FEATURES, AppRoutes } from './router.tsx';

/** A session that ended (expired, signed out elsewhere) sends the user back to sign-in via the layouts. */
function onApiError(err: unknown): void {
  if (err instanceof ApiRequestError && err.code === 'common.unauthenticated')
    queryClient.setQueryData(meKey, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Client errors (401, 403, 404) will not change on a retry.
      retry: (count, err) =>
        !(err instanceof ApiRequestError && err.status >= 400 && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Starts `GET /api/me` before the first render (every page asks for it; `useMe` then finds it). */
export function prefetchMe(): void {
  void queryClient.prefetchQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Providers: data, language, design system, routes. */
export function Root() {
  const { i18n } = useTranslation();
  const locale = antdLocale(parseLanguage(i18n.language) ?? 'zh-CN');
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={theme}>
        <FeedbackProvider>
          <div className="pc-app" style={{ fontFamily: FONT_FAMILY }}>
            <FeaturesContext value={APP_FEATURES}>
              <BrowserRouter>
                <AppRoutes />
              </BrowserRouter>
            </FeaturesContext>
          </div>
        </FeedbackProvider>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
