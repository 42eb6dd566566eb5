/**
 * Money is integer fen. Conversions from yuan text are exact; nothing passes through a float.
 * Rounding, where a rate applies, is half-up on the fen (`applyRate`).
 */
export type Fen = number;

export function assertFen(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer fen amount: ${n}`);
  return n;
}

/** "12.34" → 1234. At most two decimals. */
export function yuanToFen(yuan: string | number): Fen {
  const s = typeof yuan === 'number' ? yuan.toFixed(2) : yuan.trim();
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new RangeError(`not a yuan amount with at most two decimals: ${yuan}`);
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return assertFen(m[1] ? -fen : fen);
}

/** 1234 → "12.34". */
export function fenToYuan(fen: Fen): string {
  assertFen(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** fen × (numerator / denominator), rounded half-up (away from zero) to the fen, in exact integers. */
export function applyRate(fen: Fen, numerator: number, denominator: number): Fen {
  const n = BigInt(fen) * BigInt(numerator);
  const d = BigInt(denominator);
  const q = n / d;
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = twice >= (d < 0n ? -d : d) ? (n < 0n !== d < 0n ? -1n : 1n) : 0n;
  return assertFen(Number(q + away));
}
