import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSLocale from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { FEATURES } from './features/index.ts';
import { ApiRequestError } from './platform/api/client.ts';
import { meKey } from './platform/api/session.ts';
import { FeaturesContext } from './platform/feature.ts';
import { router } from './router.tsx';

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

const theme = {
  token: {
    colorPrimary: '#1677ff',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

/** Providers: data, language, design system, routes. */
export function Root() {
  const { i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={zh ? zhCNLocale : enUSLocale} theme={theme}>
        <AntApp>
          <FeaturesContext value={FEATURES}>
            <RouterProvider router={router} />
          </FeaturesContext>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
