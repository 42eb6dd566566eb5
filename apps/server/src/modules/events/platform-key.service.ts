import { createSign, generateKeyPairSync } from 'node:crypto';
import type { DbOrTx } from '@pc/db';
import forge from 'node-forge';
import type { AppContext } from '../../platform/context.ts';
import { openSecret, sealSecret } from '../../platform/seal/seal.ts';
import { findActivePlatformKey, insertPlatformKey, type PlatformKeyRow } from './events.repository.ts';

/** One platform key: a fixed id makes two processes creating it at once end with a single row. */
const PLATFORM_KEY_ID = 'pkey_platform_1';
const SEAL_PURPOSE = 'platform-key';
const CERT_YEARS = 10;

/** A self-signed certificate for the key: partners only need its public key to verify callbacks. */
function selfSignedCertificate(publicPem: string, privatePem: string, now: Date): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = `01${forge.util.bytesToHex(forge.random.getBytesSync(15))}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  const until = new Date(now);
  until.setUTCFullYear(until.getUTCFullYear() + CERT_YEARS);
  cert.validity.notAfter = until;
  const name = [
    { name: 'commonName', value: 'Partner Center Platform Callback Signing' },
    { name: 'organizationName', value: 'Partner Center' },
    { name: 'countryName', value: 'CN' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privatePem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/**
 * The platform key, generated (RSA-2048, private key sealed) on first use. Inside a transaction pass
 * it: on PGlite a query outside the open transaction would wait for it forever.
 */
export async function ensurePlatformKey(ctx: AppContext, db: DbOrTx = ctx.db): Promise<PlatformKeyRow> {
  const existing = await findActivePlatformKey(db);
  if (existing) return existing;
  const now = ctx.clock.now();
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  await insertPlatformKey(db, {
    id: PLATFORM_KEY_ID,
    privateKeySealed: sealSecret(ctx.config.secretKey, SEAL_PURPOSE, PLATFORM_KEY_ID, privateKey),
    certificatePem: selfSignedCertificate(publicKey, privateKey, now),
    status: 'active',
    createdAt: now,
  });
  const row = await findActivePlatformKey(db);
  if (!row) throw new Error('platform key missing after insert');
  return row;
}

/** The published certificate (PEM). */
export async function platformCertificatePem(ctx: AppContext): Promise<string> {
  return (await ensurePlatformKey(ctx)).certificatePem;
}

/** Base64 RSA-SHA256 signature of `text` (UTF-8) with the platform private key. */
export async function signWithPlatformKey(
  ctx: AppContext,
  text: string,
  db: DbOrTx = ctx.db,
): Promise<string> {
  const key = await ensurePlatformKey(ctx, db);
  const privatePem = openSecret(ctx.config.secretKey, SEAL_PURPOSE, key.id, key.privateKeySealed);
  return createSign('RSA-SHA256').update(text, 'utf8').sign(privatePem, 'base64');
}
