/** Where a `next` parameter may send the user after sign-in: only paths on this site. */
export function safeNext(next: string | null, fallback: string): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The console only sends operators on to console pages. */
export function consoleNext(next: string | null): string {
  const path = safeNext(next, '/console');
  return path === '/console' || path.startsWith('/console/') || path.startsWith('/console?')
    ? path
    : '/console';
}
