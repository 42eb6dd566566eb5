import fastJson from 'fast-json-stringify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { $ZodType, toJSONSchema } from 'zod/v4/core';

type SerializerCompiler = Parameters<FastifyInstance['setSerializerCompiler']>[0];
type RouteSchema = Parameters<SerializerCompiler>[0];

/**
 * The partner API's response serialiser: each route's zod response schema is turned into JSON schema
 * once, at start, and compiled by fast-json-stringify (what Fastify does for JSON-schema routes),
 * instead of a zod encode plus `JSON.stringify` on every answer. The OpenAPI document still comes
 * from the zod schemas, so it does not change. A schema JSON schema cannot express (transforms,
 * dates…) keeps the zod serialiser.
 *
 * fast-json-stringify trusts the data where zod checks it (a wrong type is coerced, not refused), so
 * outside production (tests, development) every answer is also encoded by zod and the two outputs
 * must be identical: a route whose data stops matching its schema, or whose JSON would differ, fails
 * there with the zod serialiser's error.
 */
export function partnerApiSerializerCompiler(checkWithZod: boolean): SerializerCompiler {
  return (route: RouteSchema) => {
    const zodSerialize = zodSerializerCompiler(route as never) as (data: unknown) => string;
    const fast = compileFast(route.schema);
    if (!fast) return zodSerialize;
    if (!checkWithZod) return fast;
    return (data: unknown) => {
      const expected = zodSerialize(data);
      const got = fast(data);
      if (got !== expected) {
        throw new Error(
          `fast serialiser differs from zod for ${route.method} ${route.url}: ${got.slice(0, 300)} ≠ ${expected.slice(0, 300)}`,
        );
      }
      return got;
    };
  };
}

function compileFast(maybeSchema: unknown): ((data: unknown) => string) | undefined {
  const schema =
    maybeSchema instanceof $ZodType
      ? maybeSchema
      : maybeSchema && typeof maybeSchema === 'object' && 'properties' in maybeSchema
        ? (maybeSchema as { properties: unknown }).properties
        : undefined;
  if (!(schema instanceof $ZodType)) return undefined;
  try {
    const json = toJSONSchema(schema, { io: 'output', target: 'draft-07', unrepresentable: 'throw' });
    return fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return undefined;
  }
}
