import { z } from 'zod';

export const keyView = z.object({
  id: z.string(),
  name: z.string(),
  /** AK: 20 upper-case alphanumerics. */
  accessKey: z.string(),
  status: z.enum(['active', 'disabled']),
  /** The partner's account id, sent as `X-Domain-Id` and used as the SDKs' domain id. */
  partnerDomainId: z.string(),
  createdAt: z.iso.datetime(),
  rotatedAt: z.iso.datetime().nullable(),
  disabledAt: z.iso.datetime().nullable(),
  lastUsedAt: z.iso.datetime().nullable(),
  previousSecretValidUntil: z.iso.datetime().nullable(),
});

/** Create and rotate answers: the only time the secret key is ever returned. */
export const keyWithSecret = keyView.extend({ secretKey: z.string() });

export const keyList = z.object({
  items: z.array(keyView),
  /** How many keys the partner may hold. */
  limit: z.number().int(),
});

export const createKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
});

export const keyParams = z.strictObject({ id: z.string().min(1).max(64) });

export const partnerApiInfo = z.object({
  /** This server's public address: the endpoint to give the provider's SDKs. */
  endpoint: z.string(),
  /** The calling partner's account id (X-Domain-Id / the SDKs' domain id). */
  domainId: z.string(),
  docsUrl: z.string(),
  openapiUrl: z.string(),
  operations: z.array(
    z.object({ method: z.string(), path: z.string(), operationId: z.string(), summary: z.string() }),
  ),
});
