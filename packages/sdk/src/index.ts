import createFetchClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.ts';

export type { components, paths } from './schema.ts';

export interface ClientOptions {
  baseUrl?: string;
  /** Read before each unsafe request; the portal API refuses writes without it. */
  csrfToken?: () => string | undefined;
  /** Sent as X-Language. */
  language?: () => string | undefined;
  fetch?: typeof fetch;
}

/** The typed client of the Partner Center API, generated from openapi/openapi.json. */
export function createClient(opts: ClientOptions = {}) {
  const client = createFetchClient<paths>({
    baseUrl: opts.baseUrl ?? '',
    credentials: 'include',
    fetch: opts.fetch,
  });
  const headers: Middleware = {
    onRequest({ request }) {
      const lang = opts.language?.();
      if (lang) request.headers.set('x-language', lang);
      if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
        const token = opts.csrfToken?.();
        if (token) request.headers.set('x-csrf-token', token);
      }
      return request;
    },
  };
  client.use(headers);
  return client;
}

export type ApiClient = ReturnType<typeof createClient>;

/** The body of every portal API error. */
export interface ApiError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  requestId: string;
}
