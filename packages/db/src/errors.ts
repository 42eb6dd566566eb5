/**
 * An insert hit a unique index (PostgreSQL and PGlite both report 23505, maybe wrapped by the
 * query builder); with `constraint`, only that index.
 */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    const err = c as { code?: unknown; constraint?: unknown };
    if (err.code === '23505') return !constraint || err.constraint === constraint;
  }
  return false;
}
