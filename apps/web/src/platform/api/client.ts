import { type ApiError, createClient, type paths } from '@pc/sdk';
import i18next, { currentLanguage } from '../i18n/index.ts';

export type ApiPaths = paths;

let csrfToken: string | undefined;
let csrfLoading: Promise<void> | undefined;

/** The one client the web app talks to the server through. */
export const api = createClient({
  // The cookie is the source of truth (the server checks the header against it).
  csrfToken: () => readCookie('pc_csrf') ?? csrfToken,
  language: currentLanguage,
});

function readCookie(name: string): string | undefined {
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

/** The server's error, with its translated message; `status` 0 means the server was not reached. */
export class ApiRequestError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown> | undefined;
  readonly requestId: string | undefined;

  constructor(status: number, body: Partial<ApiError>, fallback: string) {
    super(body.message || fallback);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'network' : 'common.internal');
    this.details = body.details;
    this.requestId = body.requestId;
  }

  /** The request field the error is about, when the server names one. */
  get field(): string | undefined {
    const f = this.details?.field;
    return typeof f === 'string' && f ? f : undefined;
  }
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function asApiError(value: unknown): Partial<ApiError> {
  if (value && typeof value === 'object' && 'code' in value) return value as Partial<ApiError>;
  return {};
}

/** Resolves to the response body, or throws an ApiRequestError. */
export async function unwrap<T>(request: Promise<Result<T>>): Promise<T> {
  let result: Result<T>;
  try {
    result = await request;
  } catch {
    throw new ApiRequestError(0, {}, networkMessage());
  }
  if (result.response.ok) return result.data as T;
  throw new ApiRequestError(result.response.status, asApiError(result.error), networkMessage());
}

/** Fetches the CSRF token once; unsafe requests wait for it. */
export function ensureCsrf(force = false): Promise<void> {
  if (force) csrfLoading = undefined;
  csrfLoading ??= unwrap(api.GET('/api/auth/csrf')).then(
    (r) => {
      csrfToken = r.token;
    },
    (err: unknown) => {
      csrfLoading = undefined;
      throw err;
    },
  );
  return csrfLoading;
}

/**
 * Runs an unsafe request with the CSRF token. A session change (sign-in, sign-out) may rotate the
 * token, so a `common.csrf` refusal fetches a fresh one and tries once more.
 */
export async function send<T>(request: () => Promise<Result<T>>): Promise<T> {
  await ensureCsrf();
  try {
    return await unwrap(request());
  } catch (err) {
    if (!(err instanceof ApiRequestError) || err.code !== 'common.csrf') throw err;
    await ensureCsrf(true);
    return unwrap(request());
  }
}

function networkMessage(): string {
  return i18next.t('common.networkError');
}
