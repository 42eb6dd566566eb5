import { AppError } from '../errors/errors.ts';

/** A keyset position in a list ordered by (time desc, id desc); opaque to clients. */
export interface Cursor {
  at: Date;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.at.toISOString()}|${c.id}`).toString('base64url');
}

/** Throws `common.validation` naming the field when the cursor was not made by encodeCursor. */
export function decodeCursor(value: string, field = 'cursor'): Cursor {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  if (!id || Number.isNaN(at.getTime()))
    throw new AppError('common.validation', { field, reason: 'invalid cursor' });
  return { at, id };
}
