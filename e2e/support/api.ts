import { freshTotp } from './totp.ts';

/**
 * A minimal client for the portal/console API as a browser uses it: cookies, the CSRF header on
 * unsafe methods, JSON. For setting up state and reading the recorded outbox in journeys.
 */
export class ApiClient {
  private cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly language = 'en-US',
  ) {}

  async request<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    if (method !== 'GET' && !this.cookies.has('pc_csrf')) await this.request('GET', '/api/auth/csrf');
    const headers: Record<string, string> = { 'x-language': this.language };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = this.cookies.get('pc_csrf');
    if (method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair?.indexOf('=') ?? -1;
      if (pair && i > 0) this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }

  /** Signs in; an account with an authenticator (the demo operators) answers the code step too. */
  async signIn(email: string, password: string, totpSecret?: string): Promise<void> {
    let res = await this.request<{ secondFactor?: { ticket: string } }>('POST', '/api/auth/sign-in', {
      email,
      password,
    });
    const ticket = res.body?.secondFactor?.ticket;
    if (res.status === 200 && ticket) {
      const code = await freshTotp(this.baseUrl, email, totpSecret);
      res = await this.request('POST', '/api/auth/sign-in/second-factor', { ticket, code });
    }
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(res.body)}`);
  }
}

export interface OutboxEntry {
  id: string;
  channel: 'email' | 'sms' | 'in_app';
  template: string;
  locale: string;
  recipient: string;
  subject: string | null;
  body: string;
  status: string;
  attempts: number;
  provider: string | null;
  providerId: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The recorded outbox as the operator console reads it (needs an operator with admin or support). */
export async function readOutbox(
  operator: ApiClient,
  filter: { channel?: 'email' | 'sms' | 'in_app'; recipient?: string } = {},
): Promise<OutboxEntry[]> {
  const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => !!e[1]));
  const res = await operator.request<{ items: OutboxEntry[] }>('GET', `/api/console/outbox?${q}`);
  if (res.status !== 200) throw new Error(`outbox: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}
