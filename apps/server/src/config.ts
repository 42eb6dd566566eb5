import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const roleList = z.enum(['api', 'worker', 'scheduler']);
export type Role = z.infer<typeof roleList>;

const schema = z.object({
  env: z.enum(['development', 'production', 'test']).default('development'),
  host: z.string().default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address people reach the portal at; links in emails use it. Unset: built from HOST and PORT. */
  publicUrl: z.url(),
  databaseUrl: z.string().optional(),
  /** PGlite data directory, used when `databaseUrl` is absent. */
  dataDir: z.string().default('./.data/pglite'),
  /** 32+ bytes, hex or base64: session signing and encryption at rest. */
  secretKey: z.string().min(32),
  /** Bearer token of `POST /api/ingest/spend` for the billing system; unset disables token access. */
  ingestToken: z.string().min(24).optional(),
  smtpUrl: z.string().optional(),
  mailFrom: z.string().default('Partner Center <no-reply@partner-center.local>'),
  /** `record` (demo and tests: nothing sent), `aliyun` (Alibaba Cloud SMS) or `webhook` (generic HTTP gateway). */
  smsProvider: z.enum(['record', 'aliyun', 'webhook']).default('record'),
  /** Alibaba Cloud: the approved signature name (签名名称). */
  smsSignName: z.string().min(1).optional(),
  /** Alibaba Cloud: our template id → approved template code, from `SMS_TEMPLATES=id=SMS_1,id2=SMS_2`. */
  smsTemplates: z.record(z.string(), z.string().min(1)).default({}),
  smsAccessKeyId: z.string().min(1).optional(),
  smsAccessKeySecret: z.string().min(1).optional(),
  /** Alibaba Cloud endpoint (default `https://dysmsapi.aliyuncs.com/`) or the webhook gateway's URL. */
  smsEndpoint: z.url().optional(),
  /** Webhook: HMAC-SHA256 key of the `X-Signature` header. */
  smsWebhookSecret: z.string().min(16).optional(),
  /** Path token of the delivery-status callback `POST /api/notifications/sms-status/<token>`; unset: no callback. */
  smsCallbackToken: z.string().min(16).optional(),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Per-request log lines; off by default because they halve bare throughput. */
  logRequests: z.coerce.boolean().default(false),
  roles: z.array(roleList).min(1).default(['api', 'worker', 'scheduler']),
  /** How often a worker looks for due jobs. */
  jobPollMs: z.coerce.number().int().min(50).max(60_000).default(1000),
  demo: z.boolean().default(false),
  /** R8: where federated accounts manage their profile (the central identity provider). */
  federatedProfileUrl: z.url().default('https://id.cloud.example.com/account/security'),
  /** R1: the partner center of the international site, for accounts registered there. */
  intlSiteUrl: z.url().default('https://intl.partner.cloud.example.com/'),
  webDist: z.string().default(resolve(import.meta.dirname, '../../web/dist')),
  /** R7: the annual review's materials deadline, `MM-DD` in December or January (Asia/Shanghai). */
  certificateReviewDeadline: z
    .string()
    .regex(/^(12|01)-(0[1-9]|[12]\d|3[01])$/)
    .default('12-31'),
  /** R5: annual performance (fen, inclusive) that lets a cloud reseller apply to the ASSC program. */
  asscThresholdFen: z.coerce.number().int().positive().default(80_000_000),
  /** Partner API flow control: calls per second per (access key, operation); the contract says 10. */
  apiFlowLimit: z.coerce.number().int().positive().default(10),
  /** Test-only `POST /api/test/clock` and `/api/test/scheduler/tick`; honoured only when env is `test`. */
  clockControl: z.boolean().default(false),
  /** Believe X-Forwarded-For (the client address used for throttling) only behind a proxy that sets it. */
  trustProxy: z.boolean().default(false),
  bodyLimit: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});

export type Config = z.infer<typeof schema>;

