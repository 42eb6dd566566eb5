// The zone every time is shown in: Asia/Shanghai, or the one the user chose on their profile.
// Kept apart from the formatter so the session code can set it without loading the formatter.

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
let zone = DEFAULT_TIME_ZONE;
let version = 0;

/** Whether the browser knows the IANA zone. */
export function isTimeZone(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Sets the zone every time is shown in (the profile's choice); anything unknown falls back. */
export function setDisplayTimeZone(value: string | null | undefined): void {
  const next = isTimeZone(value) ? value : DEFAULT_TIME_ZONE;
  if (next !== zone) {
    zone = next;
    version++;
  }
}

export function displayTimeZone(): string {
  return zone;
}

/** Changes whenever the zone does (formatters cached for one zone compare it). */
export function timeZoneVersion(): number {
  return version;
}
