import { z } from 'zod';
import { allErrorCodes } from '../errors/errors.ts';

/** The partner API's error body. */
export const cbcError = z.object({
  error_code: z.string(),
  error_msg: z.string(),
  request_id: z.string(),
});

const STATUSES = [400, 401, 403, 429, 500] as const;

/**
 * What the OpenAPI document says of every /v2 operation besides its own schema: signed with AK/SK,
 * and the error answers with every `CBC.`/`APIGW.` code of that status, so partners find the codes
 * (ours included) in one place.
 */
export function partnerApiDocs(): {
  security: Record<string, string[]>[];
  responses: Record<number, unknown>;
} {
  const codes = allErrorCodes().filter(([code]) => code.startsWith('CBC.') || code.startsWith('APIGW.'));
  const responses: Record<number, unknown> = {};
  for (const status of STATUSES) {
    const list = codes.filter(([, def]) => def.status === status);
    const described = list.map(([code, def]) => `\`${code}\` ${def.message['en-US']}`).join('; ');
    responses[status] = cbcError.describe(described || 'Error');
  }
  return { security: [{ akSk: [] }], responses };
}
