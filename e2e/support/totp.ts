import type { Page } from 'playwright-core';
import { DEMO_TOTP_SECRET } from '../../apps/server/src/modules/identity/identity.demo-users.ts';
import { totpCode } from '../../apps/server/src/modules/identity/totp.ts';

const PERIOD_MS = 30_000;
/** The newest time step handed out per server and account: each is accepted once (RFC 6238 §5.2). */
const usedSteps = new Map<string, number>();

/** The server's clock (journeys may move it), as an offset from this process's clock. */
async function serverOffset(baseUrl: string): Promise<number> {
  const res = await fetch(new URL('/api/test/clock', baseUrl));
  if (!res.ok) return 0; // no clock control: real time
  const { now } = (await res.json()) as { now: string };
  return new Date(now).getTime() - Date.now();
}

/**
 * A fresh authenticator code of `account` on the server at `baseUrl` (the demo operators' secret
 * unless told). When this step was already used there, waits for the next one (≤ 30 s).
 */
export async function freshTotp(
  baseUrl: string,
  account: string,
  secret = DEMO_TOTP_SECRET,
): Promise<string> {
  const key = `${baseUrl} ${account}`;
  const offset = await serverOffset(baseUrl);
  for (;;) {
    const at = Date.now() + offset;
    const step = Math.floor(at / PERIOD_MS);
    // Not in the last second of a step either: the code must still be valid when it arrives.
    if (step > (usedSteps.get(key) ?? -1) && at % PERIOD_MS < PERIOD_MS - 1500) {
      usedSteps.set(key, step);
      return totpCode(secret, new Date(at));
    }
    await new Promise((r) => setTimeout(r, PERIOD_MS - (at % PERIOD_MS) + 200));
  }
}

/** In a browser that just sent an operator's password: types the code on the verify page. */
export async function enterTotp(
  page: Page,
  baseUrl: string,
  account: string,
  secret = DEMO_TOTP_SECRET,
): Promise<void> {
  await page.getByTestId('verify-code').fill(await freshTotp(baseUrl, account, secret));
  await page.getByTestId('verify-submit').click();
}
