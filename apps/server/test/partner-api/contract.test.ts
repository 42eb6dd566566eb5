import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';

/**
 * The partner API against the provider's SDKs. `sdk-operations.json` lists every operation of the
 * two SDK clients in the contract's scope (`BssClient` for the China site, `BssintlClient` for the
 * international one): method, path, request fields (path, query, body, nested) and response fields
 * (nested), read from the SDKs' client and model files. Every row we serve must match our OpenAPI
 * document exactly — the SDK's operation name as `operationId`, the same method and path, the same
 * field names at every level, and types an SDK can send and read. Rows not served yet say
 * `served: false` and show up here as todo; whoever adds the operation flips its row.
 * `scripts/partner-api-sdk-table.mjs` regenerates the table from a checkout of the SDK (keeping the
 * `served` flags).
 */

type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
interface Field {
  type: Kind;
  /** Only on these sites' SDK (the other site's model lacks the field); our one endpoint takes both. */
  sites?: string[];
  items?: Field;
  fields?: Record<string, Field>;
}
interface Operation {
  operationId: string;
  group: string;
  sites: string[];
  method: string;
  path: string;
  served: boolean;
  /**
   * Differences from the SDK still to close, written out one by one: the test fails when one is
   * fixed (remove it here) as much as when a new one appears, so the list only shrinks.
   */
  known_gaps?: string[];
  request: { path?: Record<string, Field>; query?: Record<string, Field>; body?: Record<string, Field> };
  response: Record<string, Field>;
}
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
}
interface OpenApiOperation {
  operationId?: string;
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}
type Doc = {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

const table = JSON.parse(readFileSync(new URL('./sdk-operations.json', import.meta.url), 'utf8')) as {
  operations: Operation[];
};
const PARTNER_PATH = /^\/(v1\.0|v2|v3|v4)\//;

/** The schema's alternatives with `$ref`s resolved and unions flattened. */
function variants(doc: Doc, s: JsonSchema | undefined): JsonSchema[] {
  if (!s) return [];
  if (s.$ref) return variants(doc, doc.components?.schemas?.[s.$ref.replace('#/components/schemas/', '')]);
  const union = s.anyOf ?? s.oneOf;
  if (union) return union.flatMap((v) => variants(doc, v));
  if (s.allOf) {
    const parts = s.allOf.flatMap((v) => variants(doc, v));
    return [
      { ...s, allOf: undefined, properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})) },
    ];
  }
  return [s];
}

/** JSON types a schema allows; an integer-only enum or const counts as integer. */
function kindsOf(doc: Doc, s: JsonSchema): Set<string> {
  const out = new Set<string>();
  for (const v of variants(doc, s)) {
    const values = v.enum ?? (v.const === undefined ? undefined : [v.const]);
    const types = Array.isArray(v.type) ? v.type : v.type ? [v.type] : [];
    for (const t of types) {
      const intsOnly = values?.every((x) => Number.isInteger(x));
      out.add(t === 'number' && intsOnly ? 'integer' : t);
    }
    if (!types.length && v.properties) out.add('object');
  }
  out.delete('null');
  return out;
}

interface Mismatch {
  at: string;
  problem: string;
}

/**
 * Compares a table field map with a JSON schema, recursively. `direction` says who produces the
 * value: for a request the SDK sends the table's type and our schema must accept it; for a
 * response we send ours and the SDK must be able to read it.
 */
function compare(
  doc: Doc,
  fields: Record<string, Field>,
  schema: JsonSchema | undefined,
  at: string,
  direction: 'request' | 'response',
  out: Mismatch[],
): void {
  const props: Record<string, JsonSchema> = {};
  for (const v of variants(doc, schema)) Object.assign(props, v.properties ?? {});
  const want = Object.keys(fields).sort();
  const have = Object.keys(props).sort();
  const missing = want.filter((k) => !have.includes(k));
  const extra = have.filter((k) => !want.includes(k));
  if (missing.length) out.push({ at, problem: `missing ${missing.join(', ')}` });
  if (extra.length) out.push({ at, problem: `not in the SDK model: ${extra.join(', ')}` });
  for (const name of want) {
    const ours = props[name];
    if (ours) compareField(doc, fields[name] as Field, ours, `${at}.${name}`, direction, out);
  }
}

