import { useQueryClient } from '@tanstack/react-query';
import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, send } from '../../../platform/api/client.ts';
import { meKey } from '../../../platform/api/session.ts';
import type { Me } from '../../../platform/api/types.ts';
import { useFeedback } from '../../../platform/components/feedback.tsx';
import { DEFAULT_TIME_ZONE, formatDateTime, setDisplayTimeZone } from '../../../platform/lib/format.ts';

// Inline texts: this setting loads with the profile page only, not with the identity feature's
// texts (which the sign-in page loads first).
const TEXT = {
  'zh-CN': { label: '时区', default: '北京时间（Asia/Shanghai，默认）', saved: '时区已保存', now: '现在' },
  'en-US': {
    label: 'Time zone',
    default: 'China Standard Time (Asia/Shanghai, default)',
    saved: 'Time zone saved',
    now: 'Now',
  },
};

/** The profile's time-zone preference: every time in the app is shown in this zone. */
export function TimeZoneSetting({ me }: { me: Me }) {
  const { i18n } = useTranslation();
  const text = i18n.language.startsWith('en') ? TEXT['en-US'] : TEXT['zh-CN'];
  const qc = useQueryClient();
  const { message } = useFeedback();
  const [saving, setSaving] = useState(false);
  const zones = useMemo(
    () =>
      (Intl.supportedValuesOf?.('timeZone') ?? [])
        .filter((z) => z !== DEFAULT_TIME_ZONE)
        .map((z) => ({ value: z, label: z })),
    [],
  );
  const change = async (value: string) => {
    setSaving(true);
    try {
      const timeZone = value === DEFAULT_TIME_ZONE ? null : value;
      const updated = await send(() => api.PATCH('/api/me/preferences', { body: { timeZone } }));
      setDisplayTimeZone(updated.timeZone);
      qc.setQueryData(meKey, updated);
      // Redraw what is on screen in the new zone.
      await qc.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      message.success(text.saved);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };
  return (
    <div>
      <Select
        showSearch
        aria-label={text.label}
        style={{ width: 320, maxWidth: '100%' }}
        value={me.timeZone ?? DEFAULT_TIME_ZONE}
        loading={saving}
        onChange={change}
        options={[{ value: DEFAULT_TIME_ZONE, label: text.default }, ...zones]}
        data-testid="profile-time-zone"
      />
      <div style={{ marginTop: 4, color: 'rgba(0,0,0,0.6)', fontSize: 12 }}>
        {text.now}: {formatDateTime(new Date(), i18n.language, { seconds: false })}
      </div>
    </div>
  );
}
