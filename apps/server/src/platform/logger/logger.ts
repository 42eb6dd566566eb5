import type { FastifyServerOptions } from 'fastify';
import type { Config } from '../../config.ts';

/** Paths whose values never reach a log line. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.code',
  '*.secret',
  '*.secretKey',
  '*.sk',
  '*.token',
  '*.bankAccount',
  'config.secretKey',
  'config.smtpUrl',
  'config.databaseUrl',
];

export function loggerOptions(config: Config): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    redact: { paths: REDACT, censor: '[redacted]' },
  };
}
