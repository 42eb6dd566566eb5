import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import {
  DEMO_CUSTOMER_USER,
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  EXTRA_DEMO_USERS,
} from '../modules/identity/identity.demo-users.ts';

/** What `npm start` prints: where things are and how to sign in. */
export function printBanner(config: Config, address: string | AddressInfo | null): void {
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = config.publicUrl.includes(`:${config.port}`)
    ? config.publicUrl.replace(`:${config.port}`, `:${port}`)
    : config.publicUrl;
  const lines = [
    '',
    'Partner Center is running',
    `  Partner portal     ${base}/`,
    `  Operator console   ${base}/console`,
    `  API reference      ${base}/docs`,
    `  Health             ${base}/health   Metrics ${base}/metrics`,
    `  Database           ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${config.dataDir}`}`,
  ];
  if (config.ingestToken && config.env !== 'production')
    lines.push(
      `  Spend ingest       POST ${base}/api/ingest/spend  Authorization: Bearer ${config.ingestToken}`,
    );
  if (config.demo) {
    lines.push('', `Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
    for (const u of [...DEMO_USERS, ...EXTRA_DEMO_USERS, DEMO_CUSTOMER_USER])
      lines.push(`  ${u.label.padEnd(28)} ${u.email}`);
    lines.push(`  Operators' authenticator secret (TOTP): ${DEMO_TOTP_SECRET}`);
  }
  console.log(`${lines.join('\n')}\n`);
}
