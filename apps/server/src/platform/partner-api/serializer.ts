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

const KEYWORDS_OF_PLAIN = new Set([
  '$schema',
  'type',
  'properties',
  'required',
  'items',
  'additionalProperties',
  'description',
  'title',
  'enum',
  'const',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
  'examples',
]);

/**
 * Whether fast-json-stringify writes exactly what zod's encode plus `JSON.stringify` writes for any
 * data the schema accepts: plain objects whose properties are all required (fast-json-stringify
 * writes the required ones first, zod in schema order; with all required the two orders agree) and
 * no extra properties, arrays, scalars, enums; no unions, references or conditionals. Integers are
 * written as numbers (no rounding; zod refuses a fraction before it is written anyway).
 */
function plain(node: unknown): boolean {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  const schema = node as Record<string, unknown>;
  for (const key of Object.keys(schema)) if (!KEYWORDS_OF_PLAIN.has(key)) return false;
  if (schema.type === 'integer') schema.type = 'number';
  if (typeof schema.type !== 'string') return schema.enum !== undefined || schema.const !== undefined;
  if (schema.type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const required = (schema.required ?? []) as string[];
    const names = Object.keys(properties);
    if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) return false;
    if (required.length !== names.length || !names.every((n) => required.includes(n))) return false;
    return names.every((n) => plain(properties[n]));
  }
  if (schema.type === 'array') return plain(schema.items);
  return ['string', 'number', 'boolean', 'null'].includes(schema.type);
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
    if (!plain(json)) return undefined;
    return fastJson(json as Parameters<typeof fastJson>[0]) as (data: unknown) => string;
  } catch {
    return undefined;
  }
}
