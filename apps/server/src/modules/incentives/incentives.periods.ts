/**
 * Reconciliation periods and quarters in Asia/Shanghai (UTC+8, no daylight saving since 1992):
 * monthly `2026-03`, quarterly `2026-Q1`. A period is [start, end) with both at 00:00 Shanghai.
 */
export type PeriodKind = 'monthly' | 'quarterly';

export interface Period {
  key: string;
  kind: PeriodKind;
  start: Date;
  end: Date;
}

const OFFSET = 8 * 3600_000;
const at0 = (y: number, m0: number) => new Date(Date.UTC(y, m0, 1) - OFFSET);

/** Calendar year and 0-based month of an instant in Asia/Shanghai. */
export function shanghaiYearMonth(at: Date): { year: number; month0: number } {
  const d = new Date(at.getTime() + OFFSET);
  return { year: d.getUTCFullYear(), month0: d.getUTCMonth() };
}

export function periodOf(kind: PeriodKind, at: Date): Period {
  const { year, month0 } = shanghaiYearMonth(at);
  if (kind === 'monthly') {
    return {
      key: `${year}-${String(month0 + 1).padStart(2, '0')}`,
      kind,
      start: at0(year, month0),
      end: at0(year, month0 + 1),
    };
  }
  const q = Math.floor(month0 / 3);
  return { key: `${year}-Q${q + 1}`, kind, start: at0(year, q * 3), end: at0(year, q * 3 + 3) };
}

/** The period of a key; undefined when the key is malformed. */
export function periodByKey(key: string): Period | undefined {
  const m = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/.exec(key);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return periodOf('monthly', at0(year, Number(m[2]) - 1));
  return periodOf('quarterly', at0(year, (Number(m[3]) - 1) * 3));
}

export function nextPeriod(p: Period): Period {
  return periodOf(p.kind, p.end);
}

export function previousPeriod(p: Period): Period {
  return periodOf(p.kind, new Date(p.start.getTime() - 1));
}

/** The calendar quarter (`2026-Q1`) a period belongs to. */
export function quarterOfPeriod(p: Period): string {
  return periodOf('quarterly', p.start).key;
}

/** The monthly bill cycles (`YYYY-MM`) a period covers, as spend records store them. */
export function billCyclesOf(p: Period): string[] {
  const out: string[] = [];
  for (let s = p.start; s < p.end; s = periodOf('monthly', s).end) out.push(periodOf('monthly', s).key);
  return out;
}

/** Whether an instant is exactly a period start of that kind. */
export function isPeriodStart(kind: PeriodKind, at: Date): boolean {
  return periodOf(kind, at).start.getTime() === at.getTime();
}