function compareField(
  doc: Doc,
  field: Field,
  ours: JsonSchema,
  at: string,
  direction: 'request' | 'response',
  out: Mismatch[],
): void {
  const kinds = kindsOf(doc, ours);
  const ok =
    kinds.size === 0 ||
    (direction === 'request'
      ? kinds.has(field.type) || (field.type === 'integer' && kinds.has('number'))
      : [...kinds].every((k) => k === field.type || (field.type === 'number' && k === 'integer')));
  if (!ok) out.push({ at, problem: `type ${[...kinds].join('|')}, SDK ${field.type}` });
  if (field.type === 'array' && field.items) {
    const items = variants(doc, ours).find((v) => v.items)?.items;
    if (field.items.fields) compare(doc, field.items.fields, items, `${at}[]`, direction, out);
    else if (items) compareField(doc, field.items, items, `${at}[]`, direction, out);
  } else if (field.fields) {
    compare(doc, field.fields, ours, at, direction, out);
  }
}

function mismatches(doc: Doc, row: Operation, op: OpenApiOperation): Mismatch[] {
  const out: Mismatch[] = [];
  if (op.operationId !== row.operationId)
    out.push({ at: 'operationId', problem: `${op.operationId ?? '(none)'} instead of ${row.operationId}` });
  const params = op.parameters ?? [];
  for (const where of ['path', 'query'] as const) {
    const schema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(params.filter((p) => p.in === where).map((p) => [p.name, p.schema])),
    };
    compare(doc, row.request[where] ?? {}, schema, where, 'request', out);
  }
  const body = op.requestBody?.content['application/json']?.schema;
  if (row.request.body) compare(doc, row.request.body, body, 'body', 'request', out);
  else if (body) out.push({ at: 'body', problem: 'the SDK sends no body' });
  const ok = op.responses?.['200']?.content?.['application/json']?.schema;
  compare(doc, row.response, ok, 'response', 'response', out);
  return out;
}

describe('partner API contract: every SDK operation in scope', () => {
  let t: TestApp;
  let doc: Doc;

  beforeAll(async () => {
    t = await createTestApp();
    doc = t.app.swagger() as Doc;
  });
  afterAll(() => t.close());

  it('the table holds the 54 operations of the contract’s scope, each once', () => {
    expect(table.operations).toHaveLength(54);
    expect(new Set(table.operations.map((o) => o.operationId)).size).toBe(54);
    expect(new Set(table.operations.map((o) => `${o.method} ${o.path}`)).size).toBe(54);
  });

  it('every partner-API operation of the OpenAPI document is a served row of the table, under its SDK name', () => {
    const rows = new Map(table.operations.map((o) => [`${o.method} ${o.path}`, o]));
    const served = Object.entries(doc.paths)
      .filter(([path]) => PARTNER_PATH.test(path))
      .flatMap(([path, methods]) =>
        Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
      );
    const problems = served.flatMap(({ key, op }) => {
      const row = rows.get(key);
      if (!row) return [`${key} (${op.operationId}) is no SDK operation in scope`];
      if (!row.served) return [`${key} is served: set "served": true on ${row.operationId}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  const gaps: Record<string, string[]> = {};
  afterAll(() => {
    if (process.env.DUMP_CONTRACT_GAPS) writeFileSync(process.env.DUMP_CONTRACT_GAPS, JSON.stringify(gaps));
  });
  for (const row of table.operations) {
    const title = `${row.operationId} (${row.sites.join('+')}): ${row.method} ${row.path}`;
    if (!row.served) {
      it.todo(`${title} — not served yet`);
      continue;
    }
    it(`${title} — same operationId, request and response fields as the SDK`, () => {
      const op = doc.paths[row.path]?.[row.method.toLowerCase()];
      expect(op, `${row.method} ${row.path} is not in the OpenAPI document`).toBeDefined();
      if (!op) return;
      const found = mismatches(doc, row, op).map((m) => `${m.at}: ${m.problem}`);
      if (process.env.DUMP_CONTRACT_GAPS) gaps[row.operationId] = found;
      expect(found).toEqual(row.known_gaps ?? []);
    });
  }
});
