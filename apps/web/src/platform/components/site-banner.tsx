import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api/client.ts';
import { meKey, useMe } from '../api/session.ts';
import type { Me } from '../api/types.ts';
import { useFeedback } from './feedback.tsx';

/** R1: an account registered on the other site is pointed there, until the user says not to. */
export function SiteBanner() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const banner = me?.siteBanner;
  if (!me || !banner?.show) return null;

  const dismiss = async () => {
    try {
      await send(() => api.POST('/api/me/site-banner/dismiss'));
      qc.setQueryData<Me | null>(meKey, (old) =>
        old ? { ...old, siteBanner: { ...banner, show: false } } : old,
      );
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('common.networkError'));
    }
  };

  return (
    <Alert
      banner
      type="info"
      data-testid="site-banner"
      title={
        <Flex align="center" gap={12} wrap>
          <span>{me.site === 'intl' ? t('banner.intl') : t('banner.cn')}</span>
          <a href={banner.url} target="_blank" rel="noopener noreferrer">
            {t('banner.visit')}
          </a>
        </Flex>
      }
      action={
        <Button size="small" type="text" onClick={dismiss} data-testid="site-banner-dismiss">
          {t('banner.dismiss')}
        </Button>
      }
    />
  );
}

/** A suspended partner's users see why, and what is refused, on every portal page. */
export function SuspendedBanner() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (me?.partner?.status !== 'suspended') return null;
  return (
    <Alert
      banner
      type="warning"
      role="alert"
      data-testid="suspended-banner"
      title={t('banner.suspended', { reason: me.partner.suspensionReason ?? '—' })}
    />
  );
}
