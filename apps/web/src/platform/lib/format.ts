// The one place the web app formats times, dates and money. Every time is shown in one zone —
// Asia/Shanghai (the business's clock) unless the user chose another in their profile — with the
// zone labelled, and in one format per language.

import { displayTimeZone, timeZoneVersion } from './time-zone.ts';

export { DEFAULT_TIME_ZONE, displayTimeZone, isTimeZone, setDisplayTimeZone } from './time-zone.ts';

/** Table cells: dates and ids read badly when wrapped. */
export const nowrap = { whiteSpace: 'nowrap' } as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
let cachedFor = -1;

type Parts = Record<'year' | 'month' | 'monthName' | 'day' | 'hour' | 'minute' | 'second' | 'zone', string>;

function partsOf(date: Date): Parts {
  if (cachedFor !== timeZoneVersion()) {
    formatters.clear();
    cachedFor = timeZoneVersion();
  }
  let f = formatters.get('parts');
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: displayTimeZone(),
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    });
    formatters.set('parts', f);
  }
  const out: Partial<Parts> = {};
  for (const p of f.formatToParts(date)) {
    if (p.type === 'timeZoneName') out.zone = p.value;
    else if (p.type !== 'literal') out[p.type as keyof Parts] = p.value;
  }
  const month = Number(out.month);
  return { ...(out as Parts), monthName: MONTHS[month - 1] ?? String(month) };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const isEnglish = (lang: string) => lang.toLowerCase().startsWith('en');

function dateText(p: Pick<Parts, 'year' | 'month' | 'monthName' | 'day'>, lang: string): string {
  return isEnglish(lang) ? `${p.day} ${p.monthName} ${p.year}` : `${p.year}-${p.month}-${p.day}`;
}

/**
 * A time in the display zone with the zone labelled: `2026-12-06 20:41:24 (GMT+8)` in Chinese,
 * `06 Dec 2026 20:41:24 (GMT+8)` in English. `seconds: false` drops the seconds.
 */
export function formatDateTime(
  value: string | Date | null | undefined,
  lang: string,
  opts: { seconds?: boolean } = {},
): string {
  if (!value) return '—';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  const p = partsOf(date);
  const time = opts.seconds === false ? `${p.hour}:${p.minute}` : `${p.hour}:${p.minute}:${p.second}`;
  return `${dateText(p, lang)} ${time} (${p.zone})`;
}

/**
 * A calendar date. `YYYY-MM-DD` strings are business dates and are shown as they are (no zone
 * shift); instants are shown as their date in the display zone.
 */
export function formatDate(value: string | Date | null | undefined, lang: string): string {
  if (!value) return '—';
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (m) {
      const [, year = '', month = '', day = ''] = m;
      return dateText({ year, month, day, monthName: MONTHS[Number(month) - 1] ?? month }, lang);
    }
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return dateText(partsOf(date), lang);
}

/** "3 minutes ago" style, falling back to the full date and time after a week. */
export function formatRelative(value: string, lang: string, now = Date.now()): string {
  const seconds = Math.round((new Date(value).getTime() - now) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, 'second');
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 7 * 86400) return rtf.format(Math.round(seconds / 86400), 'day');
  return formatDateTime(value, lang);
}

/** Fen → `1,234.56`, without passing through a float. */
export function yuanAmount(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

/** Fen → `¥1,234.56` (`-¥12.00` for negatives). */
export function formatYuan(fen: number): string {
  const s = yuanAmount(fen);
  return s.startsWith('-') ? `-¥${s.slice(1)}` : `¥${s}`;
}

/** Hundredths of a fen (a record's share of an incentive) → `¥1.2345`, without passing through a float. */
export function formatYuanCentiFen(centiFen: number): string {
  const sign = centiFen < 0 ? '-' : '';
  const abs = Math.abs(centiFen);
  return `${sign}¥${Math.floor(abs / 10_000).toLocaleString('en-US')}.${String(abs % 10_000).padStart(4, '0')}`;
}