/** Reads the secret from the environment, or keeps a generated one beside the embedded database. */
function secretFor(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): string | undefined {
  if (env.APP_SECRET) return env.APP_SECRET;
  if (production) return undefined;
  const file = resolve(dirname(resolve(dataDir)), 'secret.key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The spend-ingest token from INGEST_TOKEN, or (outside production) one generated once into
 * `ingest.token` beside the secret key, so the billing feed works out of the box (the start banner
 * prints it). Production without INGEST_TOKEN: only operator sessions may ingest.
 */
function ingestTokenFor(env: NodeJS.ProcessEnv, dataDir: string, production: boolean): string | undefined {
  if (env.INGEST_TOKEN) return env.INGEST_TOKEN;
  if (production) return undefined;
  const file = resolve(dirname(resolve(dataDir)), 'ingest.token');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token, { mode: 0o600 });
  return token;
}

/**
 * The address when PUBLIC_URL is unset: where this server listens, with `localhost` for the
 * loopback and any-address hosts (a browser cannot open 0.0.0.0).
 */
export function defaultPublicUrl(host = '127.0.0.1', port: number | string = 3000): string {
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost', ''].includes(host);
  const name = local ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

/** The only place that reads process.env and argv. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  argv: string[] = process.argv.slice(2),
): Config {
  const arg = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const dataDir = env.DATA_DIR ?? './.data/pglite';
  const production = env.NODE_ENV === 'production';
  const parsed = schema.safeParse({
    env: env.NODE_ENV,
    host: env.HOST,
    port: env.PORT,
    publicUrl: env.PUBLIC_URL || defaultPublicUrl(env.HOST, env.PORT || 3000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    secretKey: secretFor(env, dataDir, production),
    ingestToken: ingestTokenFor(env, dataDir, production),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM,
    smsProvider: env.SMS_PROVIDER || undefined,
    smsSignName: env.SMS_SIGN_NAME || undefined,
    smsTemplates: parseTemplateCodes(env.SMS_TEMPLATES),
    smsAccessKeyId: env.SMS_ACCESS_KEY_ID || undefined,
    smsAccessKeySecret: env.SMS_ACCESS_KEY_SECRET || undefined,
    smsEndpoint: env.SMS_ENDPOINT || undefined,
    smsWebhookSecret: env.SMS_WEBHOOK_SECRET || undefined,
    smsCallbackToken: env.SMS_CALLBACK_TOKEN || undefined,
    logLevel: env.LOG_LEVEL,
    logRequests: env.LOG_REQUESTS === '1' || env.LOG_REQUESTS === 'true',
    roles: arg('roles')?.split(','),
    jobPollMs: env.JOB_POLL_MS,
    demo: argv.includes('--demo') || env.DEMO === '1',
    federatedProfileUrl: env.FEDERATED_PROFILE_URL || undefined,
    intlSiteUrl: env.INTL_SITE_URL || undefined,
    webDist: env.WEB_DIST,
    bodyLimit: env.BODY_LIMIT,
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    certificateReviewDeadline: env.CERT_REVIEW_DEADLINE || undefined,
    clockControl: env.CLOCK_CONTROL === '1',
    asscThresholdFen: env.ASSC_THRESHOLD_FEN || undefined,
    apiFlowLimit: env.API_FLOW_LIMIT || undefined,
  });
  const smsMissing = parsed.success ? missingSmsSettings(parsed.data) : [];
  if (smsMissing.length > 0) {
    throw new Error(
      `Invalid configuration:\n  SMS_PROVIDER=${env.SMS_PROVIDER} needs ${smsMissing.join(', ')}`,
    );
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** `SMS_TEMPLATES=identity.email_code=SMS_1,identity.contact_code=SMS_2` as an object. */
function parseTemplateCodes(value: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (value ?? '').split(',')) {
    const [id, code] = pair.split('=').map((x) => x.trim());
    if (id && code) out[id] = code;
  }
  return out;
}

/** The variables a real SMS provider cannot work without. */
export function missingSmsSettings(c: Config): string[] {
  if (c.smsProvider === 'aliyun') {
    return [
      !c.smsAccessKeyId && 'SMS_ACCESS_KEY_ID',
      !c.smsAccessKeySecret && 'SMS_ACCESS_KEY_SECRET',
      !c.smsSignName && 'SMS_SIGN_NAME',
      Object.keys(c.smsTemplates).length === 0 && 'SMS_TEMPLATES',
    ].filter((x): x is string => typeof x === 'string');
  }
  if (c.smsProvider === 'webhook' && !c.smsEndpoint) return ['SMS_ENDPOINT'];
  return [];
}

/** A config for tests and tools: defaults plus overrides, no environment. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return schema.parse({
    env: 'test',
    secretKey: 'test-secret-test-secret-test-secret-0123456789',
    logLevel: 'silent',
    roles: ['api'],
    publicUrl: defaultPublicUrl(),
    ...overrides,
  });
}
