import type { Localized } from '../../platform/i18n/i18n.ts';

export interface HolidayDay {
  date: string;
  kind: 'holiday' | 'workday';
  name: Localized;
}

const names = {
  newYear: { 'zh-CN': '元旦', 'en-US': "New Year's Day" },
  spring: { 'zh-CN': '春节', 'en-US': 'Spring Festival' },
  qingming: { 'zh-CN': '清明节', 'en-US': 'Qingming Festival' },
  labour: { 'zh-CN': '劳动节', 'en-US': 'Labour Day' },
  dragonBoat: { 'zh-CN': '端午节', 'en-US': 'Dragon Boat Festival' },
  midAutumn: { 'zh-CN': '中秋节', 'en-US': 'Mid-Autumn Festival' },
  national: { 'zh-CN': '国庆节', 'en-US': 'National Day' },
} satisfies Record<string, Localized>;

type Name = keyof typeof names;

function days(from: string, to: string, kind: HolidayDay['kind'], name: Name): HolidayDay[] {
  const out: HolidayDay[] = [];
  const end = new Date(`${to}T00:00:00Z`).getTime();
  for (let t = new Date(`${from}T00:00:00Z`).getTime(); t <= end; t += 86_400_000) {
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind, name: names[name] });
  }
  return out;
}

const off = (from: string, to: string, name: Name) => days(from, to, 'holiday', name);
const work = (date: string, name: Name) => days(date, date, 'workday', name);

/** The State Council's 2026 arrangement: days off and the adjusted working weekends (调休). */
export const CHINA_2026: readonly HolidayDay[] = [
  ...off('2026-01-01', '2026-01-03', 'newYear'),
  ...work('2026-01-04', 'newYear'),
  ...work('2026-02-14', 'spring'),
  ...off('2026-02-15', '2026-02-23', 'spring'),
  ...work('2026-02-28', 'spring'),
  ...off('2026-04-04', '2026-04-06', 'qingming'),
  ...off('2026-05-01', '2026-05-05', 'labour'),
  ...work('2026-05-09', 'labour'),
  ...off('2026-06-19', '2026-06-21', 'dragonBoat'),
  ...work('2026-09-20', 'national'),
  ...off('2026-09-25', '2026-09-27', 'midAutumn'),
  ...off('2026-10-01', '2026-10-07', 'national'),
  ...work('2026-10-10', 'national'),
];

/**
 * 2027 on the statutory dates (Spring Festival 6 February, Qingming 5 April, Dragon Boat 9 June,
 * Mid-Autumn 15 September). Provisional until the official arrangement is published; operators
 * correct it in the console.
 */
export const CHINA_2027: readonly HolidayDay[] = [
  ...off('2027-01-01', '2027-01-03', 'newYear'),
  ...work('2027-01-31', 'spring'),
  ...off('2027-02-05', '2027-02-13', 'spring'),
  ...work('2027-02-20', 'spring'),
  ...off('2027-04-03', '2027-04-05', 'qingming'),
  ...off('2027-05-01', '2027-05-05', 'labour'),
  ...work('2027-05-08', 'labour'),
  ...off('2027-06-09', '2027-06-09', 'dragonBoat'),
  ...off('2027-09-15', '2027-09-15', 'midAutumn'),
  ...work('2027-09-26', 'national'),
  ...off('2027-10-01', '2027-10-07', 'national'),
  ...work('2027-10-09', 'national'),
];
