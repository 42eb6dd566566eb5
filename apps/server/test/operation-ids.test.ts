import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The exported document (`npm test` fails when it is not current), so this reads what clients see. */
const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../../../openapi/openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, { operationId?: string }>>;
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ method, path, id: op.operationId })),
);

describe('operationIds', () => {
  it('names every operation once', () => {
    expect(operations.filter((o) => !o.id).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    const ids = operations.map((o) => o.id);
    expect(ids.length - new Set(ids).size).toBe(0);
  });

  it('uses camelCase for the portal and console, the SDK operation names (PascalCase) for /v2', () => {
    for (const o of operations) {
      expect(o.id, `${o.method} ${o.path}`).toMatch(
        /^\/v[23]\//.test(o.path) ? /^[A-Z][A-Za-z]+$/ : /^[a-z][A-Za-z]+$/,
      );
    }
  });
});
