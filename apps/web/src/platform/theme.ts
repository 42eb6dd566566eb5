import type { ThemeConfig } from 'antd';

// The app's one design theme. Colours are picked for WCAG 2 AA contrast (4.5:1 for text) on white and
// on the light tints antd puts behind selected menu items, tags and alerts: antd's defaults (#1677ff,
// 45 % grey for secondary text, the "-7" shades of green/gold/orange… for tag text) are below it.
// Change colours here (and the tag rules of styles.css), never per page.
export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif";

// Text of coloured tags (<Tag color="green">): the "-7" shades that fail on their "-1" tint. antd 6 derives
// its palettes after these, so the tags themselves take the same values from styles.css (.ant-tag-*).
const TAG_TEXT = {
  green7: '#237804',
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
  cyan7: '#006d75',
};

export const theme: ThemeConfig = {
  token: {
    // blue-7: 6.2:1 for white text on primary buttons, 5.5:1 as selected-menu text on its tint.
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    // Secondary and hint texts: ≥ 4.5:1 on white and on the page background (#f5f7fa).
    colorTextDescription: 'rgba(0, 0, 0, 0.6)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    ...TAG_TEXT,
    borderRadius: 6,
    fontFamily: FONT_FAMILY,
  },
  components: {
    // The "no data" line of empty tables (antd: the disabled-text grey, 1.8:1).
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.6)' },
  },
};
