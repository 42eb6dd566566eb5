import { GlobalOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, send } from '../api/client.ts';
import { meKey, useMe } from '../api/session.ts';
import i18next, { LANGUAGES, type Language, parseLanguage, rememberLanguage } from '../i18n/index.ts';
import { useFeedback } from './feedback.tsx';
import { LazyDropdown } from './lazy-overlay.tsx';

/** Switches the UI language; a signed-in user's choice is saved to their account too. */
export function LanguageSwitch({ dark }: { dark?: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const current = parseLanguage(i18next.language) ?? 'zh-CN';

  const choose = async (lang: Language) => {
    if (lang === current) return;
    rememberLanguage(lang);
    await i18next.changeLanguage(lang);
    // Cached server text (programs, messages) is in the old language.
    await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    if (!me) return;
    try {
      const updated = await send(() => api.PATCH('/api/me/preferences', { body: { locale: lang } }));
      qc.setQueryData(meKey, updated);
    } catch (err) {
      message.error(err instanceof Error ? err.message : t('common.networkError'));
    }
  };

  return (
    <LazyDropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [current],
        items: LANGUAGES.map((lang) => ({
          key: lang,
          label: <span data-testid={`lang-option-${lang}`}>{t(`lang.${lang}`)}</span>,
        })),
        onClick: ({ key }) => void choose(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={`${t('lang.label')}: ${t(`lang.${current}`)}`}
        style={dark ? { color: 'rgba(255,255,255,0.85)' } : undefined}
      >
        <span className="pc-narrow-hide">{t(`lang.${current}`)}</span>
      </Button>
    </LazyDropdown>
  );
}
