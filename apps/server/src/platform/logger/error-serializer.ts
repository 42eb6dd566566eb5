/**
 * The `err` serializer of every log line. A failed database query carries its SQL text and
 * parameter values (Drizzle puts both into the message, the stack and two properties; the driver's
 * error adds a `detail` such as `Key (access_key)=(…) already exists`): those values may be access
 * keys, sealed secrets or personal data, so only the statement's name and the parameters' shapes
 * are logged.
 */
const MAX_DEPTH = 5;

interface QueryError extends Error {
  query: string;
  params: unknown[];
}

const isQueryError = (e: Error): e is QueryError =>
  typeof (e as Partial<QueryError>).query === 'string' && Array.isArray((e as Partial<QueryError>).params);

/** `insert api_keys`, `select users`, `update budgets`: what ran, without its values. */
export function statementName(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  const verb = (/^(with|select|insert|update|delete)\b/i.exec(text)?.[1] ?? 'query').toLowerCase();
  const table =
    /^(?:insert into|update|delete from)\s+("?[\w.]+"?)/i.exec(text)?.[1] ??
    /\bfrom\s+("?[\w.]+"?)/i.exec(text)?.[1];
  return table ? `${verb} ${table.replaceAll('"', '')}` : verb;
}

/** Each parameter as its type (and length), never its value. */
export function redactParams(params: readonly unknown[]): string[] {
  return params.map((p) => {
    if (p === null || p === undefined) return 'null';
    if (typeof p === 'string') return `string(${p.length})`;
    if (Array.isArray(p)) return `array(${p.length})`;
    if (p instanceof Date) return 'date';
    if (Buffer.isBuffer(p)) return `bytes(${p.length})`;
    return typeof p;
  });
}

const frames = (stack: string | undefined) => (stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));

export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function serializeError(err: unknown, depth = 0): SerializedError {
  if (!(err instanceof Error) || depth > MAX_DEPTH)
    return { type: typeof err, message: String(err), stack: '' };
  const type = err.constructor?.name || 'Error';
  const out: SerializedError = { type, message: err.message, stack: err.stack ?? '' };
  for (const [k, v] of Object.entries(err)) if (k !== 'cause') out[k] = v;
  out.type = type;
  out.message = err.message;
  out.stack = err.stack ?? '';
  if (isQueryError(err)) {
    const statement = statementName(err.query);
    out.message = `query failed: ${statement}`;
    out.statement = statement;
    out.params = redactParams(err.params);
    delete out.query;
  }
  // The driver's own error (pg, PGlite): its code and constraint tell what failed; `detail`,
  // `where` and `internalQuery` echo values and statement text.
  if (typeof out.code === 'string' && ('severity' in out || 'routine' in out)) {
    for (const k of ['detail', 'where', 'internalQuery', 'query', 'hint']) delete out[k];
    const code = out.code;
    // Data exceptions (class 22) quote the offending value after a colon.
    if (code.startsWith('22')) out.message = err.message.split(':')[0] ?? '';
  }
  if (out.message !== err.message) out.stack = [`${type}: ${out.message}`, ...frames(err.stack)].join('\n');
  if (err.cause !== undefined) out.cause = serializeError(err.cause, depth + 1);
  return out;
}
