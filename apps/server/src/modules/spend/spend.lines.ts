import { StringDecoder } from 'node:string_decoder';

/** Longest line accepted; a longer one is reported (and never buffered whole). */
export const MAX_LINE = 16 * 1024;

export type Line = { n: number; text: string } | { n: number; tooLong: true };

/**
 * Splits a byte stream into lines (LF or CRLF) without holding more than one line in memory.
 * Line numbers start at 1; a line past MAX_LINE is yielded as `tooLong` and skipped to its end.
 */
export async function* linesOf(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let buf = '';
  let n = 0;
  let skipping = false;
  const emit = function* (piece: string): Generator<Line> {
    n++;
    if (skipping) {
      skipping = false;
      yield { n, tooLong: true };
      return;
    }
    yield { n, text: piece.endsWith('\r') ? piece.slice(0, -1) : piece };
  };
  for await (const chunk of stream) {
    buf += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    let i = buf.indexOf('\n');
    while (i >= 0) {
      yield* emit(buf.slice(0, i));
      buf = buf.slice(i + 1);
      i = buf.indexOf('\n');
    }
    if (buf.length > MAX_LINE) {
      skipping = true;
      buf = '';
    }
  }
  buf += decoder.end();
  if (buf.length > 0 || skipping) yield* emit(buf);
}

export const CSV_COLUMNS = [
  'record_id',
  'customer_id',
  'spent_at',
  'service_type',
  'amount_fen',
  'payment_kind',
];

/** One CSV line (RFC 4180 quoting, no line breaks inside fields) → fields, or null when malformed. */
export function parseCsvLine(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) return null; // unterminated quote
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += line[i++];
      }
      out.push(v);
      if (i === line.length) return out;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const j = line.indexOf(',', i);
      const v = j < 0 ? line.slice(i) : line.slice(i, j);
      if (v.includes('"')) return null;
      out.push(v.trim());
      if (j < 0) return out;
      i = j + 1;
    }
  }
}
